import { describe, expect, it } from 'vitest';
import { compareRounds } from '@/domain/comparison';
import {
  createLocalItem,
  localItemsForRound,
  localProgress,
  MAX_LOCAL_ITEM_TEXT,
  normalizeLocalItem,
  scoreLocalGoal,
  scoreLocalItems,
  compareLocalItems,
} from '@/domain/localItems';
import { roundProgress } from '@/domain/progress';
import { goalScore, scoreRound } from '@/domain/scoring';
import { answerLookup, reflectionLookup, smallInstrument } from '../../fixtures/instruments';
import { makeLocalItem } from '../../fixtures/localItems';

/**
 * A group's own items: asked and answered like the common ones, scored apart, never part of the
 * common goal score, the overall score, progress or comparisons between rounds and centres.
 */

const CENTRE = 'centre-1';
const ownB1 = makeLocalItem(CENTRE, 'goal-b', { text: 'Vi har ett gemensamt väntrum', createdAt: '2026-01-01T10:00:00.000Z' });
const ownB2 = makeLocalItem(CENTRE, 'goal-b', { text: 'Socialtjänsten nås på direktnummer', createdAt: '2026-01-01T09:00:00.000Z' });
const retiredB = makeLocalItem(CENTRE, 'goal-b', { text: 'Gammalt', retired: true, createdAt: '2026-01-01T08:00:00.000Z' });
const ownA = makeLocalItem(CENTRE, 'goal-a', { text: 'Eget under A' });
const all = [ownB1, ownB2, retiredB, ownA];

describe('scoring with own items kept apart from the common instrument', () => {
  const common = { 'b-1': 2, 'b-2': 3, 'b-3': 4 } as const;

  it('leaves the common goal score, the overall score and the counts exactly as without own items', () => {
    const without = scoreRound(smallInstrument, answerLookup(common), reflectionLookup());
    const withOwn = scoreRound(smallInstrument, answerLookup({ ...common, [ownB1.id]: 1, [ownB2.id]: 1, [ownA.id]: 4 }), reflectionLookup());
    expect(withOwn).toEqual(without);
    expect(goalScore(withOwn, 'goal-b')?.mean).toBe(3);
    expect(withOwn.items.has(ownB1.id)).toBe(false);
  });

  it('scores own items of a goal on their own: the mean of those rated', () => {
    const answers = answerLookup({ ...common, [ownB1.id]: 1, [ownB2.id]: 4 });
    const score = scoreLocalGoal('goal-b', all, answers, reflectionLookup());
    expect(score).toMatchObject({ goalId: 'goal-b', mean: 2.5, rated: 2, total: 2 });
    // Oldest first: the order the group added them in.
    expect(score.items.map((item) => item.itemId)).toEqual([ownB2.id, ownB1.id]);
  });

  it('leaves "don\'t know", "not relevant" and unanswered own items out of the mean, but lists them', () => {
    const answers = answerLookup({ [ownB1.id]: 'dont-know', [ownB2.id]: 'not-relevant' });
    const score = scoreLocalGoal('goal-b', all, answers, reflectionLookup());
    expect(score.mean).toBeNull();
    expect(score.rated).toBe(0);
    expect(score.items.map((item) => item.answer)).toEqual(['not-relevant', 'dont-know']);
    expect(scoreLocalGoal('goal-b', all, answerLookup({}), reflectionLookup()).items.map((item) => item.value)).toEqual([null, null]);
  });

  it('gives no own score in a goal the group marked not relevant this round, though the answers stay', () => {
    const answers = answerLookup({ [ownB1.id]: 4, [ownB2.id]: 3 }, { [ownB1.id]: 'ändå en anteckning' });
    const score = scoreLocalGoal('goal-b', all, answers, reflectionLookup({ 'goal-b': true }));
    expect(score.mean).toBeNull();
    expect(score.items.map((item) => item.value)).toEqual([null, null]);
    expect(score.items.map((item) => item.answer)).toEqual([3, 4]);
    expect(score.items[1]?.note).toBe('ändå en anteckning');
  });

  it('keeps a retired item in the rounds that answered it, and out of those that did not', () => {
    const answered = scoreLocalGoal('goal-b', all, answerLookup({ [retiredB.id]: 2 }), reflectionLookup());
    expect(answered.items.map((item) => item.itemId)).toEqual([retiredB.id, ownB2.id, ownB1.id]);
    expect(answered.mean).toBe(2);
    const notAnswered = scoreLocalGoal('goal-b', all, answerLookup({ [retiredB.id]: null }), reflectionLookup());
    expect(notAnswered.items.map((item) => item.itemId)).toEqual([ownB2.id, ownB1.id]);
  });

  it('lists only the goals that have own items, in goal order', () => {
    const scores = scoreLocalItems(smallInstrument, all, answerLookup({ [ownA.id]: 4 }), reflectionLookup());
    expect(scores.map((score) => score.goalId)).toEqual(['goal-a', 'goal-b']);
    expect(scores[0]?.mean).toBe(4);
    expect(scoreLocalItems(smallInstrument, [], answerLookup({}), reflectionLookup())).toEqual([]);
  });

  it('ignores own items under a goal the instrument does not have', () => {
    const stray = makeLocalItem(CENTRE, 'goal-z');
    expect(scoreLocalItems(smallInstrument, [stray], answerLookup({ [stray.id]: 3 }), reflectionLookup())).toEqual([]);
  });

  it('does not change the round\'s progress: a complete round stays complete when an own item is added later', () => {
    const answers = answerLookup({ 'a-1': 1, 'a-2': 2, 'b-1': 3, 'b-2': 4, 'b-3': 1, 'c-1': 2 });
    expect(roundProgress(smallInstrument, answers, reflectionLookup()).complete).toBe(true);
    expect(localProgress(all, 'goal-b', answers)).toEqual({ answered: 0, total: 2 });
    expect(localProgress(all, 'goal-b', answerLookup({ [ownB1.id]: 'dont-know' }))).toEqual({ answered: 1, total: 2 });
  });

  it('does not reach comparisons between rounds: only the instrument\'s items are compared', () => {
    const round = (id: string, date: string, own: number) => ({
      roundId: id,
      title: id,
      period: '',
      date,
      scores: scoreRound(smallInstrument, answerLookup({ 'b-1': 2, [ownB1.id]: own }), reflectionLookup()),
    });
    const comparison = compareRounds(smallInstrument, [round('r1', '2026-01-01', 1), round('r2', '2026-06-01', 4)]);
    expect(comparison.items.some((item) => item.itemId === ownB1.id)).toBe(false);
    expect(comparison.goals.find((goal) => goal.goalId === 'goal-b')?.change).toBe(0);
  });
});

