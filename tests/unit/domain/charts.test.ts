import { describe, expect, it } from 'vitest';
import {
  groupedBarData,
  heatColor,
  heatmapData,
  instrumentItemLabels,
  radarData,
  radarGaps,
  seriesStyle,
  trendData,
} from '@/domain/charts';
import { compareRounds } from '@/domain/comparison';
import { smallInstrument } from '../../fixtures/instruments';
import { scoredRound } from '../../fixtures/scores';

const HEX = /^#[0-9a-f]{6}$/i;

/**
 * Three rounds of the small instrument, given out of order:
 *   r1 (2025-03): goal-a [1, 2] → 1.5, goal-b [2, 2, 2] → 2, goal-c skipped → null
 *   r2 (2025-09): goal-a [2, 3] → 2.5, goal-b nothing rated → null, goal-c [3] → 3
 *   r3 (2026-03): goal-a [4, 4] → 4,   goal-b [3, 3, 'dont-know'] → 3, goal-c [4] → 4
 */
const comparison = compareRounds(smallInstrument, [
  scoredRound(smallInstrument, { roundId: 'r3', date: '2026-03-10', values: { 'a-1': 4, 'a-2': 4, 'b-1': 3, 'b-2': 3, 'b-3': 'dont-know', 'c-1': 4 } }),
  scoredRound(smallInstrument, { roundId: 'r1', date: '2025-03-10', values: { 'a-1': 1, 'a-2': 2, 'b-1': 2, 'b-2': 2, 'b-3': 2, 'c-1': 1 }, skipped: ['goal-c'] }),
  scoredRound(smallInstrument, { roundId: 'r2', date: '2025-09-10', values: { 'a-1': 2, 'a-2': 3, 'c-1': 3 } }),
]);
const goalLabels = ['Mål A', 'Mål B', 'Mål C'];
const roundLabels = ['VT 2025', 'HT 2025', 'VT 2026'];

const emptyComparison = compareRounds(smallInstrument, []);

describe('seriesStyle', () => {
  const first8 = Array.from({ length: 8 }, (_unused, i) => seriesStyle(i));

  it('gives the first eight series distinct colours', () => {
    expect(new Set(first8.map((s) => s.color.toLowerCase())).size).toBe(8);
  });

  it('gives the first eight series distinct point styles, so colour is not the only cue', () => {
    expect(new Set(first8.map((s) => s.pointStyle)).size).toBe(8);
  });

  it('varies the line dash between series', () => {
    expect(new Set(first8.map((s) => JSON.stringify(s.dash))).size).toBeGreaterThan(1);
    expect(seriesStyle(0).dash).toEqual([]);
    expect(seriesStyle(0).dash).not.toEqual(seriesStyle(2).dash);
  });

  it('gives hex colours and a translucent fill of the same colour', () => {
    for (const style of first8) {
      expect(style.color).toMatch(HEX);
      const n = Number.parseInt(style.color.slice(1), 16);
      expect(style.fill).toBe(`rgba(${String((n >> 16) & 255)}, ${String((n >> 8) & 255)}, ${String(n & 255)}, 0.12)`);
    }
  });

  it('starts with Okabe–Ito blue', () => {
    expect(seriesStyle(0)).toEqual({ color: '#0072B2', fill: 'rgba(0, 114, 178, 0.12)', pointStyle: 'circle', dash: [] });
  });

  it('is the same for the same index', () => {
    expect(seriesStyle(3)).toEqual(seriesStyle(3));
  });

  it('cycles the colours and point styles after eight series and still gives a style', () => {
    expect(seriesStyle(8).color).toBe(seriesStyle(0).color);
    expect(seriesStyle(8).pointStyle).toBe(seriesStyle(0).pointStyle);
    for (const index of [8, 9, 15, 16, 100]) {
      const style = seriesStyle(index);
      expect(style.color).toMatch(HEX);
      expect(Array.isArray(style.dash)).toBe(true);
    }
  });
});

describe('radarGaps', () => {
  it('names each gap with its goal, its round and why: marked not relevant or nothing rated', () => {
    expect(radarGaps(comparison)).toEqual([
      { goalIndex: 1, roundIndex: 1, reason: 'unrated' },
      { goalIndex: 2, roundIndex: 0, reason: 'notRelevant' },
    ]);
  });

  it('is empty when every goal has a score, and for no rounds', () => {
    expect(radarGaps(compareRounds(smallInstrument, [scoredRound(smallInstrument, { roundId: 'x', date: '2026-01-01', values: { 'a-1': 1, 'b-1': 2, 'c-1': 3 } })]))).toEqual([]);
    expect(radarGaps(emptyComparison)).toEqual([]);
  });
});

