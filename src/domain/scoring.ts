import type { AnswerLookup, ReflectionLookup } from './progress';
import type { AnswerValue, Instrument, InstrumentGoal } from './types';

/**
 * Scores are means of the ratings given, never rounded here: rounding is for display only.
 * "Don't know" and "not relevant" answers are left out of the mean but counted, and a goal the group
 * marked not relevant this round has no score at all (null), which is not the same as a low score.
 */

export interface ItemScore {
  readonly itemId: string;
  readonly goalId: string;
  /** The rating, or null for no rating (unanswered, "don't know", "not relevant", goal skipped). */
  readonly value: number | null;
  readonly answer: AnswerValue | null;
  readonly note: string;
}

export interface GoalScore {
  readonly goalId: string;
  /** Mean of the rated items; null when nothing is rated or the goal is not relevant this round. */
  readonly mean: number | null;
  /** Items rated on the scale. */
  readonly rated: number;
  readonly dontKnow: number;
  readonly notRelevant: number;
  readonly unanswered: number;
  /** Items that apply: all items less those answered "not relevant". */
  readonly applicable: number;
  /** rated / applicable, 0–1; null when no item applies. */
  readonly coverage: number | null;
  /** The whole goal is marked not relevant this round. */
  readonly skipped: boolean;
  readonly note: string;
}

export interface RoundScores {
  readonly goals: readonly GoalScore[];
  readonly items: ReadonlyMap<string, ItemScore>;
  /** Mean of the goal means that exist: each goal weighs the same, whatever its number of items. */
  readonly overall: number | null;
  readonly rated: number;
  readonly applicable: number;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function ratingOf(value: AnswerValue | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** What scoring reads of a goal: its id and its items' ids (a goal of the instrument, or a group's own items under it). */
export type ScoredGoal = Pick<InstrumentGoal, 'id'> & { readonly items: readonly { readonly id: string }[] };

/** One item's score in a round; no rating when its goal is skipped. */
export function itemScore(itemId: string, goalId: string, answers: AnswerLookup, skipped: boolean): ItemScore {
  const answer = answers.get(itemId);
  return { itemId, goalId, value: skipped ? null : ratingOf(answer?.value), answer: answer?.value ?? null, note: answer?.note ?? '' };
}

export function scoreGoal(goal: ScoredGoal, answers: AnswerLookup, reflections: ReflectionLookup): GoalScore {
  const reflection = reflections.get(goal.id);
  const skipped = reflection?.notRelevant === true;
  const note = reflection?.note ?? '';
  let dontKnow = 0;
  let notRelevant = 0;
  let unanswered = 0;
  const ratings: number[] = [];
  for (const item of goal.items) {
    const value = answers.get(item.id)?.value ?? null;
    if (value === 'dont-know') dontKnow += 1;
    else if (value === 'not-relevant') notRelevant += 1;
    else if (ratingOf(value) === null) unanswered += 1;
    else ratings.push(value as number);
  }
  const applicable = goal.items.length - notRelevant;
  if (skipped) {
    return { goalId: goal.id, mean: null, rated: 0, dontKnow, notRelevant, unanswered, applicable, coverage: null, skipped, note };
  }
  return {
    goalId: goal.id,
    mean: mean(ratings),
    rated: ratings.length,
    dontKnow,
    notRelevant,
    unanswered,
    applicable,
    coverage: applicable === 0 ? null : ratings.length / applicable,
    skipped,
    note,
  };
}

export function scoreRound(instrument: Instrument, answers: AnswerLookup, reflections: ReflectionLookup): RoundScores {
  const goals = instrument.goals.map((goal) => scoreGoal(goal, answers, reflections));
  const items = new Map<string, ItemScore>();
  instrument.goals.forEach((goal, index) => {
    const skipped = goals[index]?.skipped ?? false;
    for (const item of goal.items) items.set(item.id, itemScore(item.id, goal.id, answers, skipped));
  });
  const means = goals.map((g) => g.mean).filter((m): m is number => m !== null);
  return {
    goals,
    items,
    overall: mean(means),
    rated: goals.reduce((sum, g) => sum + g.rated, 0),
    applicable: goals.reduce((sum, g) => sum + (g.skipped ? 0 : g.applicable), 0),
  };
}

export function goalScore(scores: RoundScores, goalId: string): GoalScore | undefined {
  return scores.goals.find((goal) => goal.goalId === goalId);
}
