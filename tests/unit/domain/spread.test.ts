import { describe, expect, it } from 'vitest';
import { DIVERGENT_RANGE, divergentItems, itemSpread, pendingParticipants, spreadsOf } from '@/domain/spread';
import type { AnswerValue, IndividualRating, Participant } from '@/domain/types';
import { smallInstrument } from '../../fixtures/instruments';

const SCALE = [1, 2, 3, 4];

function rating(itemId: string, participantId: string, value: AnswerValue | null): IndividualRating {
  return { id: `${itemId}:${participantId}`, roundId: 'r1', itemId, participantId, value, updatedAt: '2026-01-01T00:00:00.000Z' };
}

/** Ratings of one item by p1, p2, … in order. */
function ratingsOf(itemId: string, values: readonly (AnswerValue | null)[]): IndividualRating[] {
  return values.map((value, index) => rating(itemId, `p${String(index + 1)}`, value));
}

const participants: Participant[] = [
  { id: 'p1', name: 'Anna', role: 'BVC' },
  { id: 'p2', name: '', role: 'BMM' },
  { id: 'p3', name: 'Cecilia', role: '' },
];

describe('itemSpread', () => {
  it('has no statistics without ratings, but a zero count for every scale step', () => {
    const spread = itemSpread('a-1', [], SCALE);
    expect(spread).toMatchObject({ count: 0, min: null, max: null, range: null, mean: null, sd: null, divergent: false });
    expect(spread.distribution.map((d) => [d.value, d.count])).toEqual([[1, 0], [2, 0], [3, 0], [4, 0]]);
  });

  it('with one rating: min = max, range 0, sd 0, not divergent', () => {
    const spread = itemSpread('a-1', ratingsOf('a-1', [3]), SCALE);
    expect(spread).toMatchObject({ count: 1, min: 3, max: 3, range: 0, mean: 3, sd: 0, divergent: false });
  });

  it('with all equal ratings: range 0 and sd exactly 0', () => {
    const spread = itemSpread('a-1', ratingsOf('a-1', [2, 2, 2, 2]), SCALE);
    expect(spread).toMatchObject({ count: 4, min: 2, max: 2, range: 0, mean: 2, sd: 0, divergent: false });
    expect(spread.distribution.find((d) => d.value === 2)?.count).toBe(4);
  });

  it('computes min, max, range, mean and the population standard deviation', () => {
    const spread = itemSpread('a-1', ratingsOf('a-1', [1, 2, 4]), SCALE);
    expect(spread.min).toBe(1);
    expect(spread.max).toBe(4);
    expect(spread.range).toBe(3);
    expect(spread.mean).toBeCloseTo(7 / 3, 12);
    // variance = ((1−7/3)² + (2−7/3)² + (4−7/3)²) / 3 = (16/9 + 1/9 + 25/9) / 3 = 14/9
    expect(spread.sd).toBeCloseTo(Math.sqrt(14) / 3, 12);
    expect(spread.divergent).toBe(true);
  });

  it('uses the population, not the sample, standard deviation', () => {
    const spread = itemSpread('a-1', ratingsOf('a-1', [1, 3]), SCALE);
    expect(spread.sd).toBe(1);
  });

  it('keeps floating point noise out of the standard deviation of equal values', () => {
    const spread = itemSpread('a-1', ratingsOf('a-1', [3, 3, 3, 3, 3, 3, 3]), SCALE);
    expect(spread.sd).toBe(0);
    const tenths = itemSpread('a-1', ratingsOf('a-1', [0.1, 0.2, 0.3]), []);
    expect(tenths.mean).toBeCloseTo(0.2, 12);
    expect(tenths.sd).toBeCloseTo(Math.sqrt(2 / 300), 12);
  });

  it('leaves "don\'t know", "not relevant" and cleared ratings out of the statistics but counts the first two', () => {
    const spread = itemSpread('a-1', ratingsOf('a-1', ['dont-know', 4, 'not-relevant', null, 'dont-know', 3]), SCALE);
    expect(spread).toMatchObject({ count: 2, min: 3, max: 4, range: 1, mean: 3.5, sd: 0.5, dontKnow: 2, notRelevant: 1 });
  });

  it('is empty of statistics when everyone answered "don\'t know"', () => {
    const spread = itemSpread('a-1', ratingsOf('a-1', ['dont-know', 'dont-know']), SCALE);
    expect(spread).toMatchObject({ count: 0, min: null, range: null, dontKnow: 2, divergent: false });
  });

  it('ignores ratings of other items', () => {
    const spread = itemSpread('a-1', [...ratingsOf('a-1', [2]), ...ratingsOf('a-2', [4, 1])], SCALE);
    expect(spread).toMatchObject({ count: 1, min: 2, max: 2 });
  });

  it('records who gave each rating and keeps an unexpected value in order', () => {
    const spread = itemSpread('a-1', ratingsOf('a-1', [4, 1, 4, 5]), SCALE);
    expect(spread.distribution.map((d) => [d.value, d.participantIds])).toEqual([
      [1, ['p2']],
      [2, []],
      [3, []],
      [4, ['p1', 'p3']],
      [5, ['p4']],
    ]);
  });

  it(`flags a range of ${String(DIVERGENT_RANGE)} steps or more, not less`, () => {
    expect(itemSpread('a-1', ratingsOf('a-1', [2, 3]), SCALE).divergent).toBe(false);
    expect(itemSpread('a-1', ratingsOf('a-1', [2, 4]), SCALE).divergent).toBe(true);
  });
});

