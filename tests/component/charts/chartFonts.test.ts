import { describe, expect, it } from 'vitest';
import { buildChartConfig, fontSizesOf, PROJECTOR_MIN_FONT, type ChartRequest } from '@/components/charts/chartConfig';

function request(kind: 'radar' | 'line', large: boolean, canvasHeight?: number): ChartRequest {
  return {
    kind,
    scaleLabels: { 1: '1 Inte påbörjat', 4: '4 Etablerat' },
    scaleMin: 1,
    scaleMax: 4,
    valueAxisTitle: 'Bedömning (1–4)',
    categoryAxisTitle: 'Omgång',
    large,
    format: (value) => String(value),
    data: { labels: ['Mål 1', 'Mål 2', 'Mål 3'], datasets: [] },
    ...(canvasHeight === undefined ? {} : { canvasHeight }),
  };
}

describe('chart type on a projector', () => {
  it('keeps the screen sizes off the projector', () => {
    expect(Math.min(...fontSizesOf(buildChartConfig(request('radar', false)).options))).toBe(12);
  });

  it('sets every label of a projected chart to 24 px or more, read from the back row', () => {
    for (const kind of ['radar', 'line'] as const) {
      const sizes = fontSizesOf(buildChartConfig(request(kind, true, 400)).options);
      expect(sizes.length).toBeGreaterThanOrEqual(3);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(PROJECTOR_MIN_FONT);
    }
  });

  it('keeps the screen sizes for a projected chart on a canvas narrower than 600 px (a phone)', () => {
    const phone = { ...request('radar', true, 300), canvasWidth: 350 };
    expect(Math.min(...fontSizesOf(buildChartConfig(phone).options))).toBe(12);
    expect(Math.min(...fontSizesOf(buildChartConfig({ ...phone, canvasWidth: 800 }).options))).toBe(24);
  });

  it('grows the type with the canvas, up to half again', () => {
    const at = (height: number) => Math.max(...fontSizesOf(buildChartConfig(request('radar', true, height)).options));
    expect(at(480)).toBe(24);
    expect(at(720)).toBe(36);
    expect(at(1400)).toBe(36);
    expect(at(720)).toBeGreaterThan(at(480));
  });

  it('shows the numbers only on a projected radar’s scale, the words beside it', () => {
    type RadarTicks = { options: { scales: { r: { ticks: { callback: (value: number) => string } } } } };
    const tick = (large: boolean, value: number) => (buildChartConfig(request('radar', large)) as unknown as RadarTicks).options.scales.r.ticks.callback(value);
    expect(tick(true, 1)).toBe('1');
    expect(tick(false, 1)).toBe('1 Inte påbörjat');
  });

  it('puts a projected radar’s legend beside it on a wide canvas, and under it on an upright one', () => {
    type Legend = { options: { plugins: { legend: { position: string } } } };
    const position = (size?: { canvasWidth: number; canvasHeight: number }) =>
      (buildChartConfig({ ...request('radar', true), ...size }) as unknown as Legend).options.plugins.legend.position;
    expect(position()).toBe('right');
    expect(position({ canvasWidth: 1200, canvasHeight: 480 })).toBe('right');
    expect(position({ canvasWidth: 720, canvasHeight: 700 })).toBe('bottom');
    expect((buildChartConfig(request('radar', false)) as unknown as Legend).options.plugins.legend.position).toBe('bottom');
  });
});
