import type { Comparison } from './comparison';
import type { Instrument } from './types';

/**
 * Chart *data* as plain objects in the shape Chart.js reads, built without Chart.js so that it can be
 * tested without a canvas. Series differ by colour (Okabe–Ito, safe for colour-blind readers) and also
 * by point shape and line dash, so no chart relies on colour alone.
 */

export interface SeriesStyle {
  readonly color: string;
  readonly fill: string;
  readonly pointStyle: 'circle' | 'triangle' | 'rect' | 'rectRot' | 'star' | 'crossRot' | 'cross' | 'rectRounded';
  readonly dash: readonly number[];
}

export const OKABE_ITO = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'] as const;
export const POINT_STYLES: readonly SeriesStyle['pointStyle'][] = ['circle', 'triangle', 'rect', 'rectRot', 'star', 'crossRot', 'cross', 'rectRounded'];
const DASHES: readonly (readonly number[])[] = [[], [8, 4], [2, 3], [12, 4, 2, 4]];

function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${String((n >> 16) & 255)}, ${String((n >> 8) & 255)}, ${String(n & 255)}, ${String(alpha)})`;
}

/** The style of one palette colour with one point style; the dash goes with the shape. */
export function paletteStyle(colorIndex: number, shapeIndex: number, dashIndex: number = shapeIndex): SeriesStyle {
  const color = OKABE_ITO[colorIndex % OKABE_ITO.length] ?? '#000000';
  return {
    color,
    fill: withAlpha(color, 0.12),
    pointStyle: POINT_STYLES[shapeIndex % POINT_STYLES.length] ?? 'circle',
    dash: DASHES[dashIndex % DASHES.length] ?? [],
  };
}

export function seriesStyle(index: number): SeriesStyle {
  return paletteStyle(index, index, Math.floor(index / 2));
}

export interface LineLikeDataset {
  label: string;
  data: (number | null)[];
  borderColor: string;
  backgroundColor: string;
  pointBackgroundColor: string;
  pointStyle: SeriesStyle['pointStyle'];
  pointRadius: number;
  borderDash: number[];
  borderWidth: number;
  spanGaps: boolean;
}

export interface BarDataset {
  label: string;
  data: (number | null)[];
  backgroundColor: string;
  borderColor: string;
  borderWidth: number;
  /** The legend's marker, so that a series keeps its shape in a bar chart too. */
  pointStyle?: SeriesStyle['pointStyle'];
}

export interface ChartDataSpec<D> {
  labels: string[];
  datasets: D[];
}

export function lineDataset(label: string, data: (number | null)[], index: number, fill: boolean): LineLikeDataset {
  return styledLineDataset(label, data, seriesStyle(index), fill);
}

export function styledLineDataset(label: string, data: (number | null)[], style: SeriesStyle, fill: boolean): LineLikeDataset {
  return {
    label,
    data,
    borderColor: style.color,
    backgroundColor: fill ? style.fill : style.color,
    pointBackgroundColor: style.color,
    pointStyle: style.pointStyle,
    pointRadius: 5,
    borderDash: [...style.dash],
    borderWidth: 3,
    spanGaps: true,
  };
}

/**
 * One axis per goal; one polygon per round, the newest drawn on top. A goal without a score (marked
 * not relevant, or nothing rated) is a gap in its polygon: a line bridged across it would read as a
 * score of about 1,3 on that axis.
 */
export function radarData(comparison: Comparison, goalLabels: readonly string[], roundLabels: readonly string[]): ChartDataSpec<LineLikeDataset> {
  return {
    labels: [...goalLabels],
    datasets: comparison.rounds.map((_round, r) => ({
      ...lineDataset(roundLabels[r] ?? '', comparison.goals.map((goal) => goal.values[r] ?? null), r, true),
      spanGaps: false,
    })),
  };
}

/** Why a goal has no point in a round's polygon: the group marked it not relevant, or nothing was rated. */
export interface ChartGap {
  goalIndex: number;
  roundIndex: number;
  reason: 'notRelevant' | 'unrated';
}

/** The gaps radarData leaves, goal by goal, for the note beside the chart. */
export function radarGaps(comparison: Comparison): ChartGap[] {
  return comparison.goals.flatMap((goal, goalIndex) =>
    comparison.rounds.flatMap((round, roundIndex): ChartGap[] => {
      if (typeof goal.values[roundIndex] === 'number') return [];
      const skipped = round.scores.goals.find((score) => score.goalId === goal.goalId)?.skipped === true;
      return [{ goalIndex, roundIndex, reason: skipped ? 'notRelevant' : 'unrated' }];
    }),
  );
}

/** Goals on the x axis, one bar per round in each group. */
export function groupedBarData(comparison: Comparison, goalLabels: readonly string[], roundLabels: readonly string[]): ChartDataSpec<BarDataset> {
  return {
    labels: [...goalLabels],
    datasets: comparison.rounds.map((_round, r) => {
      const style = seriesStyle(r);
      return {
        label: roundLabels[r] ?? '',
        data: comparison.goals.map((goal) => goal.values[r] ?? null),
        backgroundColor: style.color,
        borderColor: '#ffffff',
        borderWidth: 1,
      };
    }),
  };
}

/** Rounds on the x axis (oldest first), one line per goal. */
export function trendData(comparison: Comparison, goalLabels: readonly string[], roundLabels: readonly string[]): ChartDataSpec<LineLikeDataset> {
  return {
    labels: [...roundLabels],
    datasets: comparison.goals.map((goal, g) => lineDataset(goalLabels[g] ?? goal.goalId, [...goal.values], g, false)),
  };
}

export interface HeatCell {
  /** Round index (column). */
  x: number;
  /** Item index (row). */
  y: number;
  v: number | null;
}

export interface HeatmapSpec {
  rows: string[];
  columns: string[];
  cells: HeatCell[];
}

export function heatmapData(comparison: Comparison, itemLabels: readonly string[], roundLabels: readonly string[]): HeatmapSpec {
  return {
    rows: [...itemLabels],
    columns: [...roundLabels],
    cells: comparison.items.flatMap((item, y) => item.values.map((v, x) => ({ x, y, v }))),
  };
}

/** Sequential, colour-blind-safe scale (viridis stops) from the lowest to the highest step. */
// The third stop is darker than viridis' own so that white text on it keeps 4.5:1 contrast.
const HEAT_STOPS = ['#fde725', '#5ec962', '#2a788e', '#3b528b'] as const;

export function heatColor(value: number | null, min: number, max: number): { background: string; text: string } {
  if (value === null) return { background: '#eeeeee', text: '#333333' };
  const t = max === min ? 1 : Math.min(1, Math.max(0, (value - min) / (max - min)));
  const index = Math.round(t * (HEAT_STOPS.length - 1));
  const background = HEAT_STOPS[index] ?? HEAT_STOPS[0];
  return { background, text: index >= 2 ? '#ffffff' : '#1c1c1c' };
}

export function instrumentItemLabels(instrument: Instrument, statement: (itemId: string) => string): string[] {
  return instrument.goals.flatMap((goal) => goal.items.map((item) => statement(item.id)));
}
