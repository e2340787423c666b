import type { CheckInDocument, CheckInGoal } from '../cycle/checkIn';
import { DEFAULT_DEADLINES, dueDate, type Deadline } from '../cycle/deadlines';
import type { HandIn } from '../cycle/handIn';
import type { GoalReadingAction, GoalReadingCentre, GoalReadingRound } from './goalAcross';

/**
 * "What do the six districts say about goal 3?" read from what they handed in: per centre the
 * goal's part of one check-in hand-in (the newest by default, or the one for a chosen deadline),
 * exactly as sealed – the reflection, the actions with the status they had that day, the notes and
 * the sub-goals with their targets. In name order, like every reading across centres.
 */

export type HandInChoice = { readonly kind: 'latest' } | { readonly kind: 'deadline'; readonly deadlineId: string; readonly year: number };

export interface HandInChoiceOption {
  readonly key: string;
  readonly choice: HandInChoice;
  readonly deadline?: Deadline;
  /** Centres with a check-in hand-in for this choice. */
  readonly centres: number;
}

export interface CentreHandIns {
  readonly centreId: string;
  readonly name: string;
  readonly handIns: readonly HandIn[];
}

const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

export const LATEST_KEY = 'latest';

export function choiceKey(choice: HandInChoice): string {
  return choice.kind === 'latest' ? LATEST_KEY : `${choice.deadlineId}@${String(choice.year)}`;
}

function newestFirst(a: HandIn, b: HandIn): number {
  return b.sealedAt.localeCompare(a.sealedAt) || b.sequence - a.sequence;
}

/** The check-in hand-in a choice means for one centre: the newest, or the newest for the deadline. */
export function pickHandIn(handIns: readonly HandIn[], choice: HandInChoice): HandIn | undefined {
  return handIns
    .filter((h) => h.kind === 'check-in')
    .filter((h) => choice.kind === 'latest' || (h.deadlineId === choice.deadlineId && h.year === choice.year))
    .sort(newestFirst)[0];
}

/** "The newest hand-in", then every check-in deadline someone handed in for, newest deadline first. */
export function handInChoices(centres: readonly CentreHandIns[], deadlines: readonly Deadline[] = DEFAULT_DEADLINES): HandInChoiceOption[] {
  const latest: HandInChoiceOption = { key: LATEST_KEY, choice: { kind: 'latest' }, centres: centres.filter((c) => pickHandIn(c.handIns, { kind: 'latest' })).length };
  const seen = new Map<string, HandInChoiceOption & { due: string }>();
  for (const centre of centres) {
    for (const handIn of centre.handIns) {
      const deadline = deadlines.find((d) => d.id === handIn.deadlineId);
      if (handIn.kind !== 'check-in' || !deadline) continue;
      const choice: HandInChoice = { kind: 'deadline', deadlineId: deadline.id, year: handIn.year };
      const key = choiceKey(choice);
      if (seen.has(key)) continue;
      const count = centres.filter((c) => pickHandIn(c.handIns, choice)).length;
      seen.set(key, { key, choice, deadline, centres: count, due: dueDate(deadline, handIn.year) });
    }
  }
  const byDeadline = [...seen.values()].sort((a, b) => b.due.localeCompare(a.due)).map(({ due: _due, ...option }) => option);
  return [latest, ...byDeadline];
}

function actionsOf(goal: CheckInGoal): GoalReadingAction[] {
  const actions = new Map<string, GoalReadingAction>();
  for (const action of [...goal.sinceLast, ...goal.nextSteps]) {
    if (!actions.has(action.actionId)) actions.set(action.actionId, { id: action.actionId, what: action.what, who: action.who, due: action.due, status: action.status });
  }
  return [...actions.values()];
}

/** One goal of a sealed check-in as a reading; undefined when the document has no such goal. */
export function goalReadingOf(handIn: HandIn, goalId: string): GoalReadingRound | undefined {
  if (handIn.document.kind !== 'check-in') return undefined;
  const document: CheckInDocument = handIn.document;
  const goal = document.goals.find((g) => g.goalId === goalId);
  if (!goal) return undefined;
  return {
    roundId: document.round.roundId,
    title: document.round.title,
    date: document.round.date,
    inProgress: false,
    score: { mean: goal.figures.mean, skipped: goal.skipped },
    reflection: goal.reflection,
    notRelevant: goal.skipped,
    actions: actionsOf(goal),
    ownStatements: goal.ownStatements.map((item) => ({ id: item.itemId, text: item.statement.sv, value: item.answer, note: item.note })),
    notes: goal.items.filter((item) => item.note.trim() !== '').map((item) => ({ itemId: item.itemId, note: item.note })),
    handIn: { handInId: handIn.id, deadlineId: handIn.deadlineId, year: handIn.year, sequence: handIn.sequence, sealedAt: handIn.sealedAt },
    targets: goal.targets.map((target) => ({
      targetId: target.targetId,
      statement: target.statement,
      level: target.level,
      by: target.by,
      services: [...target.services],
      answer: target.answer,
      state: target.state,
    })),
  };
}

export function readGoalFromHandIns(centres: readonly CentreHandIns[], goalId: string, choice: HandInChoice): GoalReadingCentre[] {
  return [...centres]
    .sort((a, b) => collator.compare(a.name, b.name) || a.centreId.localeCompare(b.centreId))
    .map((centre) => {
      const handIn = pickHandIn(centre.handIns, choice);
      return { centreId: centre.centreId, name: centre.name, round: (handIn && goalReadingOf(handIn, goalId)) ?? null };
    });
}
