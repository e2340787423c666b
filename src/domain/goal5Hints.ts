import type { ActionStatus } from './types';

/**
 * Goal 5 asks how the group uses the self-evaluation. Some of its statements are facts the app already
 * holds; those are shown beside the statement as a hint. The group still rates: a hint never answers.
 */
export type Goal5Hint =
  | { readonly kind: 'roundsThisYear'; readonly count: number; readonly year: string }
  | { readonly kind: 'actionPlan'; readonly count: number }
  | { readonly kind: 'followedUp'; readonly stillOpen: number; readonly reviewDone: boolean }
  | { readonly kind: 'localGoals'; readonly count: number }
  | { readonly kind: 'onTime'; readonly year: number; readonly due: number; readonly onTime: number; readonly late: number; readonly missing: number };

/** Which statement of the built-in instrument each fact speaks to (ids are stable across versions). */
export const GOAL5_HINT_ITEMS = {
  roundsThisYear: 'g5-regular-rounds',
  actionPlan: 'g5-action-plan',
  followedUp: 'g5-follow-up',
  localGoals: 'g5-local-goals',
  onTime: 'g5-written-check-in',
} as const;

export function roundsInYear(rounds: readonly { readonly date: string }[], date: string): number {
  const year = date.slice(0, 4);
  return rounds.filter((round) => round.date.slice(0, 4) === year).length;
}

export interface Goal5Facts {
  readonly roundDate: string;
  readonly roundsThisYear: number | undefined;
  /** This round's actions. */
  readonly actions: readonly { readonly status: ActionStatus }[];
  /** Last round's actions still open for review, and whether the review is marked done; undefined for a first round. */
  readonly review: { readonly stillOpen: number; readonly done: boolean } | undefined;
  /** The group's own statements (local sub-goals) in use, across all goals. */
  readonly localGoals: number;
  /**
   * The written check-ins of the round's year against their deadlines (`checkInPunctuality` in
   * cycle/deadlines.ts); undefined while the hand-ins are not known. No hint while none is due yet.
   */
  readonly checkIns?: { readonly year: number; readonly due: number; readonly onTime: number; readonly late: number; readonly missing: number } | undefined;
}

export function goal5Hints(facts: Goal5Facts): ReadonlyMap<string, Goal5Hint> {
  const hints = new Map<string, Goal5Hint>();
  if (facts.roundsThisYear !== undefined) {
    hints.set(GOAL5_HINT_ITEMS.roundsThisYear, { kind: 'roundsThisYear', count: facts.roundsThisYear, year: facts.roundDate.slice(0, 4) });
  }
  hints.set(GOAL5_HINT_ITEMS.actionPlan, { kind: 'actionPlan', count: facts.actions.filter((a) => a.status !== 'dropped').length });
  if (facts.review) {
    hints.set(GOAL5_HINT_ITEMS.followedUp, { kind: 'followedUp', stillOpen: facts.review.stillOpen, reviewDone: facts.review.done });
  }
  hints.set(GOAL5_HINT_ITEMS.localGoals, { kind: 'localGoals', count: facts.localGoals });
  if (facts.checkIns && facts.checkIns.due > 0) hints.set(GOAL5_HINT_ITEMS.onTime, { kind: 'onTime', ...facts.checkIns });
  return hints;
}
