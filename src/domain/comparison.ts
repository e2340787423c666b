import type { RoundScores } from './scoring';
import type { Instrument } from './types';

/** Differences below this are floating-point noise, not change (means of small integers). */
const EPSILON = 1e-9;

export interface ScoredRound {
  readonly roundId: string;
  readonly title: string;
  readonly period: string;
  /** ISO date of the meeting; comparisons are ordered by it. */
  readonly date: string;
  readonly scores: RoundScores;
  /** The instrument version the round was answered with, to name it where versions differ. */
  readonly instrumentVersion?: string;
}

export interface Series {
  /** One value per compared round, oldest first; null where that round has no score. */
  readonly values: readonly (number | null)[];
  /** Newest value minus the one before it (the two newest rounds); null if either is missing. */
  readonly change: number | null;
  /** Newest value minus the oldest that exists. */
  readonly changeFromFirst: number | null;
}

export interface GoalSeries extends Series {
  readonly goalId: string;
  /**
   * The goal's statements differ between the versions the compared rounds were answered with (one
   * has a statement another lacks): its means then rest on different statements, and a view must say
   * so beside the change instead of presenting it as like for like.
   */
  readonly statementsDiffer: boolean;
}

export interface ItemSeries extends Series {
  readonly itemId: string;
  readonly goalId: string;
  /** Indexes (into `rounds`) of rounds whose instrument version has no such statement: "not in that version", not "unanswered". */
  readonly absentIn: readonly number[];
}

export interface Comparison {
  /** Oldest first. */
  readonly rounds: readonly ScoredRound[];
  readonly goals: readonly GoalSeries[];
  readonly items: readonly ItemSeries[];
  /** Items whose rating rose between the two newest rounds, largest rise first. */
  readonly rose: readonly ItemSeries[];
  /** Items whose rating fell, largest fall first. */
  readonly fell: readonly ItemSeries[];
  /** Goals (by id) whose statements differ between the compared rounds' instrument versions. */
  readonly differingGoals: readonly string[];
}

function difference(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  const d = a - b;
  return Math.abs(d) < EPSILON ? 0 : d;
}

export function series(values: readonly (number | null)[]): Series {
  const last = values.length > 0 ? values[values.length - 1] : null;
  const previous = values.length > 1 ? values[values.length - 2] : null;
  const firstIndex = values.findIndex((value) => value !== null);
  // With nothing scored before the newest round there is no change to report, not a change of 0.
  const first = firstIndex >= 0 && firstIndex < values.length - 1 ? (values[firstIndex] ?? null) : null;
  return {
    values,
    change: difference(last, previous),
    changeFromFirst: values.length > 1 ? difference(last, first) : null,
  };
}

export function chronological(rounds: readonly ScoredRound[]): ScoredRound[] {
  return [...rounds].sort((a, b) => a.date.localeCompare(b.date) || a.roundId.localeCompare(b.roundId));
}

/** A round's statements of one goal, as its own instrument version has them (scoring keeps every item). */
function goalItemIds(round: ScoredRound, goalId: string): string {
  return [...round.scores.items.values()].filter((item) => item.goalId === goalId).map((item) => item.itemId).sort().join(' ');
}

/**
 * Compares rounds goal by goal and item by item. Items are matched by id, so rounds answered with
 * different instrument versions compare on the items they share; the instrument given sets the
 * order and which goals and items are shown. An item a round's version lacks has no value for that
 * round and is marked absent there, and a goal whose statements differ between the rounds is marked,
 * since its means then rest on different statements.
 */
export function compareRounds(instrument: Instrument, rounds: readonly ScoredRound[], topN = 5): Comparison {
  const ordered = chronological(rounds);
  const goals = instrument.goals.map((goal): GoalSeries => ({
    goalId: goal.id,
    ...series(ordered.map((round) => round.scores.goals.find((g) => g.goalId === goal.id)?.mean ?? null)),
    statementsDiffer: new Set(ordered.map((round) => goalItemIds(round, goal.id))).size > 1,
  }));
  const items = instrument.goals.flatMap((goal) =>
    goal.items.map((item): ItemSeries => ({
      itemId: item.id,
      goalId: goal.id,
      ...series(ordered.map((round) => round.scores.items.get(item.id)?.value ?? null)),
      absentIn: ordered.flatMap((round, index) => (round.scores.items.has(item.id) ? [] : [index])),
    })),
  );
  const order = new Map(items.map((item, index) => [item.itemId, index]));
  const byOrder = (a: ItemSeries, b: ItemSeries) => (order.get(a.itemId) ?? 0) - (order.get(b.itemId) ?? 0);
  const rose = items
    .filter((item) => (item.change ?? 0) > 0)
    .sort((a, b) => (b.change ?? 0) - (a.change ?? 0) || byOrder(a, b))
    .slice(0, topN);
  const fell = items
    .filter((item) => (item.change ?? 0) < 0)
    .sort((a, b) => (a.change ?? 0) - (b.change ?? 0) || byOrder(a, b))
    .slice(0, topN);
  return { rounds: ordered, goals, items, rose, fell, differingGoals: goals.filter((goal) => goal.statementsDiffer).map((goal) => goal.goalId) };
}
