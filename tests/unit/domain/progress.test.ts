import { beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultInstrument } from '@/instrument';
import {
  answersByItem,
  firstUnanswered,
  goalProgress,
  isAnswered,
  isRatingValue,
  reflectionsByGoal,
  resumePosition,
  roundProgress,
} from '@/domain/progress';
import type { Instrument, InstrumentGoal } from '@/domain/types';
import {
  answerAll,
  answerLookup,
  answerRecord,
  reflectionLookup,
  reflectionRecord,
  smallInstrument,
} from '../../fixtures/instruments';

function goal(instrument: Instrument, index: number): InstrumentGoal {
  const found = instrument.goals[index];
  if (!found) throw new Error(`no goal ${String(index)}`);
  return found;
}

const none = answerLookup({});
const noReflections = reflectionLookup();

describe('isAnswered', () => {
  it.each([1, 4, 'dont-know', 'not-relevant'] as const)('counts %j as an answer', (value) => {
    expect(isAnswered(answerLookup({ 'a-1': value }), 'a-1')).toBe(true);
  });

  it('does not count a cleared answer (null) as answered', () => {
    expect(isAnswered(answerLookup({ 'a-1': null }), 'a-1')).toBe(false);
  });

  it('does not count an item with only a note as answered', () => {
    expect(isAnswered(answerLookup({ 'a-1': null }, { 'a-1': 'Vi pratade om det' }), 'a-1')).toBe(false);
  });

  it('does not count an item that has no record at all', () => {
    expect(isAnswered(none, 'a-1')).toBe(false);
  });

  it('looks at the asked item only', () => {
    expect(isAnswered(answerLookup({ 'a-1': 2 }), 'a-2')).toBe(false);
  });
});

describe('goalProgress', () => {
  it('is 0 of n and not complete with no answers', () => {
    expect(goalProgress(goal(smallInstrument, 1), none, noReflections)).toEqual({
      goalId: 'goal-b',
      answered: 0,
      total: 3,
      skipped: false,
      complete: false,
    });
  });

  it('counts ratings, "don’t know" and "not relevant" as answered', () => {
    const answers = answerLookup({ 'b-1': 2, 'b-2': 'dont-know', 'b-3': 'not-relevant' });
    expect(goalProgress(goal(smallInstrument, 1), answers, noReflections)).toMatchObject({ answered: 3, complete: true });
  });

  it('does not count cleared answers', () => {
    const answers = answerLookup({ 'b-1': 2, 'b-2': null, 'b-3': null });
    expect(goalProgress(goal(smallInstrument, 1), answers, noReflections)).toMatchObject({ answered: 1, complete: false });
  });

  it('ignores answers to items of other goals', () => {
    const answers = answerLookup({ 'a-1': 1, 'a-2': 1, 'c-1': 4 });
    expect(goalProgress(goal(smallInstrument, 1), answers, noReflections).answered).toBe(0);
  });

  it('counts a goal marked not relevant as complete, whatever its answers', () => {
    const progress = goalProgress(goal(smallInstrument, 1), answerLookup({ 'b-1': null }), reflectionLookup({ 'goal-b': true }));
    expect(progress).toEqual({ goalId: 'goal-b', answered: 3, total: 3, skipped: true, complete: true });
  });

  it('does not skip a goal whose reflection says it is relevant', () => {
    const progress = goalProgress(goal(smallInstrument, 1), none, reflectionLookup({ 'goal-b': false }));
    expect(progress).toMatchObject({ skipped: false, answered: 0, complete: false });
  });

  it('is not affected by another goal being marked not relevant', () => {
    const progress = goalProgress(goal(smallInstrument, 0), none, reflectionLookup({ 'goal-b': true }));
    expect(progress).toMatchObject({ skipped: false, answered: 0 });
  });
});

