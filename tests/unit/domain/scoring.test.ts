import { describe, expect, it } from 'vitest';
import { goalScore, mean, scoreGoal, scoreRound } from '@/domain/scoring';
import type { AnswerValue, Instrument, InstrumentGoal } from '@/domain/types';
import { answerLookup, answerAll, reflectionLookup, smallInstrument } from '../../fixtures/instruments';
import { goalOf, scoresFor } from '../../fixtures/scores';

function goal(instrument: Instrument, index: number): InstrumentGoal {
  const found = instrument.goals[index];
  if (!found) throw new Error(`no goal ${String(index)}`);
  return found;
}

const goalA = goal(smallInstrument, 0);
const goalB = goal(smallInstrument, 1);
const goalC = goal(smallInstrument, 2);
const none = answerLookup({});
const noReflections = reflectionLookup();

describe('mean', () => {
  it('is null for no values', () => {
    expect(mean([])).toBeNull();
  });

  it('is the value itself for one value', () => {
    expect(mean([3])).toBe(3);
  });

  it('is not rounded', () => {
    expect(mean([1, 2, 2])).toBe(5 / 3);
  });

  it('handles values that are not exact in binary', () => {
    expect(mean([0.1, 0.2])).toBeCloseTo(0.15, 12);
  });
});