describe('radarData', () => {
  const data = radarData(comparison, goalLabels, roundLabels);

  it('has one axis per goal', () => {
    expect(data.labels).toEqual(goalLabels);
  });

  it('has one polygon per round, oldest first, labelled by round', () => {
    expect(data.datasets).toHaveLength(3);
    expect(data.datasets.map((d) => d.label)).toEqual(roundLabels);
  });

  it('leaves a gap where a goal has no score, instead of a line across it that reads as a low score', () => {
    for (const dataset of data.datasets) expect(dataset.spanGaps).toBe(false);
  });

  it('gives each round its goal means, keeping null for missing scores', () => {
    expect(data.datasets.map((d) => d.data)).toEqual([
      [1.5, 2, null],
      [2.5, null, 3],
      [4, 3, 4],
    ]);
  });

  it('styles each round by its index, with a translucent fill', () => {
    data.datasets.forEach((dataset, r) => {
      const style = seriesStyle(r);
      expect(dataset).toMatchObject({
        borderColor: style.color,
        backgroundColor: style.fill,
        pointBackgroundColor: style.color,
        pointStyle: style.pointStyle,
        borderDash: [...style.dash],
      });
    });
  });

  it('gives an empty label when a round label is missing', () => {
    const short = radarData(comparison, goalLabels, ['VT 2025']);
    expect(short.datasets.map((d) => d.label)).toEqual(['VT 2025', '', '']);
  });

  it('copies the labels rather than sharing the caller’s array', () => {
    expect(data.labels).not.toBe(goalLabels);
  });

  it('has no datasets without rounds', () => {
    expect(radarData(emptyComparison, goalLabels, [])).toEqual({ labels: goalLabels, datasets: [] });
  });
});

describe('groupedBarData', () => {
  const data = groupedBarData(comparison, goalLabels, roundLabels);

  it('has the goals on the x axis and one bar series per round', () => {
    expect(data.labels).toEqual(goalLabels);
    expect(data.datasets.map((d) => d.label)).toEqual(roundLabels);
  });

  it('keeps null for missing scores', () => {
    expect(data.datasets.map((d) => d.data)).toEqual([
      [1.5, 2, null],
      [2.5, null, 3],
      [4, 3, 4],
    ]);
  });

  it('colours each round by its index', () => {
    expect(data.datasets.map((d) => d.backgroundColor)).toEqual([0, 1, 2].map((i) => seriesStyle(i).color));
    expect(new Set(data.datasets.map((d) => d.backgroundColor)).size).toBe(3);
  });

  it('has no datasets without rounds', () => {
    expect(groupedBarData(emptyComparison, goalLabels, []).datasets).toEqual([]);
  });
});

describe('trendData', () => {
  const data = trendData(comparison, goalLabels, roundLabels);

  it('has the rounds on the x axis, oldest first', () => {
    expect(data.labels).toEqual(roundLabels);
  });

  it('has one line per goal', () => {
    expect(data.datasets.map((d) => d.label)).toEqual(goalLabels);
  });

  it('gives each goal its values over time, keeping null for missing scores', () => {
    expect(data.datasets.map((d) => d.data)).toEqual([
      [1.5, 2.5, 4],
      [2, null, 3],
      [null, 3, 4],
    ]);
  });

  it('bridges gaps and does not fill under the lines', () => {
    data.datasets.forEach((dataset, g) => {
      expect(dataset.spanGaps).toBe(true);
      expect(dataset.backgroundColor).toBe(seriesStyle(g).color);
      expect(dataset.pointStyle).toBe(seriesStyle(g).pointStyle);
    });
  });

  it('falls back to the goal id when a goal label is missing', () => {
    expect(trendData(comparison, ['Mål A'], roundLabels).datasets.map((d) => d.label)).toEqual(['Mål A', 'goal-b', 'goal-c']);
  });

  it('does not share the series arrays of the comparison', () => {
    const first = data.datasets[0];
    expect(first?.data).not.toBe(comparison.goals[0]?.values);
  });

  it('has one line per goal with empty data without rounds', () => {
    const empty = trendData(emptyComparison, goalLabels, []);
    expect(empty.labels).toEqual([]);
    expect(empty.datasets.map((d) => d.data)).toEqual([[], [], []]);
  });
});