describe('roundProgress', () => {
  it('is 0 of 6 for an empty round of the small instrument', () => {
    const progress = roundProgress(smallInstrument, none, noReflections);
    expect(progress).toMatchObject({ answered: 0, total: 6, fraction: 0, complete: false });
    expect(progress.goals.map((g) => g.goalId)).toEqual(['goal-a', 'goal-b', 'goal-c']);
  });

  it('sums the goals and gives the fraction', () => {
    const answers = answerLookup({ 'a-1': 1, 'b-2': 'dont-know', 'c-1': 'not-relevant' });
    expect(roundProgress(smallInstrument, answers, noReflections)).toMatchObject({
      answered: 3,
      total: 6,
      fraction: 0.5,
      complete: false,
    });
  });

  it('counts a skipped goal fully towards the round', () => {
    const progress = roundProgress(smallInstrument, answerLookup({ 'a-1': 4 }), reflectionLookup({ 'goal-b': true }));
    expect(progress).toMatchObject({ answered: 4, total: 6 });
    expect(progress.fraction).toBeCloseTo(4 / 6);
  });

  it('is complete when every item is answered', () => {
    expect(roundProgress(smallInstrument, answerAll(smallInstrument, 'dont-know'), noReflections)).toMatchObject({
      answered: 6,
      fraction: 1,
      complete: true,
    });
  });

  it('is complete when every goal is skipped', () => {
    const all = reflectionLookup({ 'goal-a': true, 'goal-b': true, 'goal-c': true });
    expect(roundProgress(smallInstrument, none, all)).toMatchObject({ fraction: 1, complete: true });
  });

  it('treats an instrument without items as complete rather than dividing by zero', () => {
    const empty: Instrument = { ...smallInstrument, goals: [] };
    expect(roundProgress(empty, none, noReflections)).toEqual({ goals: [], answered: 0, total: 0, fraction: 1, complete: true });
  });

  it('is 0 of 41 for a new round of the default instrument (2.0.0)', async () => {
    const instrument = await loadDefaultInstrument();
    expect(roundProgress(instrument, none, noReflections)).toMatchObject({ answered: 0, total: 41, complete: false });
  });

  it('ignores answers to items that are not in the instrument', () => {
    const answers = answerLookup({ 'old-item': 3, 'a-1': 2 });
    expect(roundProgress(smallInstrument, answers, noReflections).answered).toBe(1);
  });
});

describe('firstUnanswered', () => {
  it('is the first item of the first goal in an empty round', () => {
    expect(firstUnanswered(smallInstrument, none, noReflections)).toEqual({ goalId: 'goal-a', itemId: 'a-1' });
  });

  it('skips answered items, including "don’t know"', () => {
    const answers = answerLookup({ 'a-1': 'dont-know', 'a-2': 2 });
    expect(firstUnanswered(smallInstrument, answers, noReflections)).toEqual({ goalId: 'goal-b', itemId: 'b-1' });
  });

  it('finds a gap in the middle of a goal', () => {
    const answers = answerLookup({ 'a-1': 1, 'a-2': 1, 'b-1': 3, 'b-2': null, 'b-3': 4 });
    expect(firstUnanswered(smallInstrument, answers, noReflections)).toEqual({ goalId: 'goal-b', itemId: 'b-2' });
  });

  it('skips a goal marked not relevant', () => {
    const answers = answerLookup({ 'a-1': 1, 'a-2': 1 });
    expect(firstUnanswered(smallInstrument, answers, reflectionLookup({ 'goal-b': true }))).toEqual({
      goalId: 'goal-c',
      itemId: 'c-1',
    });
  });

  it('is nothing when all is answered or skipped', () => {
    expect(firstUnanswered(smallInstrument, answerAll(smallInstrument), noReflections)).toBeUndefined();
    const answers = answerLookup({ 'a-1': 1, 'a-2': 1, 'c-1': 2 });
    expect(firstUnanswered(smallInstrument, answers, reflectionLookup({ 'goal-b': true }))).toBeUndefined();
  });

  it('walks the default instrument in order', async () => {
    const instrument = await loadDefaultInstrument();
    const firstGoal = goal(instrument, 0);
    const answers = answerLookup(Object.fromEntries(firstGoal.items.map((item) => [item.id, 2])));
    expect(firstUnanswered(instrument, answers, noReflections)).toEqual({
      goalId: 'goal-2',
      itemId: goal(instrument, 1).items[0]?.id,
    });
  });
});