describe('scoreGoal: a goal in a round', () => {
  it('is the mean of the rated items', () => {
    const score = scoreGoal(goalB, answerLookup({ 'b-1': 2, 'b-2': 3, 'b-3': 4 }), noReflections);
    expect(score).toEqual({
      goalId: 'goal-b',
      mean: 3,
      rated: 3,
      dontKnow: 0,
      notRelevant: 0,
      unanswered: 0,
      applicable: 3,
      coverage: 1,
      skipped: false,
      note: '',
    });
  });

  it('keeps the exact mean: [1, 2, 2] is 5/3, not 1.67', () => {
    const score = scoreGoal(goalB, answerLookup({ 'b-1': 1, 'b-2': 2, 'b-3': 2 }), noReflections);
    expect(score.mean).toBe(5 / 3);
    expect(score.mean).not.toBe(1.67);
  });

  it('uses the single rating as the mean when only one item is rated', () => {
    const score = scoreGoal(goalB, answerLookup({ 'b-2': 4 }), noReflections);
    expect(score).toMatchObject({ mean: 4, rated: 1, unanswered: 2, applicable: 3 });
    expect(score.coverage).toBeCloseTo(1 / 3);
  });

  it('leaves "don’t know" out of the mean but counts it', () => {
    const score = scoreGoal(goalB, answerLookup({ 'b-1': 4, 'b-2': 'dont-know', 'b-3': 2 }), noReflections);
    expect(score).toMatchObject({ mean: 3, rated: 2, dontKnow: 1, notRelevant: 0, unanswered: 0, applicable: 3 });
    expect(score.coverage).toBeCloseTo(2 / 3);
  });

  it('leaves "not relevant" out of the mean and out of the applicable items', () => {
    const score = scoreGoal(goalB, answerLookup({ 'b-1': 4, 'b-2': 'not-relevant', 'b-3': 2 }), noReflections);
    expect(score).toMatchObject({ mean: 3, rated: 2, dontKnow: 0, notRelevant: 1, unanswered: 0, applicable: 2, coverage: 1 });
  });

  it('counts items without a record and cleared answers (null) as unanswered', () => {
    const score = scoreGoal(goalB, answerLookup({ 'b-1': 1, 'b-2': null }), noReflections);
    expect(score).toMatchObject({ mean: 1, rated: 1, unanswered: 2, applicable: 3 });
    expect(score.coverage).toBeCloseTo(1 / 3);
  });

  it('counts an item with only a note as unanswered', () => {
    const score = scoreGoal(goalC, answerLookup({ 'c-1': null }, { 'c-1': 'Vi återkommer' }), noReflections);
    expect(score).toMatchObject({ mean: null, rated: 0, unanswered: 1, applicable: 1, coverage: 0 });
  });

  it('counts every kind of answer in one goal', () => {
    const score = scoreGoal(goalB, answerLookup({ 'b-1': 3, 'b-2': 'dont-know', 'b-3': 'not-relevant' }), noReflections);
    expect(score).toMatchObject({ mean: 3, rated: 1, dontKnow: 1, notRelevant: 1, unanswered: 0, applicable: 2, coverage: 0.5 });
  });

  it('has no mean and zero coverage when nothing is answered', () => {
    expect(scoreGoal(goalA, none, noReflections)).toMatchObject({
      mean: null,
      rated: 0,
      unanswered: 2,
      applicable: 2,
      coverage: 0,
    });
  });

  it('has no mean and zero coverage when every item is "don’t know"', () => {
    const score = scoreGoal(goalB, answerLookup({ 'b-1': 'dont-know', 'b-2': 'dont-know', 'b-3': 'dont-know' }), noReflections);
    expect(score).toMatchObject({ mean: null, rated: 0, dontKnow: 3, applicable: 3, coverage: 0 });
  });

  it('has null coverage (not zero, not NaN) when every item is "not relevant"', () => {
    const score = scoreGoal(goalA, answerLookup({ 'a-1': 'not-relevant', 'a-2': 'not-relevant' }), noReflections);
    expect(score).toMatchObject({ mean: null, rated: 0, notRelevant: 2, applicable: 0, coverage: null });
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('treats the non-finite rating %s as unrated', (value) => {
    const score = scoreGoal(goalA, answerLookup({ 'a-1': value, 'a-2': 2 }), noReflections);
    expect(score).toMatchObject({ mean: 2, rated: 1, unanswered: 1, applicable: 2, coverage: 0.5 });
    expect(Number.isFinite(score.mean)).toBe(true);
  });

  it('gives no score when every rating is non-finite', () => {
    const score = scoreGoal(goalA, answerLookup({ 'a-1': Number.NaN, 'a-2': Number.POSITIVE_INFINITY }), noReflections);
    expect(score).toMatchObject({ mean: null, rated: 0, unanswered: 2, coverage: 0 });
  });

  it('ignores answers to items of other goals and to unknown items', () => {
    const score = scoreGoal(goalC, answerLookup({ 'a-1': 1, 'b-1': 1, 'gone-item': 1, 'c-1': 4 }), noReflections);
    expect(score).toMatchObject({ mean: 4, rated: 1, applicable: 1, coverage: 1 });
  });

  it('adds up fractional ratings without rounding', () => {
    const score = scoreGoal(goalA, answerLookup({ 'a-1': 0.1, 'a-2': 0.2 }), noReflections);
    expect(score.mean).toBeCloseTo(0.15, 12);
  });

  describe('a goal the group marked not relevant this round (skipped)', () => {
    const skipB = reflectionLookup({ 'goal-b': true });

    it('has no mean, no ratings and null coverage — not a zero score', () => {
      const score = scoreGoal(goalB, answerLookup({ 'b-1': 4, 'b-2': 4, 'b-3': 4 }), skipB);
      expect(score.mean).toBeNull();
      expect(score.rated).toBe(0);
      expect(score.coverage).toBeNull();
      expect(score.coverage).not.toBe(0);
      expect(score.skipped).toBe(true);
    });

    it('is null even with no answers at all', () => {
      expect(scoreGoal(goalB, none, skipB)).toMatchObject({ mean: null, rated: 0, coverage: null, skipped: true });
    });

    it('is not skipped when the reflection says it is relevant', () => {
      const score = scoreGoal(goalB, answerLookup({ 'b-1': 2 }), reflectionLookup({ 'goal-b': false }));
      expect(score).toMatchObject({ mean: 2, rated: 1, skipped: false });
    });

    it('is not affected by another goal being skipped', () => {
      expect(scoreGoal(goalA, answerLookup({ 'a-1': 2, 'a-2': 3 }), skipB)).toMatchObject({ mean: 2.5, skipped: false });
    });
  });

  it('carries the reflection note', () => {
    const scores = scoresFor(smallInstrument, { values: { 'a-1': 2 }, reflections: { 'goal-a': 'Bra samtal' } });
    expect(goalOf(scores, 'goal-a').note).toBe('Bra samtal');
    expect(goalOf(scores, 'goal-b').note).toBe('');
  });

  it('carries the reflection note of a skipped goal', () => {
    const scores = scoresFor(smallInstrument, { skipped: ['goal-c'], reflections: { 'goal-c': 'Gäller inte oss' } });
    expect(goalOf(scores, 'goal-c')).toMatchObject({ skipped: true, note: 'Gäller inte oss' });
  });
});

describe('scoreRound: a whole round', () => {
  it('has no scores at all for an empty round', () => {
    const scores = scoresFor(smallInstrument);
    expect(scores.goals.map((g) => g.mean)).toEqual([null, null, null]);
    expect(scores.overall).toBeNull();
    expect(scores.rated).toBe(0);
    expect(scores.applicable).toBe(6);
    expect([...scores.items.values()].every((item) => item.value === null && item.answer === null)).toBe(true);
  });

  it('scores every goal in instrument order', () => {
    const scores = scoresFor(smallInstrument, { values: { 'a-1': 1, 'a-2': 2, 'b-1': 3, 'b-2': 3, 'b-3': 3, 'c-1': 4 } });
    expect(scores.goals.map((g) => g.goalId)).toEqual(['goal-a', 'goal-b', 'goal-c']);
    expect(scores.goals.map((g) => g.mean)).toEqual([1.5, 3, 4]);
    expect(scores.rated).toBe(6);
    expect(scores.applicable).toBe(6);
  });

  it('weighs each goal the same: goal A [4] and goal B [1, 1, 1] give 2.5, not 1.75', () => {
    const scores = scoresFor(smallInstrument, { values: { 'a-1': 4, 'b-1': 1, 'b-2': 1, 'b-3': 1 } });
    expect(goalOf(scores, 'goal-a').mean).toBe(4);
    expect(goalOf(scores, 'goal-b').mean).toBe(1);
    expect(goalOf(scores, 'goal-c').mean).toBeNull();
    expect(scores.overall).toBe(2.5);
    expect(scores.overall).not.toBe(1.75);
  });

  it('takes the overall over goals with a score only, leaving out skipped and unrated goals', () => {
    const scores = scoresFor(smallInstrument, {
      values: { 'a-1': 2, 'a-2': 2, 'b-1': 1, 'b-2': 1, 'b-3': 1, 'c-1': 'dont-know' },
      skipped: ['goal-b'],
    });
    expect(scores.overall).toBe(2);
  });

  it('keeps the overall exact: goal means 5/3 and 4 give 17/6', () => {
    const scores = scoresFor(smallInstrument, { values: { 'b-1': 1, 'b-2': 2, 'b-3': 2, 'c-1': 4 } });
    expect(scores.overall).toBe((5 / 3 + 4) / 2);
    expect(scores.overall).toBeCloseTo(17 / 6, 12);
  });

  it('has a null overall when every goal is skipped', () => {
    const scores = scoresFor(smallInstrument, {
      values: { 'a-1': 4, 'b-1': 4, 'c-1': 4 },
      skipped: ['goal-a', 'goal-b', 'goal-c'],
    });
    expect(scores.overall).toBeNull();
    expect(scores.rated).toBe(0);
    expect(scores.applicable).toBe(0);
  });

  it('has a null overall when everything is "don’t know"', () => {
    const scores = scoreRound(smallInstrument, answerAll(smallInstrument, 'dont-know'), noReflections);
    expect(scores.overall).toBeNull();
    expect(scores.goals.map((g) => g.coverage)).toEqual([0, 0, 0]);
    expect(scores.goals.map((g) => g.dontKnow)).toEqual([2, 3, 1]);
  });

  it('sums rated and applicable over goals, leaving skipped goals and "not relevant" items out of applicable', () => {
    const scores = scoresFor(smallInstrument, {
      values: { 'a-1': 3, 'a-2': 'not-relevant', 'b-1': 2, 'c-1': 'dont-know' },
      skipped: ['goal-b'],
    });
    // goal-a: 1 rated of 1 applicable; goal-b skipped; goal-c: 0 rated of 1 applicable.
    expect(scores.rated).toBe(1);
    expect(scores.applicable).toBe(2);
  });

  it('scores an instrument without goals as empty', () => {
    const empty: Instrument = { ...smallInstrument, goals: [] };
    const scores = scoreRound(empty, none, noReflections);
    expect(scores).toMatchObject({ goals: [], overall: null, rated: 0, applicable: 0 });
    expect(scores.items.size).toBe(0);
  });

  it('scores a goal without items as having no mean and null coverage', () => {
    const instrument: Instrument = { ...smallInstrument, goals: [{ ...goalA, items: [] }, goalC] };
    const scores = scoreRound(instrument, answerLookup({ 'c-1': 3 }), noReflections);
    expect(goalOf(scores, 'goal-a')).toMatchObject({ mean: null, rated: 0, applicable: 0, coverage: null });
    expect(scores.overall).toBe(3);
  });

  describe('the item map', () => {
    it('has an entry for every item of the instrument and nothing else', () => {
      const scores = scoresFor(smallInstrument, { values: { 'a-1': 2, 'not-in-instrument': 4 } });
      expect([...scores.items.keys()]).toEqual(['a-1', 'a-2', 'b-1', 'b-2', 'b-3', 'c-1']);
    });

    it('gives the rating, the answer, the note and the goal of each item', () => {
      const scores = scoresFor(smallInstrument, {
        values: { 'a-1': 3, 'a-2': 'dont-know', 'b-1': 'not-relevant', 'b-2': null },
        notes: { 'a-1': 'Vi har rutiner', 'b-2': 'Osäkra' },
      });
      expect(scores.items.get('a-1')).toEqual({ itemId: 'a-1', goalId: 'goal-a', value: 3, answer: 3, note: 'Vi har rutiner' });
      expect(scores.items.get('a-2')).toEqual({ itemId: 'a-2', goalId: 'goal-a', value: null, answer: 'dont-know', note: '' });
      expect(scores.items.get('b-1')).toEqual({ itemId: 'b-1', goalId: 'goal-b', value: null, answer: 'not-relevant', note: '' });
      expect(scores.items.get('b-2')).toEqual({ itemId: 'b-2', goalId: 'goal-b', value: null, answer: null, note: 'Osäkra' });
      expect(scores.items.get('b-3')).toEqual({ itemId: 'b-3', goalId: 'goal-b', value: null, answer: null, note: '' });
    });

    it('has value null for the items of a skipped goal but keeps their answer and note', () => {
      const scores = scoresFor(smallInstrument, {
        values: { 'b-1': 4, 'b-2': 'dont-know', 'a-1': 2 },
        notes: { 'b-1': 'Gjort förra året' },
        skipped: ['goal-b'],
      });
      expect(scores.items.get('b-1')).toEqual({ itemId: 'b-1', goalId: 'goal-b', value: null, answer: 4, note: 'Gjort förra året' });
      expect(scores.items.get('b-2')).toMatchObject({ value: null, answer: 'dont-know' });
      expect(scores.items.get('a-1')).toMatchObject({ value: 2, answer: 2 });
    });

    it.each([Number.NaN, Number.POSITIVE_INFINITY])('gives value null for the non-finite rating %s', (value: AnswerValue) => {
      const scores = scoresFor(smallInstrument, { values: { 'c-1': value } });
      expect(scores.items.get('c-1')?.value).toBeNull();
      expect(goalOf(scores, 'goal-c')).toMatchObject({ mean: null, unanswered: 1 });
    });
  });

  it('scores the same from records as from plain lookups', () => {
    const values = { 'a-1': 2, 'a-2': 'dont-know', 'b-1': 4, 'b-3': 'not-relevant' } as const;
    const fromRecords = scoresFor(smallInstrument, { values, skipped: ['goal-c'] });
    const fromLookups = scoreRound(smallInstrument, answerLookup(values), reflectionLookup({ 'goal-c': true }));
    expect(fromRecords.goals).toEqual(fromLookups.goals);
    expect(fromRecords.overall).toBe(fromLookups.overall);
    expect([...fromRecords.items.entries()]).toEqual([...fromLookups.items.entries()]);
  });
});

describe('goalScore', () => {
  const scores = scoresFor(smallInstrument, { values: { 'a-1': 2 } });

  it('finds a goal by id', () => {
    expect(goalScore(scores, 'goal-a')?.mean).toBe(2);
  });

  it('is undefined for an unknown goal', () => {
    expect(goalScore(scores, 'goal-x')).toBeUndefined();
  });
});