describe('which own items a round shows', () => {
  it('shows the goal\'s items in use, oldest first, and retired ones only where answered', () => {
    expect(localItemsForRound(all, 'goal-b', answerLookup({})).map((item) => item.id)).toEqual([ownB2.id, ownB1.id]);
    expect(localItemsForRound(all, 'goal-b', answerLookup({ [retiredB.id]: 'not-relevant' })).map((item) => item.id)).toEqual([retiredB.id, ownB2.id, ownB1.id]);
    expect(localItemsForRound(all, 'goal-c', answerLookup({}))).toEqual([]);
  });

  it('keeps a retired item where the round wrote only a note on it', () => {
    expect(localItemsForRound(all, 'goal-b', answerLookup({ [retiredB.id]: null }, { [retiredB.id]: 'Anteckning' })).map((item) => item.id)).toContain(retiredB.id);
  });

  it('leaves out of a completed round the items added after it was completed, unless it answered them', () => {
    const completed = { status: 'complete' as const, completedAt: '2026-01-01T09:30:00.000Z', updatedAt: '2026-01-05T00:00:00.000Z' };
    // ownB2 was added at 09:00, ownB1 at 10:00.
    expect(localItemsForRound(all, 'goal-b', answerLookup({}), completed).map((item) => item.id)).toEqual([ownB2.id]);
    expect(localItemsForRound(all, 'goal-b', answerLookup({ [ownB1.id]: 2 }), completed).map((item) => item.id)).toEqual([ownB2.id, ownB1.id]);
    // Without a completion time, the last change stands in for it.
    expect(localItemsForRound(all, 'goal-b', answerLookup({}), { status: 'complete', updatedAt: '2026-01-01T12:00:00.000Z' })).toHaveLength(2);
    // A round in progress asks every item in use, whenever it was added.
    expect(localItemsForRound(all, 'goal-b', answerLookup({}), { ...completed, status: 'in-progress' })).toHaveLength(2);
    expect(scoreLocalGoal('goal-b', all, answerLookup({}), reflectionLookup(), completed).total).toBe(1);
  });

  it('orders items added at the same moment by id, so every device shows the same order', () => {
    const a = makeLocalItem(CENTRE, 'goal-c', { id: 'b0000000-0000-4000-8000-000000000000', createdAt: '2026-02-02T00:00:00.000Z' });
    const b = makeLocalItem(CENTRE, 'goal-c', { id: 'a0000000-0000-4000-8000-000000000000', createdAt: '2026-02-02T00:00:00.000Z' });
    expect(localItemsForRound([a, b], 'goal-c', answerLookup({})).map((item) => item.id)).toEqual([b.id, a.id]);
  });
});

