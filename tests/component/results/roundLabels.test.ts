import { describe, expect, it, vi } from 'vitest';
import { roundLabels } from '@/components/results/useResultCharts';
import type { ScoredRound } from '@/domain/comparison';
import { formatDate } from '@/i18n/translate';
import { smallInstrument } from '../../fixtures/instruments';
import { scoredRound } from '../../fixtures/scores';

function round(roundId: string, date: string, period: string, title = `Omgång ${roundId}`): ScoredRound {
  return scoredRound(smallInstrument, { roundId, date, period, title });
}

const iso = (value: string): string => `[${value}]`;

describe('roundLabels', () => {
  it('is empty for no rounds', () => {
    expect(roundLabels([], iso)).toEqual([]);
  });

  it('uses the period of each round, in the given order', () => {
    const rounds = [round('a', '2025-10-01', 'HT 2025'), round('b', '2026-03-10', 'VT 2026')];
    expect(roundLabels(rounds, iso)).toEqual(['HT 2025', 'VT 2026']);
  });

  it('falls back to the title when the period is empty', () => {
    const rounds = [round('a', '2025-10-01', '', 'Uppstartsmöte'), round('b', '2026-03-10', 'VT 2026')];
    expect(roundLabels(rounds, iso)).toEqual(['Uppstartsmöte', 'VT 2026']);
  });

  it('adds " · <date>" only to the rounds that share a label', () => {
    const rounds = [
      round('a', '2025-10-01', 'HT 2025'),
      round('b', '2026-02-01', 'VT 2026'),
      round('c', '2026-05-20', 'VT 2026'),
    ];
    expect(roundLabels(rounds, iso)).toEqual(['HT 2025', 'VT 2026 · [2026-02-01]', 'VT 2026 · [2026-05-20]']);
  });

  it('adds the date where a title fallback equals another round\'s period', () => {
    const rounds = [round('a', '2026-01-15', '', 'VT 2026'), round('b', '2026-04-01', 'VT 2026')];
    expect(roundLabels(rounds, iso)).toEqual(['VT 2026 · [2026-01-15]', 'VT 2026 · [2026-04-01]']);
  });

  it('adds the date to every one of three rounds sharing a label', () => {
    const rounds = [round('a', '2026-01-01', 'VT 2026'), round('b', '2026-02-01', 'VT 2026'), round('c', '2026-03-01', 'VT 2026')];
    expect(roundLabels(rounds, iso)).toEqual(['VT 2026 · [2026-01-01]', 'VT 2026 · [2026-02-01]', 'VT 2026 · [2026-03-01]']);
  });

  it('formats only the dates it adds, with the formatter given', () => {
    const format = vi.fn((value: string) => `d${value}`);
    const rounds = [round('a', '2025-10-01', 'HT 2025'), round('b', '2026-02-01', 'VT 2026'), round('c', '2026-05-20', 'VT 2026')];
    roundLabels(rounds, format);
    expect(format.mock.calls.map(([value]) => value)).toEqual(['2026-02-01', '2026-05-20']);
  });

  it('reads well with the app\'s Swedish date format', () => {
    const rounds = [round('a', '2026-02-01', 'VT 2026'), round('b', '2026-05-20', 'VT 2026')];
    expect(roundLabels(rounds, (value) => formatDate('sv', value))).toEqual(['VT 2026 · 1 februari 2026', 'VT 2026 · 20 maj 2026']);
  });
});
