import type { ChartConfiguration, Plugin, ScriptableContext, TooltipItem } from 'chart.js';
import type { BarDataset, ChartDataSpec, HeatCell, HeatmapSpec, LineLikeDataset } from '@/domain/charts';
import { heatColor } from '@/domain/charts';

export type ChartRequest =
  | (ChartCommon & { kind: 'radar'; data: ChartDataSpec<LineLikeDataset> })
  | (ChartCommon & { kind: 'bar'; data: ChartDataSpec<BarDataset> })
  | (ChartCommon & { kind: 'line'; data: ChartDataSpec<LineLikeDataset> })
  | (ChartCommon & { kind: 'heatmap'; data: HeatmapSpec });

export interface ChartCommon {
  /** Scale step value → its words, for axis ticks ("3 Delvis etablerat"). */
  scaleLabels: Readonly<Record<number, string>>;
  scaleMin: number;
  scaleMax: number;
  /** Value axis title, e.g. "Bedömning (1–4)". */
  valueAxisTitle: string;
  /** Category axis title, e.g. "Mål" or "Omgång". */
  categoryAxisTitle: string;
  /** Projector mode: larger type and thicker lines. */
  large: boolean;
  /**
   * The drawn canvas's height in CSS px, set by the chart component: in projector mode the type grows
   * with the canvas, so that a chart filling a 1080p screen is read from the back row as well as a
   * 720p one.
   */
  canvasHeight?: number;
  /** The drawn canvas's width in CSS px: a projected chart on a phone keeps the screen's type. */
  canvasWidth?: number;
  /** Formats a score for tooltips and cell labels (decimal comma in Swedish). */
  format: (value: number) => string;
}

const TEXT = '#1c1c1c';
const GRID = 'rgba(0, 0, 0, 0.18)';

/** Below this a projected label cannot be read from about 8 m at 1280×720. */
export const PROJECTOR_MIN_FONT = 24;

function fontSize(request: ChartCommon, base: number): number {
  if (!request.large || (request.canvasWidth !== undefined && request.canvasWidth < 600)) return base;
  // A canvas taller than about 480 px (a 1080p screen) grows the type by up to half again.
  const grow = request.canvasHeight ? Math.min(Math.max(request.canvasHeight / 480, 1), 1.5) : 1;
  return Math.max(PROJECTOR_MIN_FONT, Math.round(base * 1.6 * grow));
}

/** Every font size a chart configuration sets, for a test that the back row can read them. */
export function fontSizesOf(config: unknown): number[] {
  const sizes: number[] = [];
  const seen = new Set<unknown>();
  function walk(value: unknown, key: string): void {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (key === 'font' && typeof (value as { size?: unknown }).size === 'number') sizes.push((value as { size: number }).size);
    for (const [child, inner] of Object.entries(value)) if (child !== 'data') walk(inner, child);
  }
  walk(config, '');
  return sizes;
}

function tick(request: ChartCommon, value: number | string): string {
  const numeric = typeof value === 'number' ? value : Number(value);
  return request.scaleLabels[numeric] ?? '';
}

function upright(request: ChartCommon): boolean {
  return request.canvasWidth !== undefined && request.canvasHeight !== undefined && request.canvasWidth < request.canvasHeight * 1.2;
}

function legend(request: ChartCommon, side = false) {
  return {
    // A projected radar is as tall as the screen allows: its legend goes beside it, unless the
    // canvas is upright (a tablet held upright), where beside it the names would be cut.
    position: side && request.large && !upright(request) ? ('right' as const) : ('bottom' as const),
    labels: { usePointStyle: true, color: TEXT, font: { size: fontSize(request, 14) }, padding: 16 },
  };
}

function tooltipLabel<T extends 'radar' | 'bar' | 'line'>(request: ChartCommon) {
  return (item: TooltipItem<T>): string => {
    const value = item.raw;
    const label = (item.dataset as { label?: string }).label ?? '';
    return `${label}: ${typeof value === 'number' ? request.format(value) : '–'}`;
  };
}

function radarConfig(request: ChartRequest & { kind: 'radar' }): ChartConfiguration<'radar'> {
  return {
    type: 'radar',
    data: request.data,
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        r: {
          min: request.scaleMin,
          max: request.scaleMax,
          ticks: {
            stepSize: 1,
            color: TEXT,
            backdropColor: 'rgba(255,255,255,0.85)',
            font: { size: fontSize(request, 12) },
            // On a projected radar the scale's words would lie across the polygons: the number only,
            // and the slide names the steps beside it.
            callback: (value) => (request.large ? String(value) : tick(request, value)),
          },
          pointLabels: { color: TEXT, font: { size: fontSize(request, 15), weight: 'bold' } },
          grid: { color: GRID },
          angleLines: { color: GRID },
        },
      },
      plugins: { legend: legend(request, true), tooltip: { callbacks: { label: tooltipLabel<'radar'>(request) } } },
    },
  };
}

