import { describe, expect, it } from 'vitest';
import { buildChartConfig, type ChartCommon, type ChartRequest } from '@/components/charts/chartConfig';

/**
 * The axis ticks of every chart speak the scale's words ("3 Delvis etablerat"), and the heatmap's
 * the rounds' and statements' names: a number alone would leave the reader to guess what 3 means.
 */
const common: ChartCommon = {
  scaleLabels: { 1: '1 Inte påbörjat', 2: '2 Påbörjat', 3: '3 Delvis etablerat', 4: '4 Etablerat' },
  scaleMin: 1,
  scaleMax: 4,
  valueAxisTitle: 'Bedömning (1–4)',
  categoryAxisTitle: 'Mål',
  large: false,
  format: (value) => value.toFixed(1).replace('.', ','),
};
const data = { labels: ['Mål 1', 'Mål 2'], datasets: [] };

type TickCallback = (this: unknown, value: number | string, index: number, ticks: unknown[]) => unknown;

/** The tick callback of one axis of a built configuration. */
function tickOf(request: ChartRequest, axis: string): TickCallback {
  const scales = (buildChartConfig(request).options as { scales?: Record<string, { ticks?: { callback?: TickCallback } }> }).scales;
  const callback = scales?.[axis]?.ticks?.callback;
  if (!callback) throw new Error(`no tick callback on ${axis}`);
  return callback;
}

function ticks(callback: TickCallback, values: readonly (number | string)[]): unknown[] {
  return values.map((value, index) => callback.call(undefined, value, index, []));
}

describe('chart axis ticks', () => {
  const radar: ChartRequest = { ...common, kind: 'radar', data };
  const bar: ChartRequest = { ...common, kind: 'bar', data };
  const line: ChartRequest = { ...common, kind: 'line', data };
  it.each([
    ['radar', 'r', radar],
    ['bar', 'y', bar],
    ['line', 'y', line],
  ])('the %s chart names each scale step in words on its value axis', (_kind, axis, request) => {
    expect(ticks(tickOf(request, axis), [1, 2, 3, 4])).toEqual(['1 Inte påbörjat', '2 Påbörjat', '3 Delvis etablerat', '4 Etablerat']);
  });

  it('reads a tick given as text as its number, and leaves values between the steps (and the bar\'s 0) unlabelled', () => {
    const callback = tickOf({ ...common, kind: 'bar', data }, 'y');
    expect(ticks(callback, ['3', 0, 2.5])).toEqual(['3 Delvis etablerat', '', '']);
  });

  it('the heatmap names its columns by round and its rows by statement, not by index', () => {
    const request: ChartRequest = { ...common, kind: 'heatmap', data: { rows: ['Öppet för alla', 'Rådgivande samtal'], columns: ['HT 2025', 'VT 2026'], cells: [] } };
    expect(ticks(tickOf(request, 'x'), [0, 1, 2])).toEqual(['HT 2025', 'VT 2026', '']);
    expect(ticks(tickOf(request, 'y'), [0, 1])).toEqual(['Öppet för alla', 'Rådgivande samtal']);
  });
});
