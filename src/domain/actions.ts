import { compareActions, isOpen } from './actionOrder';
import { initialHistory, recordStatus } from './cycle/actionHistory';
import { newId, nowIso } from './ids';
import { isIsoDate } from './period';
import { compareRoundsNewestFirst, MAX_NAME, MAX_TEXT, type FieldErrors } from './records';
import { ACTION_STATUSES, type ActionItem, type ActionStatus, type Round } from './types';

// In a module of their own so that the action history (cycle/actionHistory.ts) can use them without a circle.
export { compareActions, isOpen };

/** What the group writes for one action of a goal's action plan. */
export interface ActionInput {
  what: string;
  /** A service or role. */
  who: string;
  /** ISO date, or '' for no date. */
  due: string;
  status: ActionStatus;
}

export const MAX_ACTION_WHAT = MAX_TEXT;
export const MAX_ACTION_WHO = MAX_NAME;

export function emptyActionInput(): ActionInput {
  return { what: '', who: '', due: '', status: 'planned' };
}

export function isActionStatus(value: unknown): value is ActionStatus {
  return typeof value === 'string' && (ACTION_STATUSES as readonly string[]).includes(value);
}

export function validateAction(input: ActionInput): FieldErrors<ActionInput> {
  const errors: FieldErrors<ActionInput> = {};
  const what = input.what.trim();
  if (!what) errors.what = 'required';
  else if (what.length > MAX_ACTION_WHAT) errors.what = 'tooLong';
  if (input.who.trim().length > MAX_ACTION_WHO) errors.who = 'tooLong';
  if (input.due !== '' && !isIsoDate(input.due)) errors.due = 'invalidDate';
  if (!isActionStatus(input.status)) errors.status = 'required';
  return errors;
}

export function normalizeAction(input: ActionInput): ActionInput {
  return { what: input.what.trim(), who: input.who.trim(), due: input.due.trim(), status: input.status };
}

export function createAction(
  input: ActionInput,
  centreId: string,
  roundId: string,
  goalId: string,
  now: string = nowIso(),
): ActionItem {
  const fields = normalizeAction(input);
  return { id: newId(), centreId, roundId, goalId, ...fields, statusHistory: initialHistory({ status: fields.status, createdAt: now, roundId }), createdAt: now, updatedAt: now };
}

/**
 * The action with a new status recorded in its history as set in `roundId` (the round whose
 * meeting set it: a review in October names the October round, not the action's own).
 */
export function withStatus(action: ActionItem, status: ActionStatus, now: string = nowIso(), roundId: string = action.roundId): ActionItem {
  const history = action.statusHistory.length > 0 ? action.statusHistory : initialHistory(action);
  return { ...action, status, statusHistory: recordStatus(history, { status, at: now, roundId }), updatedAt: now };
}

/** The action with the group's edits; identity, round, goal, origin and history stay. */
export function updateAction(action: ActionItem, input: ActionInput, now: string = nowIso(), roundId: string = action.roundId): ActionItem {
  const fields = normalizeAction(input);
  return { ...withStatus(action, fields.status, now, roundId), ...fields, updatedAt: now };
}

/** The round held just before the given one (by date, then creation), or undefined. */
export function roundBefore(rounds: readonly Round[], roundId: string): Round | undefined {
  const ordered = [...rounds].sort(compareRoundsNewestFirst);
  const index = ordered.findIndex((r) => r.id === roundId);
  return index < 0 ? undefined : ordered[index + 1];
}

/**
 * The open actions of the round just before `newRoundId`, for the group to review at the start of the
 * new round; those already carried into the new round are left out.
 */
export function openActionsToReview(
  allCentreActions: readonly ActionItem[],
  rounds: readonly Round[],
  newRoundId: string,
): ActionItem[] {
  return openActionsOf(allCentreActions, roundBefore(rounds, newRoundId), newRoundId);
}

/** The same, given the round before (when it is already known, without sorting all the rounds again). */
export function openActionsOf(allCentreActions: readonly ActionItem[], previous: Round | undefined, newRoundId: string): ActionItem[] {
  if (!previous) return [];
  const carried = new Set(
    allCentreActions.filter((a) => a.roundId === newRoundId && a.carriedFromId).map((a) => a.carriedFromId),
  );
  return allCentreActions
    .filter((a) => a.roundId === previous.id && isOpen(a.status) && !carried.has(a.id))
    .sort(compareActions);
}

/** Copies of the actions in the new round, each pointing back at the action it continues. */
export function carryForward(actions: readonly ActionItem[], newRoundId: string, now: string = nowIso()): ActionItem[] {
  return actions.map((action) => ({
    id: newId(),
    centreId: action.centreId,
    roundId: newRoundId,
    goalId: action.goalId,
    what: action.what,
    who: action.who,
    due: action.due,
    status: action.status,
    carriedFromId: action.id,
    // The copy carries what happened before it, so the chain's history reads the same from either end.
    statusHistory: [...action.statusHistory],
    createdAt: now,
    updatedAt: now,
  }));
}

/** A round's actions per goal, each list oldest first. */
export function actionsByGoal(actions: readonly ActionItem[]): Map<string, ActionItem[]> {
  const byGoal = new Map<string, ActionItem[]>();
  for (const action of [...actions].sort(compareActions)) {
    const list = byGoal.get(action.goalId);
    if (list) list.push(action);
    else byGoal.set(action.goalId, [action]);
  }
  return byGoal;
}

export function countOpen(actions: readonly ActionItem[]): number {
  return actions.filter((a) => isOpen(a.status)).length;
}