describe('heatmapData', () => {
  const itemLabels = instrumentItemLabels(smallInstrument, (id) => `Item ${id}`);
  const data = heatmapData(comparison, itemLabels, roundLabels);

  it('has a row per item and a column per round', () => {
    expect(data.rows).toEqual(['Item a-1', 'Item a-2', 'Item b-1', 'Item b-2', 'Item b-3', 'Item c-1']);
    expect(data.columns).toEqual(roundLabels);
  });

  it('has one cell per item and round', () => {
    expect(data.cells).toHaveLength(6 * 3);
    const positions = new Set(data.cells.map((c) => `${String(c.x)},${String(c.y)}`));
    expect(positions.size).toBe(18);
  });

  it('puts rounds in x and items in y, keeping null for missing ratings', () => {
    const at = (x: number, y: number) => data.cells.find((c) => c.x === x && c.y === y)?.v;
    expect(at(0, 0)).toBe(1); // a-1 in r1
    expect(at(2, 0)).toBe(4); // a-1 in r3
    expect(at(1, 2)).toBeNull(); // b-1 unanswered in r2
    expect(at(2, 4)).toBeNull(); // b-3 "don't know" in r3
    expect(at(0, 5)).toBeNull(); // c-1 in r1, goal skipped
    expect(at(1, 5)).toBe(3); // c-1 in r2
  });

  it('has no cells without rounds', () => {
    expect(heatmapData(emptyComparison, itemLabels, []).cells).toEqual([]);
  });

  it('scales with the number of rounds', () => {
    const many = compareRounds(
      smallInstrument,
      Array.from({ length: 7 }, (_unused, i) => scoredRound(smallInstrument, { roundId: `m${String(i)}`, date: `2020-0${String(i + 1)}-01` })),
    );
    expect(heatmapData(many, itemLabels, []).cells).toHaveLength(6 * 7);
  });
});

describe('instrumentItemLabels', () => {
  it('lists every item in instrument order through the given lookup', () => {
    expect(instrumentItemLabels(smallInstrument, (id) => id.toUpperCase())).toEqual(['A-1', 'A-2', 'B-1', 'B-2', 'B-3', 'C-1']);
  });
});

describe('heatColor', () => {
  it('is neutral grey with dark text for no value', () => {
    expect(heatColor(null, 1, 4)).toEqual({ background: '#eeeeee', text: '#333333' });
  });

  it('gives the lowest step the first (light) stop with dark text', () => {
    expect(heatColor(1, 1, 4)).toEqual({ background: '#fde725', text: '#1c1c1c' });
  });

  it('gives the highest step the last (dark) stop with white text', () => {
    expect(heatColor(4, 1, 4)).toEqual({ background: '#3b528b', text: '#ffffff' });
  });

  it('walks through the stops in between', () => {
    expect(heatColor(2, 1, 4)).toEqual({ background: '#5ec962', text: '#1c1c1c' });
    expect(heatColor(3, 1, 4)).toEqual({ background: '#2a788e', text: '#ffffff' });
  });

  it('never gets lighter as the value rises', () => {
    const stops = ['#fde725', '#5ec962', '#2a788e', '#3b528b'];
    const indexes = [1, 1.5, 2, 2.5, 3, 3.5, 4].map((v) => stops.indexOf(heatColor(v, 1, 4).background));
    expect(indexes.every((index) => index >= 0)).toBe(true);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
  });

  it('clamps values below the minimum to the first stop', () => {
    expect(heatColor(-3, 1, 4)).toEqual(heatColor(1, 1, 4));
    expect(heatColor(0, 1, 4).background).toBe('#fde725');
  });

  it('clamps values above the maximum to the last stop', () => {
    expect(heatColor(99, 1, 4)).toEqual(heatColor(4, 1, 4));
  });

  it('does not divide by zero when min equals max', () => {
    const color = heatColor(3, 3, 3);
    expect(color.background).toMatch(HEX);
    expect(color.text).toMatch(HEX);
    expect(heatColor(2, 3, 3).background).toMatch(HEX);
  });
});
