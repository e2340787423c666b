import type { AnswerValue } from '../types';

/**
 * A local sub-goal with a target (seed 002: each district makes the goals concrete). The sub-goal is
 * a statement the group rates – usually one of its own statements, possibly a common one – and the
 * target is the level it means to reach by a date, with the services responsible and the actions
 * that are to get it there. Progress is read from the round's answer to that statement.
 */
export interface ItemTarget {
  readonly id: string;
  readonly goalId: string;
  /** The statement rated: an own statement's UUID or a common item's id. */
  readonly itemId: string;
  /** The level on the scale the group aims for. */
  readonly level: number;
  /** The rating when the target was set, if there was one: rising above it is "on the way". */
  readonly startLevel: number | null;
  /** ISO date, or '' for none. */
  readonly by: string;
  /** Services or roles responsible. */
  readonly services: readonly string[];
  readonly actionIds: readonly string[];
}

export type TargetState = 'met' | 'on-the-way' | 'not-yet' | 'no-data';

/**
 * A target against an answer: met at or above the level; on the way when below it but above where
 * it started; not yet otherwise; no data when the statement is not rated (unanswered, "don't know",
 * "not relevant"), which is not the same as not yet.
 */
export function targetState(target: Pick<ItemTarget, 'level' | 'startLevel'>, answer: AnswerValue | null | undefined): TargetState {
  if (typeof answer !== 'number' || !Number.isFinite(answer)) return 'no-data';
  if (answer >= target.level) return 'met';
  if (target.startLevel !== null && answer > target.startLevel) return 'on-the-way';
  return 'not-yet';
}

export function targetsOfGoal(targets: readonly ItemTarget[], goalId: string): ItemTarget[] {
  return targets.filter((target) => target.goalId === goalId);
}