function valueAxis(request: ChartCommon) {
  return {
    min: request.scaleMin,
    max: request.scaleMax,
    ticks: { stepSize: 1, color: TEXT, font: { size: fontSize(request, 12) }, callback: (value: number | string) => tick(request, value) },
    title: { display: true, text: request.valueAxisTitle, color: TEXT, font: { size: fontSize(request, 14), weight: 'bold' as const } },
    grid: { color: GRID },
  };
}

function categoryAxis(request: ChartCommon) {
  return {
    ticks: { color: TEXT, font: { size: fontSize(request, 14) } },
    title: { display: true, text: request.categoryAxisTitle, color: TEXT, font: { size: fontSize(request, 14), weight: 'bold' as const } },
    grid: { display: false },
  };
}

function barConfig(request: ChartRequest & { kind: 'bar' }): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: request.data,
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      // Bars grow from 0, so that a mean of 1 ("not started") is still a visible bar.
      scales: { x: categoryAxis(request), y: { ...valueAxis(request), min: 0 } },
      plugins: { legend: legend(request), tooltip: { callbacks: { label: tooltipLabel<'bar'>(request) } } },
    },
  };
}

function lineConfig(request: ChartRequest & { kind: 'line' }): ChartConfiguration<'line'> {
  return {
    type: 'line',
    data: request.data,
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { x: categoryAxis(request), y: valueAxis(request) },
      plugins: { legend: legend(request), tooltip: { callbacks: { label: tooltipLabel<'line'>(request) } } },
    },
  };
}

/** Writes each cell's value into the heatmap, so the colour is never the only carrier. */
function cellText(request: ChartRequest & { kind: 'heatmap' }): Plugin<'matrix'> {
  return {
    id: 'fcHeatText',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const meta = chart.getDatasetMeta(0);
      ctx.save();
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.font = `bold ${String(fontSize(request, 13))}px system-ui, sans-serif`;
      meta.data.forEach((element, index) => {
        const cell = request.data.cells[index];
        if (!cell) return;
        const { x, y } = element.getProps(['x', 'y'], true) as { x: number; y: number };
        const { width, height } = element.getProps(['width', 'height'], true) as { width: number; height: number };
        ctx.fillStyle = heatColor(cell.v, request.scaleMin, request.scaleMax).text;
        ctx.fillText(cell.v === null ? '–' : request.format(cell.v), x + width / 2, y + height / 2);
      });
      ctx.restore();
    },
  };
}

function heatmapConfig(request: ChartRequest & { kind: 'heatmap' }): ChartConfiguration<'matrix', HeatCell[]> {
  const { rows, columns, cells } = request.data;
  const shorten = (text: string) => (text.length > 48 ? `${text.slice(0, 46)}…` : text);
  return {
    type: 'matrix',
    data: {
      datasets: [
        {
          label: request.valueAxisTitle,
          data: cells,
          backgroundColor: (context: ScriptableContext<'matrix'>) =>
            heatColor((context.raw as HeatCell | undefined)?.v ?? null, request.scaleMin, request.scaleMax).background,
          borderColor: '#ffffff',
          borderWidth: 1,
          // chartArea is not laid out yet on the first pass.
          width: ({ chart }) => Math.max(0, ((chart.chartArea as { width: number } | undefined)?.width ?? 0) / Math.max(1, columns.length) - 2),
          height: ({ chart }) => Math.max(0, ((chart.chartArea as { height: number } | undefined)?.height ?? 0) / Math.max(1, rows.length) - 2),
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: {
          type: 'linear',
          position: 'top',
          offset: false,
          min: -0.5,
          max: columns.length - 0.5,
          // Linear ticks would start at -0.5; one tick per column instead.
          afterBuildTicks: (scale) => {
            scale.ticks = columns.map((_label, index) => ({ value: index }));
          },
          ticks: { color: TEXT, font: { size: fontSize(request, 13) }, callback: (value) => columns[Number(value)] ?? '' },
          grid: { display: false },
        },
        y: {
          type: 'linear',
          reverse: true,
          offset: false,
          min: -0.5,
          max: rows.length - 0.5,
          afterBuildTicks: (scale) => {
            scale.ticks = rows.map((_label, index) => ({ value: index }));
          },
          ticks: { autoSkip: false, color: TEXT, font: { size: fontSize(request, 12) }, callback: (value) => shorten(rows[Number(value)] ?? '') },
          grid: { display: false },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items) => {
              const raw = items[0]?.raw as HeatCell | undefined;
              return raw ? `${rows[raw.y] ?? ''} – ${columns[raw.x] ?? ''}` : '';
            },
            label: (item) => {
              const raw = item.raw as HeatCell;
              return raw.v === null ? '–' : request.format(raw.v);
            },
          },
        },
      },
    },
    plugins: [cellText(request)],
  };
}

export function buildChartConfig(request: ChartRequest): ChartConfiguration<'radar'> | ChartConfiguration<'bar'> | ChartConfiguration<'line'> | ChartConfiguration<'matrix', HeatCell[]> {
  switch (request.kind) {
    case 'radar':
      return radarConfig(request);
    case 'bar':
      return barConfig(request);
    case 'line':
      return lineConfig(request);
    case 'heatmap':
      return heatmapConfig(request);
  }
}
