import type { CentreMeasure, CentreSort } from './centres';

/**
 * The coordinator's choices as they stand in the URL (`?sort=goal-3&order=asc&measure=overall`),
 * read into what the comparison needs. A key that is not the overall mean or a goal of the
 * instrument (an old bookmark, a typo) falls back to the default instead of breaking the page.
 */

/** `overall` or a goal's id; anything else is no measure. */
export function measureFromKey(key: string | undefined, goalIds: readonly string[]): CentreMeasure | undefined {
  if (key === 'overall') return { kind: 'overall' };
  return key !== undefined && goalIds.includes(key) ? { kind: 'goal', goalId: key } : undefined;
}

/** The table's order: by name unless the URL names a measure; by score highest first unless `asc`. */
export function sortFromQuery(sort: string | undefined, order: string | undefined, goalIds: readonly string[]): CentreSort {
  const measure = measureFromKey(sort, goalIds);
  return measure ? { by: 'score', measure, direction: order === 'asc' ? 'asc' : 'desc' } : { by: 'name' };
}

/** What the sort menu shows as chosen: `name` or the measure's key. */
export function sortKeyFromQuery(sort: string | undefined, goalIds: readonly string[]): string {
  return measureFromKey(sort, goalIds) && sort !== undefined ? sort : 'name';
}

/** The trend's measure key: `overall` unless the URL names a goal of the instrument. */
export function measureKeyFromQuery(measure: string | undefined, goalIds: readonly string[]): string {
  return measureFromKey(measure, goalIds) && measure !== undefined ? measure : 'overall';
}

/**
 * The centres drawn in the charts: the chosen ones that are still in the workspace, in the order
 * chosen; before any choice the first `max` in name order. Never more than `max`.
 */
export function chartCentreIds(centreIds: readonly string[], chosen: readonly string[] | undefined, max: number): string[] {
  const present = new Set(centreIds);
  return (chosen ?? centreIds).filter((id) => present.has(id)).slice(0, max);
}