describe('resumePosition: where a round opens', () => {
  it('resumes exactly at the stored item', () => {
    const stored = { goalId: 'goal-b', itemId: 'b-2' };
    expect(resumePosition(smallInstrument, stored, none, noReflections)).toEqual(stored);
  });

  it('resumes at a stored goal without item', () => {
    expect(resumePosition(smallInstrument, { goalId: 'goal-c' }, none, noReflections)).toEqual({ goalId: 'goal-c' });
  });

  it('prefers the stored position over the first unanswered item', () => {
    const answers = answerLookup({ 'a-1': 1 });
    expect(resumePosition(smallInstrument, { goalId: 'goal-c', itemId: 'c-1' }, answers, noReflections)).toEqual({
      goalId: 'goal-c',
      itemId: 'c-1',
    });
  });

  it('falls back to the goal only when the stored item no longer exists in the instrument', () => {
    const stored = { goalId: 'goal-b', itemId: 'b-removed-in-v2' };
    expect(resumePosition(smallInstrument, stored, none, noReflections)).toEqual({ goalId: 'goal-b' });
  });

  it('falls back to the goal only when the stored item now belongs to another goal', () => {
    expect(resumePosition(smallInstrument, { goalId: 'goal-a', itemId: 'b-1' }, none, noReflections)).toEqual({
      goalId: 'goal-a',
    });
  });

  it('goes to the first unanswered item when the stored goal is unknown', () => {
    const answers = answerLookup({ 'a-1': 3 });
    expect(resumePosition(smallInstrument, { goalId: 'goal-x', itemId: 'a-1' }, answers, noReflections)).toEqual({
      goalId: 'goal-a',
      itemId: 'a-2',
    });
  });

  it('goes to the first unanswered item when nothing is stored', () => {
    const answers = answerLookup({ 'a-1': 3, 'a-2': 3 });
    expect(resumePosition(smallInstrument, undefined, answers, reflectionLookup({ 'goal-b': true }))).toEqual({
      goalId: 'goal-c',
      itemId: 'c-1',
    });
  });

  it('opens a fresh round at the top of its first goal, where the review of open actions is', () => {
    expect(resumePosition(smallInstrument, undefined, none, noReflections)).toEqual({ goalId: 'goal-a' });
  });

  it('opens the first goal when everything is answered and nothing is stored', () => {
    expect(resumePosition(smallInstrument, undefined, answerAll(smallInstrument), noReflections)).toEqual({
      goalId: 'goal-a',
    });
  });

  it('opens the first goal of the default instrument when a finished round has a stale position', async () => {
    const instrument = await loadDefaultInstrument();
    expect(resumePosition(instrument, { goalId: 'goal-9' }, answerAll(instrument), noReflections)).toEqual({
      goalId: 'goal-1',
    });
  });

  it('is nothing for an instrument without goals', () => {
    const empty: Instrument = { ...smallInstrument, goals: [] };
    expect(resumePosition(empty, { goalId: 'goal-a' }, none, noReflections)).toBeUndefined();
  });
});

describe('lookups from stored records', () => {
  it('indexes answers by item and reflections by goal', () => {
    const answers = answersByItem([answerRecord('r1', 'a-1', 2, 'anteckning'), answerRecord('r1', 'b-1', null)]);
    expect(answers.get('a-1')).toMatchObject({ value: 2, note: 'anteckning' });
    expect(isAnswered(answers, 'b-1')).toBe(false);
    const reflections = reflectionsByGoal([reflectionRecord('r1', 'goal-b', true)]);
    expect(roundProgress(smallInstrument, answers, reflections)).toMatchObject({ answered: 4, total: 6 });
  });
});

describe('isRatingValue', () => {
  let instrument: Instrument;
  beforeAll(async () => {
    instrument = await loadDefaultInstrument();
  });

  it.each([1, 2, 3, 4])('accepts the scale value %i', (value) => {
    expect(isRatingValue(instrument, value)).toBe(true);
  });

  it.each([0, 5, 2.5, '3', 'dont-know', null, undefined])('rejects %j', (value) => {
    expect(isRatingValue(instrument, value)).toBe(false);
  });
});