describe('creating own items', () => {
  it('trims the text and keeps descriptors, one per scale step', () => {
    const item = createLocalItem(CENTRE, 'goal-a', { text: '  Vi har ett väntrum \n', levels: [' Inget ', 'Lite', '', 'Allt'] }, 4, '2026-03-01T00:00:00.000Z');
    expect(item).toMatchObject({ centreId: CENTRE, goalId: 'goal-a', text: 'Vi har ett väntrum', levels: ['Inget', 'Lite', '', 'Allt'], retired: false });
    expect(item.createdAt).toBe('2026-03-01T00:00:00.000Z');
    expect(item.updatedAt).toBe(item.createdAt);
    expect(item.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('stores descriptors that are all empty as none', () => {
    expect(normalizeLocalItem({ text: 'x', levels: ['', '  ', '', ''] }, 4).levels).toEqual([]);
    expect(normalizeLocalItem({ text: 'x', levels: [] }, 4).levels).toEqual([]);
  });

  it('pads or cuts descriptors to the number of scale steps', () => {
    expect(normalizeLocalItem({ text: 'x', levels: ['ett'] }, 4).levels).toEqual(['ett', '', '', '']);
    expect(normalizeLocalItem({ text: 'x', levels: ['1', '2', '3', '4', '5'] }, 4).levels).toEqual(['1', '2', '3', '4']);
  });

  it('cuts a pasted text at the limit', () => {
    expect(normalizeLocalItem({ text: 'å'.repeat(MAX_LOCAL_ITEM_TEXT + 10), levels: [] }, 4).text).toHaveLength(MAX_LOCAL_ITEM_TEXT);
  });
});

describe('own statements across rounds (compareLocalItems)', () => {
  const spring = { answers: answerLookup({ [ownB2.id]: 2, [retiredB.id]: 1 }), reflections: reflectionLookup(), round: { status: 'complete' as const, completedAt: '2026-01-01T09:30:00.000Z', updatedAt: '2026-01-01T09:30:00.000Z' } };
  const autumn = { answers: answerLookup({ [ownB2.id]: 4, [ownB1.id]: 'dont-know', [ownA.id]: 3 }), reflections: reflectionLookup() };

  it('lists each goal\'s own statements any compared round showed, with the answer in each round, oldest first', () => {
    const series = compareLocalItems(smallInstrument, all, [spring, autumn]);
    expect(series.map((goal) => goal.goalId)).toEqual(['goal-a', 'goal-b']);
    const goalB = series[1];
    expect(goalB?.items.map((item) => item.itemId)).toEqual([retiredB.id, ownB2.id, ownB1.id]);
    expect(goalB?.items.map((item) => item.values)).toEqual([
      [1, null],
      [2, 4],
      [null, null],
    ]);
    expect(goalB?.items[2]?.answers).toEqual([null, 'dont-know']);
    expect(goalB?.items[1]?.text).toBe(ownB2.text);
  });

  it('gives each round the mean of the own statements it showed, apart from the goal', () => {
    const series = compareLocalItems(smallInstrument, all, [spring, autumn]);
    expect(series[1]?.means).toEqual([1.5, 4]);
    // Spring did not rate goal A's own statement: no value and no mean there.
    expect(series[0]?.items[0]?.values).toEqual([null, 3]);
    expect(series[0]?.means).toEqual([null, 3]);
  });

  it('is empty without own statements, or when no compared round showed any', () => {
    expect(compareLocalItems(smallInstrument, [], [spring, autumn])).toEqual([]);
    expect(compareLocalItems(smallInstrument, [retiredB], [autumn])).toEqual([]);
  });
});
