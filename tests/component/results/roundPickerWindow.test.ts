import { describe, expect, it } from 'vitest';
import { roundPickerWindow } from '@/components/results/roundPickerWindow';

const rounds = Array.from({ length: 50 }, (_, i) => ({ roundId: `r${String(i)}` }));
const ids = (list: readonly { roundId: string }[]) => list.map((round) => round.roundId);

describe('roundPickerWindow', () => {
  it('draws the newest rounds only, oldest first as given', () => {
    expect(ids(roundPickerWindow(rounds, [], 3))).toEqual(['r47', 'r48', 'r49']);
  });

  it('never hides a chosen round, however old, and keeps the order', () => {
    expect(ids(roundPickerWindow(rounds, ['r2', 'r48'], 2))).toEqual(['r2', 'r48', 'r49']);
  });

  it('draws every round when fewer than asked for exist, and copes with nothing', () => {
    expect(roundPickerWindow(rounds.slice(0, 4), [], 20)).toHaveLength(4);
    expect(roundPickerWindow([], ['r1'], 20)).toEqual([]);
    expect(ids(roundPickerWindow(rounds.slice(0, 3), [], 0))).toEqual([]);
    expect(ids(roundPickerWindow(rounds.slice(0, 3), [], -5))).toEqual([]);
  });
});