describe('spreadsOf', () => {
  it('gives the items with a rating, in instrument order', () => {
    const ratings = [...ratingsOf('b-2', [1]), ...ratingsOf('a-2', [3]), ...ratingsOf('c-1', [null])];
    expect(spreadsOf(smallInstrument, ratings).map((s) => s.itemId)).toEqual(['a-2', 'b-2']);
  });
});

describe('divergentItems', () => {
  const ratings = [
    ...ratingsOf('a-1', [1, 2, 4]), // range 3, sd 1.25
    ...ratingsOf('a-2', [1, 4]), // range 3, sd 1.5
    ...ratingsOf('b-1', [4]), // one rating: left out
    ...ratingsOf('b-2', [2, 2, 3]), // range 1
    ...ratingsOf('b-3', [1, 3]), // range 2, sd 1
    ...ratingsOf('c-1', [1, 3]), // range 2, sd 1 (tie with b-3)
  ];
  const spreads = spreadsOf(smallInstrument, ratings);

  it('sorts by range, then standard deviation, then instrument order, and leaves out single ratings', () => {
    expect(divergentItems(spreads, 10).map((s) => s.itemId)).toEqual(['a-2', 'a-1', 'b-3', 'c-1', 'b-2']);
  });

  it('gives at most the top N', () => {
    expect(divergentItems(spreads, 2).map((s) => s.itemId)).toEqual(['a-2', 'a-1']);
    expect(divergentItems(spreads, 0)).toEqual([]);
  });

  it('flags only the items whose range is at least 2', () => {
    expect(divergentItems(spreads, 10).map((s) => s.divergent)).toEqual([true, true, true, true, false]);
  });

  it('is empty when nobody rated two of the same item', () => {
    expect(divergentItems(spreadsOf(smallInstrument, ratingsOf('a-1', [2])))).toEqual([]);
  });
});

describe('pendingParticipants', () => {
  const round = { participants };

  it('is everyone before anyone rated', () => {
    expect(pendingParticipants(round, [], ['a-1', 'a-2'])).toEqual(participants);
  });

  it('leaves out those who answered every item, "don\'t know" included', () => {
    const ratings = [
      rating('a-1', 'p1', 2),
      rating('a-2', 'p1', 'dont-know'),
      rating('a-1', 'p2', 3),
      rating('a-1', 'p3', 1),
      rating('a-2', 'p3', null),
    ];
    expect(pendingParticipants(round, ratings, ['a-1', 'a-2']).map((p) => p.id)).toEqual(['p2', 'p3']);
  });

  it('ignores ratings of other goals and of people no longer in the round', () => {
    const ratings = [rating('b-1', 'p1', 2), rating('a-1', 'gone', 2), rating('a-1', 'p2', 2)];
    expect(pendingParticipants(round, ratings, ['a-1']).map((p) => p.id)).toEqual(['p1', 'p3']);
  });

  it('is empty when everyone is done, and for a round without participants', () => {
    const ratings = participants.map((p) => rating('c-1', p.id, 4));
    expect(pendingParticipants(round, ratings, ['c-1'])).toEqual([]);
    expect(pendingParticipants({ participants: [] }, [], ['c-1'])).toEqual([]);
  });
});
