import type { AnswerValue } from './types';

/** The change of a rating since last round; null unless both are ratings ("vet inte" has no direction). */
export function answerChange(previous: AnswerValue | null | undefined, current: AnswerValue | null | undefined): number | null {
  return typeof previous === 'number' && typeof current === 'number' ? current - previous : null;
}

/** The scale step above the chosen one, or undefined at the top or when nothing is rated. */
export function nextLevel<L extends { readonly value: number }>(levels: readonly L[], chosen: AnswerValue | null): L | undefined {
  if (typeof chosen !== 'number') return undefined;
  return levels.find((level) => level.value > chosen);
}
