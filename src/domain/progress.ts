import type { Answer, GoalReflection, Instrument, InstrumentGoal, RoundPosition } from './types';

export interface GoalProgress {
  readonly goalId: string;
  /** Items with any answer: a rating, "don't know" or "not relevant". */
  readonly answered: number;
  readonly total: number;
  /** The whole goal is marked not relevant this round: it counts as done. */
  readonly skipped: boolean;
  readonly complete: boolean;
}

export interface RoundProgress {
  readonly goals: readonly GoalProgress[];
  readonly answered: number;
  readonly total: number;
  /** 0–1; a round whose every goal is skipped is complete. */
  readonly fraction: number;
  readonly complete: boolean;
}

export type AnswerLookup = ReadonlyMap<string, Pick<Answer, 'value' | 'note'>>;
export type ReflectionLookup = ReadonlyMap<string, Pick<GoalReflection, 'notRelevant' | 'note'>>;

export function answersByItem(answers: readonly Answer[]): Map<string, Answer> {
  return new Map(answers.map((answer) => [answer.itemId, answer]));
}

export function reflectionsByGoal(reflections: readonly GoalReflection[]): Map<string, GoalReflection> {
  return new Map(reflections.map((reflection) => [reflection.goalId, reflection]));
}

export function isAnswered(answers: AnswerLookup, itemId: string): boolean {
  const value = answers.get(itemId)?.value;
  return value !== undefined && value !== null;
}

export function goalProgress(goal: InstrumentGoal, answers: AnswerLookup, reflections: ReflectionLookup): GoalProgress {
  const skipped = reflections.get(goal.id)?.notRelevant === true;
  const total = goal.items.length;
  const answered = skipped ? total : goal.items.filter((item) => isAnswered(answers, item.id)).length;
  return { goalId: goal.id, answered, total, skipped, complete: answered === total };
}

export function roundProgress(instrument: Instrument, answers: AnswerLookup, reflections: ReflectionLookup): RoundProgress {
  const goals = instrument.goals.map((goal) => goalProgress(goal, answers, reflections));
  const answered = goals.reduce((sum, g) => sum + g.answered, 0);
  const total = goals.reduce((sum, g) => sum + g.total, 0);
  return {
    goals,
    answered,
    total,
    fraction: total === 0 ? 1 : answered / total,
    complete: answered === total,
  };
}

/** The first item without an answer, in instrument order, skipping goals marked not relevant. */
export function firstUnanswered(
  instrument: Instrument,
  answers: AnswerLookup,
  reflections: ReflectionLookup,
): RoundPosition | undefined {
  for (const goal of instrument.goals) {
    if (reflections.get(goal.id)?.notRelevant === true) continue;
    const item = goal.items.find((candidate) => !isAnswered(answers, candidate.id));
    if (item) return { goalId: goal.id, itemId: item.id };
  }
  return undefined;
}

/**
 * Where to open a round: the stored position if it still exists in this instrument, otherwise the
 * first unanswered item, otherwise the first goal.
 */
export function resumePosition(
  instrument: Instrument,
  stored: RoundPosition | undefined,
  answers: AnswerLookup,
  reflections: ReflectionLookup,
): RoundPosition | undefined {
  if (stored) {
    const goal = instrument.goals.find((g) => g.id === stored.goalId);
    if (goal) {
      const itemExists = stored.itemId === undefined || goal.items.some((item) => item.id === stored.itemId);
      return itemExists ? stored : { goalId: goal.id };
    }
  }
  const first = instrument.goals[0];
  // A round nothing has been answered in opens at the top of the first goal, where the review of
  // the previous round's actions is, not scrolled down to its first statement.
  if (answers.size === 0) return first ? { goalId: first.id } : undefined;
  const unanswered = firstUnanswered(instrument, answers, reflections);
  if (unanswered) return unanswered;
  return first ? { goalId: first.id } : undefined;
}

export function isRatingValue(instrument: Instrument, value: unknown): value is number {
  return typeof value === 'number' && instrument.scale.levels.some((level) => level.value === value);
}
