import { describe, expect, it } from 'vitest';
import { chronological, compareRounds, series, type Comparison, type GoalSeries, type ItemSeries, type ScoredRound } from '@/domain/comparison';
import type { AnswerValue, Instrument } from '@/domain/types';
import { smallInstrument } from '../../fixtures/instruments';
import { olderSmallInstrument, scoredRound } from '../../fixtures/scores';

function round(
  roundId: string,
  date: string,
  values: Record<string, AnswerValue | null> = {},
  skipped: readonly string[] = [],
  instrument: Instrument = smallInstrument,
): ScoredRound {
  return scoredRound(instrument, { roundId, date, values, skipped });
}

function goalSeries(comparison: Comparison, goalId: string): GoalSeries {
  const found = comparison.goals.find((g) => g.goalId === goalId);
  if (!found) throw new Error(`no series for ${goalId}`);
  return found;
}

function itemSeries(comparison: Comparison, itemId: string): ItemSeries {
  const found = comparison.items.find((i) => i.itemId === itemId);
  if (!found) throw new Error(`no series for ${itemId}`);
  return found;
}

const ids = (list: readonly { itemId: string }[]): string[] => list.map((item) => item.itemId);

describe('series', () => {
  it('is all null for no values', () => {
    expect(series([])).toEqual({ values: [], change: null, changeFromFirst: null });
  });

  it('has no change for a single value', () => {
    expect(series([3])).toEqual({ values: [3], change: null, changeFromFirst: null });
  });

  it('subtracts the one before from the newest', () => {
    expect(series([1, 2, 4])).toMatchObject({ change: 2, changeFromFirst: 3 });
  });

  it('has a null change when the newest is missing', () => {
    expect(series([2, 3, null])).toMatchObject({ change: null, changeFromFirst: null });
  });

  it('has a null change when the one before is missing, but still a change from the first value', () => {
    expect(series([2, null, 3])).toMatchObject({ change: null, changeFromFirst: 1 });
  });

  it('measures the change from the first value that exists', () => {
    expect(series([null, null, 2, 3, 4])).toMatchObject({ change: 1, changeFromFirst: 2 });
  });

  it('counts floating-point noise as no change', () => {
    expect(series([0.1 + 0.2, 0.3])).toMatchObject({ change: 0, changeFromFirst: 0 });
  });

  it('keeps a real but small change', () => {
    expect(series([2, 2 + 1e-6]).change).toBeCloseTo(1e-6, 12);
  });

  it('keeps negative changes', () => {
    expect(series([4, 3, 1])).toMatchObject({ change: -2, changeFromFirst: -3 });
  });
});

describe('chronological', () => {
  it('orders by date, then by round id, without touching the input', () => {
    const input = [round('b', '2026-03-01'), round('c', '2025-09-15'), round('a', '2026-03-01')];
    expect(chronological(input).map((r) => r.roundId)).toEqual(['c', 'a', 'b']);
    expect(input.map((r) => r.roundId)).toEqual(['b', 'c', 'a']);
  });
});

