import { describe, expect, it } from 'vitest';
import { chartCentreIds, measureFromKey, measureKeyFromQuery, sortFromQuery, sortKeyFromQuery } from '@/domain/exchange/centreQuery';

const goals = ['goal-1', 'goal-2', 'goal-3'];

describe('the coordinator’s choices read from the URL', () => {
  it('know the overall mean and the instrument’s goals as measures, nothing else', () => {
    expect(measureFromKey('overall', goals)).toEqual({ kind: 'overall' });
    expect(measureFromKey('goal-2', goals)).toEqual({ kind: 'goal', goalId: 'goal-2' });
    expect(measureFromKey('goal-9', goals)).toBeUndefined();
    expect(measureFromKey(undefined, goals)).toBeUndefined();
    expect(measureFromKey('name', goals)).toBeUndefined();
  });

  it('sort by name unless a measure is named, then highest first unless asc', () => {
    expect(sortFromQuery(undefined, undefined, goals)).toEqual({ by: 'name' });
    expect(sortFromQuery('goal-9', 'asc', goals)).toEqual({ by: 'name' });
    expect(sortFromQuery('overall', undefined, goals)).toEqual({ by: 'score', measure: { kind: 'overall' }, direction: 'desc' });
    expect(sortFromQuery('goal-3', 'asc', goals)).toEqual({ by: 'score', measure: { kind: 'goal', goalId: 'goal-3' }, direction: 'asc' });
    expect(sortFromQuery('goal-3', 'sideways', goals)).toEqual({ by: 'score', measure: { kind: 'goal', goalId: 'goal-3' }, direction: 'desc' });
  });

  it('show the menus’ choices, defaults for what is not known', () => {
    expect(sortKeyFromQuery('goal-1', goals)).toBe('goal-1');
    expect(sortKeyFromQuery('goal-9', goals)).toBe('name');
    expect(sortKeyFromQuery(undefined, goals)).toBe('name');
    expect(measureKeyFromQuery('goal-2', goals)).toBe('goal-2');
    expect(measureKeyFromQuery('nonsense', goals)).toBe('overall');
    expect(measureKeyFromQuery(undefined, goals)).toBe('overall');
  });
});

describe('the centres drawn in the charts', () => {
  const ids = ['a', 'b', 'c', 'd'];

  it('are the first few in name order before any choice', () => {
    expect(chartCentreIds(ids, undefined, 3)).toEqual(['a', 'b', 'c']);
    expect(chartCentreIds(ids, undefined, 8)).toEqual(ids);
  });

  it('are the chosen ones still in the workspace, at most the maximum', () => {
    expect(chartCentreIds(ids, ['d', 'gone', 'b'], 8)).toEqual(['d', 'b']);
    expect(chartCentreIds(ids, ['a', 'b', 'c', 'd'], 2)).toEqual(['a', 'b']);
    expect(chartCentreIds(ids, [], 8)).toEqual([]);
  });
});
