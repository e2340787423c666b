/**
 * The rounds a round picker draws: the `shown` newest and every chosen one, in the given order
 * (oldest first). At 1000 rounds the picker drew 1000 checkboxes before the charts; the older
 * ones now wait until asked for, and a chosen round is never hidden.
 */
export function roundPickerWindow<T extends { readonly roundId: string }>(rounds: readonly T[], selected: readonly string[], shown: number): T[] {
  const from = Math.max(0, rounds.length - Math.max(0, shown));
  const chosen = new Set(selected);
  return rounds.filter((round, index) => index >= from || chosen.has(round.roundId));
}
