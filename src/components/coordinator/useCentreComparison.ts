import { computed, ref } from 'vue';
import type { ChartRequest } from '@/components/charts/chartConfig';
import { saveTextFile } from '@/components/common/download';
import { chartCentreIds, measureFromKey, measureKeyFromQuery, sortFromQuery, sortKeyFromQuery } from '@/domain/exchange/centreQuery';
import { centreBarData, centreRadarData, centreRows, centreTableCsv, sortCentreRows, type CentreMeasure, type CentreSort } from '@/domain/exchange/centres';
import { safeFileName } from '@/domain/fileName';
import { useI18n } from '@/i18n';
import { centreCsvLabels } from './centreCsvLabels';
import { MAX_CHART_CENTRES, useCentreCharts } from './useCentreCharts';
import { useInProgressNames } from './useInProgressNames';
import type { useCoordinatorWorkspace } from './useCoordinatorWorkspace';

type Workspace = ReturnType<typeof useCoordinatorWorkspace>;

/**
 * The comparison page's state over the shared workspace: the table's sort and the trend's measure
 * (both in the URL, read by centreQuery.ts), the rows in the order shown, the centres drawn in the
 * charts, the bar and radar figures, and the table as a CSV file.
 */
export function useCentreComparison({ instrument, goals, queryText, setQuery, scored, periods, styles, period, periodLabel, includeInProgress }: Workspace) {
  const { t, text, score } = useI18n();
  const goalIds = computed(() => goals.value.map((goal) => goal.id));

  const sortKey = computed<string>({
    get: () => sortKeyFromQuery(queryText('sort'), goalIds.value),
    set: (value) => setQuery('sort', value === 'name' ? undefined : value),
  });
  const order = computed<'asc' | 'desc'>({
    get: () => (queryText('order') === 'asc' ? 'asc' : 'desc'),
    set: (value) => setQuery('order', value === 'desc' ? undefined : value),
  });
  const sort = computed<CentreSort>(() => sortFromQuery(queryText('sort'), queryText('order'), goalIds.value));
  const measureKey = computed<string>({
    get: () => measureKeyFromQuery(queryText('measure'), goalIds.value),
    set: (value) => setQuery('measure', value === 'overall' ? undefined : value),
  });
  const measure = computed<CentreMeasure>(() => measureFromKey(measureKey.value, goalIds.value) ?? { kind: 'overall' });

  const measureOptions = computed(() => [
    { key: 'overall', label: t('coordinator.compare.sortOverall') },
    ...goals.value.map((goal) => ({ key: goal.id, label: t('coordinator.compare.sortGoal', { number: goal.number, title: text(goal.title) }) })),
  ]);
  const measureLabel = computed(() => measureOptions.value.find((option) => option.key === measureKey.value)?.label ?? measureKey.value);

  const rows = computed(() => sortCentreRows(centreRows(scored.value, period.value, periods.value), sort.value));
  const caption = computed(() => t('coordinator.compare.caption', { period: periodLabel(period.value) }));
  /** Where the goal reading and the presentation open: the same period and toggle as here. */
  const sharedQuery = computed(() => ({ period: period.value, ...(includeInProgress.value ? { pending: '1' } : {}) }));

  /** Centres drawn in the charts: the chosen ones, by default the first few by name. */
  const chosenForCharts = ref<string[]>();
  const chartIds = computed<string[]>({
    get: () => chartCentreIds(scored.value.map((centre) => centre.centreId), chosenForCharts.value, MAX_CHART_CENTRES),
    set: (ids) => {
      chosenForCharts.value = ids.slice(0, MAX_CHART_CENTRES);
    },
  });
  const pickable = computed(() => scored.value.map((centre) => ({ id: centre.centreId, name: centre.centre.name, style: styles.value.get(centre.centreId) })));
  // A round in progress (drawn only when the coordinator chose so) says so in the legend and the summary.
  const markInProgress = useInProgressNames();
  const chartRows = computed(() => markInProgress(rows.value.filter((row) => row.round !== null && chartIds.value.includes(row.centreId))));

  const charts = useCentreCharts(instrument);
  const figures = computed(() => {
    const base = charts.common.value;
    const current = instrument.value;
    if (!base || !current || chartRows.value.length === 0) return [];
    const summary = chartRows.value.map((row) => t('coordinator.charts.summaryOverall', { name: row.name, score: score(row.round?.scores.overall) }));
    const label = periodLabel(period.value);
    // Bars start at 0, so that a mean of 1 ("not started") is a bar and not nothing.
    const bar: ChartRequest = { ...base, scaleMin: 0, kind: 'bar', data: centreBarData(chartRows.value, current, charts.goalLabels.value, styles.value) };
    const radar: ChartRequest = { ...base, kind: 'radar', data: centreRadarData(chartRows.value, current, charts.goalLabels.value, styles.value) };
    return [
      { kind: 'bar', request: bar, title: t('coordinator.charts.barTitle', { period: label }), summary },
      { kind: 'radar', request: radar, title: t('coordinator.charts.radarTitle', { period: label }), summary },
    ];
  });

  /** The table as shown (its order too) as CSV for Excel, named after the period. */
  function downloadCsv(): void {
    const current = instrument.value;
    if (!current) return;
    const csv = centreTableCsv(rows.value, period.value, current, centreCsvLabels(t, current));
    saveTextFile(safeFileName(t('coordinator.compare.csvFileName', { period: periodLabel(period.value) }), 'csv'), csv, 'text/csv;charset=utf-8');
  }

  return { sortKey, order, sort, measureKey, measure, measureOptions, measureLabel, rows, caption, sharedQuery, chartIds, pickable, chartRows, charts, figures, downloadCsv };
}
