import { newId, nowIso } from './ids';
import type { AnswerLookup, ReflectionLookup } from './progress';
import { itemScore, scoreGoal, type GoalScore, type ItemScore } from './scoring';
import { isAnswered } from './progress';
import type { AnswerValue, Instrument, InstrumentItem, LocalItem, LocalizedText, Round, ScaleLevel } from './types';
import { MAX_TEXT } from './records';

/**
 * A group's own items are scored the same way as the common ones (means of the ratings given,
 * "don't know" and "not relevant" left out) but never mixed into the common goal score or the
 * overall score: those stay comparable between centres. These are their scores, kept apart.
 */

export const MAX_LOCAL_ITEM_TEXT = 1000;
export const MAX_LOCAL_ITEMS_PER_GOAL = 30;

export interface LocalItemInput {
  text: string;
  /** One per scale step; all empty means "no descriptors". */
  levels: readonly string[];
}

/** A goal's own items scored like a goal (mean, counts, coverage), but only among themselves. */
export interface LocalGoalScore extends GoalScore {
  /** The own items shown in this round (see localItemsForRound). */
  readonly total: number;
  readonly items: readonly ItemScore[];
}

/** Trims the text and the descriptors; descriptors that are all empty are stored as none. */
export function normalizeLocalItem(input: LocalItemInput, scaleSteps: number): LocalItemInput {
  const text = input.text.trim().slice(0, MAX_LOCAL_ITEM_TEXT);
  const levels = input.levels.map((level) => level.trim().slice(0, MAX_TEXT));
  const given = levels.some((level) => level !== '');
  return { text, levels: given ? Array.from({ length: scaleSteps }, (_, index) => levels[index] ?? '') : [] };
}

export function createLocalItem(centreId: string, goalId: string, input: LocalItemInput, scaleSteps: number, now: string = nowIso()): LocalItem {
  const normalized = normalizeLocalItem(input, scaleSteps);
  return { id: newId(), centreId, goalId, text: normalized.text, levels: [...normalized.levels], retired: false, createdAt: now, updatedAt: now };
}

/** When a round was finished, for telling which own items it could have answered. */
export type RoundState = Pick<Round, 'status' | 'completedAt' | 'updatedAt'>;

/** A rating or a note: what a round wrote on an item is never hidden. */
function wroteOn(answers: AnswerLookup, itemId: string): boolean {
  return isAnswered(answers, itemId) || (answers.get(itemId)?.note ?? '') !== '';
}

/** A round that was complete before the item existed never asked it. */
function askedIn(item: LocalItem, round: RoundState | undefined): boolean {
  if (!round || round.status !== 'complete') return true;
  return item.createdAt <= (round.completedAt ?? round.updatedAt);
}

/**
 * The own items a round shows under a goal: every one it has an answer to, and those still in use
 * that it asked (with `round`: not ones added after it was completed, so an old round's results do
 * not grow unanswered items). Oldest first, the order they were added in.
 */
export function localItemsForRound(items: readonly LocalItem[], goalId: string, answers: AnswerLookup, round?: RoundState): LocalItem[] {
  return items
    .filter((item) => item.goalId === goalId && (wroteOn(answers, item.id) || (!item.retired && askedIn(item, round))))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}


export function scoreLocalGoal(
  goalId: string,
  items: readonly LocalItem[],
  answers: AnswerLookup,
  reflections: ReflectionLookup,
  round?: RoundState,
): LocalGoalScore {
  const shown = localItemsForRound(items, goalId, answers, round);
  const score = scoreGoal({ id: goalId, items: shown }, answers, reflections);
  return { ...score, total: shown.length, items: shown.map((item) => itemScore(item.id, goalId, answers, score.skipped)) };
}

/** One entry per goal of the instrument that has own items in this round, in goal order. */
export function scoreLocalItems(
  instrument: Instrument,
  items: readonly LocalItem[],
  answers: AnswerLookup,
  reflections: ReflectionLookup,
  round?: RoundState,
): LocalGoalScore[] {
  return instrument.goals
    .map((goal) => scoreLocalGoal(goal.id, items, answers, reflections, round))
    .filter((score) => score.total > 0);
}

/** Own items answered in this round, with an answer of any kind. */
export function localProgress(items: readonly LocalItem[], goalId: string, answers: AnswerLookup): { answered: number; total: number } {
  const shown = localItemsForRound(items, goalId, answers);
  return { answered: shown.filter((item) => isAnswered(answers, item.id)).length, total: shown.length };
}

/** The group writes its own statement in one language: it reads the same whichever is chosen. */
function same(text: string): LocalizedText {
  return { sv: text, en: text };
}

/**
 * An own item as the questionnaire's item card shows it, so it is answered exactly like a common
 * one. Descriptors only when the group gave some; a step left empty falls back to the scale's own
 * description of that step.
 */
export function localItemCard(item: LocalItem, scale: readonly ScaleLevel[]): InstrumentItem {
  if (item.levels.length === 0) return { id: item.id, statement: same(item.text) };
  return {
    id: item.id,
    statement: same(item.text),
    levels: scale.map((level, index) => {
      const own = item.levels[index]?.trim() ?? '';
      return own === '' ? level.description : same(own);
    }),
  };
}

/** One own statement across compared rounds: its answer in each, oldest round first. */
export interface LocalItemSeries {
  readonly itemId: string;
  readonly text: string;
  /** The rating in each round; null where the round gave none, or did not show the item. */
  readonly values: readonly (number | null)[];
  readonly answers: readonly (AnswerValue | null)[];
}

export interface LocalGoalSeries {
  readonly goalId: string;
  readonly items: readonly LocalItemSeries[];
  /** The own items' mean in each round (over what that round showed). */
  readonly means: readonly (number | null)[];
}

export interface LocalRoundInput {
  readonly answers: AnswerLookup;
  readonly reflections: ReflectionLookup;
  readonly round?: RoundState;
}

/**
 * The group's own statements across rounds, goal by goal in the instrument's order: every item
 * some compared round showed, oldest first, with its answer in each round. Only goals with own items.
 */
export function compareLocalItems(instrument: Instrument, items: readonly LocalItem[], rounds: readonly LocalRoundInput[]): LocalGoalSeries[] {
  const texts = new Map(items.map((item) => [item.id, item.text]));
  return instrument.goals.flatMap((goal): LocalGoalSeries[] => {
    const scores = rounds.map(({ answers, reflections, round }) => scoreLocalGoal(goal.id, items, answers, reflections, round));
    const shown = new Set(scores.flatMap((score) => score.items.map((item) => item.itemId)));
    if (shown.size === 0) return [];
    const unique = items
      .filter((item) => item.goalId === goal.id && shown.has(item.id))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    return [
      {
        goalId: goal.id,
        items: unique.map((item) => {
          const inRounds = scores.map((score) => score.items.find((entry) => entry.itemId === item.id));
          return {
            itemId: item.id,
            text: texts.get(item.id) ?? '',
            values: inRounds.map((entry) => entry?.value ?? null),
            answers: inRounds.map((entry) => entry?.answer ?? null),
          };
        }),
        means: scores.map((score) => score.mean),
      },
    ];
  });
}