describe('compareRounds', () => {
  describe('the worked example', () => {
    // Round A rates goal A's items 2 and 3 (mean 2.5); round B rates them 3 and 4 (mean 3.5).
    const a = round('A', '2025-10-01', { 'a-1': 2, 'a-2': 3 });
    const b = round('B', '2026-03-01', { 'a-1': 3, 'a-2': 4 });
    const comparison = compareRounds(smallInstrument, [a, b]);

    it('gives the goal means per round and a change of +1', () => {
      expect(goalSeries(comparison, 'goal-a')).toEqual({ goalId: 'goal-a', values: [2.5, 3.5], change: 1, changeFromFirst: 1, statementsDiffer: false });
    });

    it('gives each item its own series', () => {
      expect(itemSeries(comparison, 'a-1')).toEqual({ itemId: 'a-1', goalId: 'goal-a', values: [2, 3], change: 1, changeFromFirst: 1, absentIn: [] });
      expect(itemSeries(comparison, 'a-2')).toMatchObject({ values: [3, 4], change: 1 });
    });

    it('has null series for goals nobody rated', () => {
      expect(goalSeries(comparison, 'goal-b')).toMatchObject({ values: [null, null], change: null, changeFromFirst: null });
    });

    it('lists both items as rising and nothing as falling', () => {
      expect(ids(comparison.rose)).toEqual(['a-1', 'a-2']);
      expect(comparison.fell).toEqual([]);
    });
  });

  describe('round order', () => {
    const older = round('r-old', '2025-09-10', { 'c-1': 1 });
    const middle = round('r-mid', '2026-01-20', { 'c-1': 2 });
    const newer = round('r-new', '2026-03-10', { 'c-1': 4 });

    it.each([
      ['oldest first', [older, middle, newer]],
      ['newest first', [newer, middle, older]],
      ['shuffled', [middle, newer, older]],
    ])('sorts rounds by date whatever the input order (%s)', (_label, input) => {
      const comparison = compareRounds(smallInstrument, input);
      expect(comparison.rounds.map((r) => r.roundId)).toEqual(['r-old', 'r-mid', 'r-new']);
      expect(goalSeries(comparison, 'goal-c')).toMatchObject({ values: [1, 2, 4], change: 2, changeFromFirst: 3 });
    });

    it('breaks date ties by round id', () => {
      const x = round('x', '2026-03-10', { 'c-1': 1 });
      const y = round('y', '2026-03-10', { 'c-1': 3 });
      for (const input of [[x, y], [y, x]]) {
        const comparison = compareRounds(smallInstrument, input);
        expect(comparison.rounds.map((r) => r.roundId)).toEqual(['x', 'y']);
        expect(goalSeries(comparison, 'goal-c').change).toBe(2);
      }
    });

    it('does not reorder the array it was given', () => {
      const input = [newer, older];
      compareRounds(smallInstrument, input);
      expect(input.map((r) => r.roundId)).toEqual(['r-new', 'r-old']);
    });
  });

  describe('with a single round', () => {
    const comparison = compareRounds(smallInstrument, [round('only', '2026-03-10', { 'a-1': 3, 'a-2': 4, 'c-1': 2 })]);

    it('has values but no change', () => {
      expect(goalSeries(comparison, 'goal-a')).toMatchObject({ values: [3.5], change: null, changeFromFirst: null });
      expect(itemSeries(comparison, 'c-1')).toMatchObject({ values: [2], change: null, changeFromFirst: null });
    });

    it('has nothing that rose or fell', () => {
      expect(comparison.rose).toEqual([]);
      expect(comparison.fell).toEqual([]);
    });
  });

  describe('with no rounds', () => {
    const comparison = compareRounds(smallInstrument, []);

    it('still lists every goal and item, with empty series', () => {
      expect(comparison.rounds).toEqual([]);
      expect(comparison.goals.map((g) => g.goalId)).toEqual(['goal-a', 'goal-b', 'goal-c']);
      expect(ids(comparison.items)).toEqual(['a-1', 'a-2', 'b-1', 'b-2', 'b-3', 'c-1']);
      expect(comparison.goals.every((g) => g.values.length === 0 && g.change === null && g.changeFromFirst === null)).toBe(true);
      expect(comparison.rose).toEqual([]);
      expect(comparison.fell).toEqual([]);
    });
  });

  describe('goals that were skipped or unrated in some round', () => {
    it('gives null for a goal skipped in the newest round, and no change', () => {
      const comparison = compareRounds(smallInstrument, [
        round('1', '2025-09-01', { 'b-1': 2, 'b-2': 2, 'b-3': 2 }),
        round('2', '2026-03-01', { 'b-1': 4, 'b-2': 4, 'b-3': 4 }, ['goal-b']),
      ]);
      expect(goalSeries(comparison, 'goal-b')).toMatchObject({ values: [2, null], change: null, changeFromFirst: null });
      expect(itemSeries(comparison, 'b-1')).toMatchObject({ values: [2, null], change: null });
      expect(comparison.rose).toEqual([]);
      expect(comparison.fell).toEqual([]);
    });

    it('gives null for a goal skipped in the oldest round; the change from first starts at the first score', () => {
      const comparison = compareRounds(smallInstrument, [
        round('1', '2025-03-01', {}, ['goal-a']),
        round('2', '2025-09-01', { 'a-1': 2, 'a-2': 2 }),
        round('3', '2026-03-01', { 'a-1': 3, 'a-2': 4 }),
      ]);
      expect(goalSeries(comparison, 'goal-a')).toMatchObject({ values: [null, 2, 3.5], change: 1.5, changeFromFirst: 1.5 });
    });

    it('has no change when the round before the newest is missing a score, but a change from first', () => {
      const comparison = compareRounds(smallInstrument, [
        round('1', '2025-03-01', { 'c-1': 1 }),
        round('2', '2025-09-01', { 'c-1': 'dont-know' }),
        round('3', '2026-03-01', { 'c-1': 3 }),
      ]);
      expect(itemSeries(comparison, 'c-1')).toMatchObject({ values: [1, null, 3], change: null, changeFromFirst: 2 });
      expect(comparison.rose).toEqual([]);
    });
  });

  describe('rounds answered with different instrument versions', () => {
    // The older version lacks b-3 and has a-old, which the newer version removed.
    const old = round('v1', '2025-09-01', { 'a-1': 1, 'a-old': 4, 'b-1': 2, 'b-2': 2 }, [], olderSmallInstrument);
    const current = round('v2', '2026-03-01', { 'a-1': 3, 'b-1': 2, 'b-2': 2, 'b-3': 4 });
    const comparison = compareRounds(smallInstrument, [current, old]);

    it('matches items by id', () => {
      expect(itemSeries(comparison, 'a-1')).toMatchObject({ goalId: 'goal-a', values: [1, 3], change: 2 });
    });

    it('gives null for an item the older round’s instrument did not have, and marks it absent there (not unanswered)', () => {
      expect(itemSeries(comparison, 'b-3')).toMatchObject({ values: [null, 4], change: null, absentIn: [0] });
      expect(itemSeries(comparison, 'a-2')).toMatchObject({ values: [null, null], absentIn: [] });
    });

    it('marks the goals whose statements differ between the versions, and only those', () => {
      expect(comparison.differingGoals).toEqual(['goal-a', 'goal-b']);
      expect(goalSeries(comparison, 'goal-a').statementsDiffer).toBe(true);
      expect(goalSeries(comparison, 'goal-c').statementsDiffer).toBe(false);
      const same = compareRounds(smallInstrument, [current, round('v0', '2025-03-01', { 'a-1': 2 })]);
      expect(same.differingGoals).toEqual([]);
      expect(same.items.every((item) => item.absentIn.length === 0)).toBe(true);
    });

    it('does not show an item that the newest instrument removed', () => {
      expect(ids(comparison.items)).toEqual(['a-1', 'a-2', 'b-1', 'b-2', 'b-3', 'c-1']);
      expect(ids(comparison.items)).not.toContain('a-old');
      expect(ids(comparison.rose)).not.toContain('a-old');
      expect(ids(comparison.fell)).not.toContain('a-old');
    });

    it('compares goal means as each round scored them', () => {
      // v1 goal-a: [1, 4] → 2.5; v2 goal-a: [3] → 3. v1 goal-b: [2, 2] → 2; v2 goal-b: [2, 2, 4] → 8/3.
      expect(goalSeries(comparison, 'goal-a')).toMatchObject({ values: [2.5, 3], change: 0.5 });
      const b = goalSeries(comparison, 'goal-b');
      expect(b.values).toEqual([2, 8 / 3]);
      expect(b.change).toBeCloseTo(2 / 3, 12);
    });

    it('takes the goals and their order from the instrument given', () => {
      const reordered: Instrument = { ...smallInstrument, goals: [...smallInstrument.goals].reverse() };
      const result = compareRounds(reordered, [old, current]);
      expect(result.goals.map((g) => g.goalId)).toEqual(['goal-c', 'goal-b', 'goal-a']);
      expect(ids(result.items)).toEqual(['c-1', 'b-1', 'b-2', 'b-3', 'a-1', 'a-2']);
    });

    it('gives null for a goal that an older round did not have', () => {
      const withNewGoal: Instrument = {
        ...smallInstrument,
        goals: [
          ...smallInstrument.goals,
          {
            id: 'goal-d',
            number: 4,
            title: { sv: 'Mål D', en: 'Goal D' },
            description: { sv: '', en: '' },
            items: [{ id: 'd-1', statement: { sv: 'D1', en: 'D1' } }],
          },
        ],
      };
      const newest = round('v3', '2026-09-01', { 'd-1': 3 }, [], withNewGoal);
      const result = compareRounds(withNewGoal, [old, newest]);
      expect(goalSeries(result, 'goal-d')).toMatchObject({ values: [null, 3], change: null });
      expect(itemSeries(result, 'd-1')).toMatchObject({ values: [null, 3] });
    });
  });

  describe('what rose and what fell', () => {
    // Older round vs newer round; changes: a-1 +3, a-2 +1, b-1 -2, b-2 0, b-3 -1, c-1 +1.
    const before = round('1', '2025-09-01', { 'a-1': 1, 'a-2': 2, 'b-1': 4, 'b-2': 3, 'b-3': 3, 'c-1': 1 });
    const after = round('2', '2026-03-01', { 'a-1': 4, 'a-2': 3, 'b-1': 2, 'b-2': 3, 'b-3': 2, 'c-1': 2 });

    it('sorts rises largest first, ties in instrument order', () => {
      const comparison = compareRounds(smallInstrument, [after, before]);
      expect(ids(comparison.rose)).toEqual(['a-1', 'a-2', 'c-1']);
      expect(comparison.rose.map((i) => i.change)).toEqual([3, 1, 1]);
    });

    it('sorts falls largest fall first', () => {
      const comparison = compareRounds(smallInstrument, [before, after]);
      expect(ids(comparison.fell)).toEqual(['b-1', 'b-3']);
      expect(comparison.fell.map((i) => i.change)).toEqual([-2, -1]);
    });

    it('leaves out items that did not change', () => {
      const comparison = compareRounds(smallInstrument, [before, after]);
      expect(ids(comparison.rose)).not.toContain('b-2');
      expect(ids(comparison.fell)).not.toContain('b-2');
      expect(itemSeries(comparison, 'b-2').change).toBe(0);
    });

    it('caps each list at topN', () => {
      const comparison = compareRounds(smallInstrument, [before, after], 2);
      expect(ids(comparison.rose)).toEqual(['a-1', 'a-2']);
      expect(ids(comparison.fell)).toEqual(['b-1', 'b-3']);
      const one = compareRounds(smallInstrument, [before, after], 1);
      expect(ids(one.rose)).toEqual(['a-1']);
      expect(ids(one.fell)).toEqual(['b-1']);
    });

    it('shows nothing with topN 0', () => {
      const comparison = compareRounds(smallInstrument, [before, after], 0);
      expect(comparison.rose).toEqual([]);
      expect(comparison.fell).toEqual([]);
      expect(comparison.items).toHaveLength(6);
    });

    it('caps at five by default', () => {
      const low = round('low', '2025-01-01', { 'a-1': 1, 'a-2': 1, 'b-1': 1, 'b-2': 1, 'b-3': 1, 'c-1': 1 });
      const high = round('high', '2026-01-01', { 'a-1': 2, 'a-2': 2, 'b-1': 2, 'b-2': 2, 'b-3': 2, 'c-1': 2 });
      const comparison = compareRounds(smallInstrument, [low, high]);
      expect(ids(comparison.rose)).toEqual(['a-1', 'a-2', 'b-1', 'b-2', 'b-3']);
      expect(comparison.fell).toEqual([]);
      const highFirst = { ...high, date: '2024-01-01' };
      expect(ids(compareRounds(smallInstrument, [low, highFirst]).fell)).toEqual(['a-1', 'a-2', 'b-1', 'b-2', 'b-3']);
    });

    it('breaks ties in instrument order, not in input or alphabetical order', () => {
      const reordered: Instrument = { ...smallInstrument, goals: [...smallInstrument.goals].reverse() };
      const comparison = compareRounds(reordered, [before, after]);
      expect(ids(comparison.rose)).toEqual(['a-1', 'c-1', 'a-2']);
    });

    it('counts floating-point noise below 1e-9 as no change (0.1 + 0.2 vs 0.3)', () => {
      const x = round('x', '2025-01-01', { 'a-1': 0.1 + 0.2, 'a-2': 0.3 });
      const y = round('y', '2026-01-01', { 'a-1': 0.3, 'a-2': 0.1 + 0.2 });
      const comparison = compareRounds(smallInstrument, [x, y]);
      expect(itemSeries(comparison, 'a-1').change).toBe(0);
      expect(itemSeries(comparison, 'a-2').change).toBe(0);
      expect(goalSeries(comparison, 'goal-a').change).toBe(0);
      expect(comparison.rose).toEqual([]);
      expect(comparison.fell).toEqual([]);
    });

    it('leaves out items with no change because a value is missing', () => {
      const x = round('x', '2025-01-01', { 'a-1': 1, 'a-2': 1 });
      const y = round('y', '2026-01-01', { 'a-1': 'not-relevant', 'a-2': null });
      const comparison = compareRounds(smallInstrument, [x, y]);
      expect(comparison.rose).toEqual([]);
      expect(comparison.fell).toEqual([]);
    });

    it('uses only the two newest rounds, not the first', () => {
      const first = round('1', '2024-01-01', { 'c-1': 4 });
      const second = round('2', '2025-01-01', { 'c-1': 1 });
      const third = round('3', '2026-01-01', { 'c-1': 2 });
      const comparison = compareRounds(smallInstrument, [third, first, second]);
      expect(itemSeries(comparison, 'c-1')).toMatchObject({ change: 1, changeFromFirst: -2 });
      expect(ids(comparison.rose)).toEqual(['c-1']);
      expect(comparison.fell).toEqual([]);
    });
  });

  describe('many rounds', () => {
    // Twenty rounds, one a month, rated 1, 2, 3, 4, 1, 2, … on c-1; given newest first.
    const rounds = Array.from({ length: 20 }, (_unused, i) => {
      const date = new Date(Date.UTC(2024, i, 15)).toISOString().slice(0, 10);
      return round(`m${String(i).padStart(2, '0')}`, date, { 'c-1': (i % 4) + 1 });
    }).reverse();
    const comparison = compareRounds(smallInstrument, rounds);

    it('orders all twenty rounds oldest first', () => {
      expect(comparison.rounds).toHaveLength(20);
      expect(comparison.rounds[0]?.roundId).toBe('m00');
      expect(comparison.rounds[19]?.roundId).toBe('m19');
      expect(itemSeries(comparison, 'c-1').values).toEqual(Array.from({ length: 20 }, (_unused, i) => (i % 4) + 1));
    });

    it('takes the change from the last two rounds', () => {
      // m18 is rated 3, m19 is rated 4.
      expect(itemSeries(comparison, 'c-1')).toMatchObject({ change: 1, changeFromFirst: 3 });
      expect(goalSeries(comparison, 'goal-c')).toMatchObject({ change: 1, changeFromFirst: 3 });
    });

    it('has one value per round in every series', () => {
      expect(comparison.goals.every((g) => g.values.length === 20)).toBe(true);
      expect(comparison.items.every((i) => i.values.length === 20)).toBe(true);
    });
  });
});

describe('series with nothing scored before the newest round', () => {
  it('reports no change from the first round rather than a change of zero', () => {
    expect(series([null, 3]).changeFromFirst).toBeNull();
    expect(series([null, null, 2]).changeFromFirst).toBeNull();
    expect(series([1, null, 2]).changeFromFirst).toBe(1);
  });
});
