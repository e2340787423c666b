import { computed, type Ref } from 'vue';
import type { ChartRequest } from '@/components/charts/chartConfig';
import { useChartCommon } from '@/components/charts/useChartCommon';
import { groupedBarData, heatmapData, radarData, trendData } from '@/domain/charts';
import type { Comparison, ScoredRound } from '@/domain/comparison';
import type { Instrument } from '@/domain/types';
import { useI18n } from '@/i18n';

/** Short, distinct labels for rounds: the period, with the date added where two share a period. */
export function roundLabels(rounds: readonly ScoredRound[], formatDate: (iso: string) => string): string[] {
  const base = rounds.map((round) => round.period || round.title);
  return base.map((label, index) =>
    base.filter((other) => other === label).length > 1 ? `${label} · ${formatDate(rounds[index]?.date ?? '')}` : label,
  );
}

/** Chart requests, text summaries and table rows for a comparison, in the current language. */
export type ResultCharts = ReturnType<typeof useResultCharts>;

export function useResultCharts(comparison: Ref<Comparison | undefined>, instrument: Ref<Instrument | undefined>, large: Ref<boolean>) {
  const { t, text, score, date } = useI18n();

  const labels = computed(() => roundLabels(comparison.value?.rounds ?? [], date));
  const { goalLabels, common } = useChartCommon(instrument, large);
  const statements = computed(
    () => new Map((instrument.value?.goals ?? []).flatMap((goal) => goal.items.map((item) => [item.id, text(item.statement)] as const))),
  );

  /** "2.3 Vi har …": the goal and item number make rows findable in a long heatmap. */
  const numberedStatements = computed(() =>
    (instrument.value?.goals ?? []).flatMap((goal) =>
      goal.items.map((item, index) => `${String(goal.number)}.${String(index + 1)} ${text(item.statement)}`),
    ),
  );


  /** "Mål 3: 2,1 → 2,8" for every goal. */
  const goalSummaries = computed(() =>
    (comparison.value?.goals ?? []).map(
      (goal, index) => `${goalLabels.value[index] ?? goal.goalId}: ${goal.values.map((value) => score(value)).join(' → ')}`,
    ),
  );

  const goalRows = computed(() =>
    (comparison.value?.goals ?? []).map((goal, index) => {
      const definition = instrument.value?.goals[index];
      return {
        key: goal.goalId,
        label: definition ? `${t('results.goalShort', { number: definition.number })}: ${text(definition.title)}` : goal.goalId,
        series: goal,
      };
    }),
  );

  const itemRows = computed(() =>
    (comparison.value?.items ?? []).map((item) => ({ key: item.itemId, label: statements.value.get(item.itemId) ?? item.itemId, series: item })),
  );

  function request(kind: ChartRequest['kind']): ChartRequest | undefined {
    const current = comparison.value;
    const base = common.value;
    if (!current || !base) return undefined;
    switch (kind) {
      case 'radar':
        return { ...base, kind, data: radarData(current, goalLabels.value, labels.value) };
      case 'bar':
        return { ...base, kind, data: groupedBarData(current, goalLabels.value, labels.value) };
      case 'line':
        return { ...base, kind, categoryAxisTitle: t('results.round'), data: trendData(current, goalLabels.value, labels.value) };
      case 'heatmap':
        return {
          ...base,
          kind,
          categoryAxisTitle: t('results.round'),
          data: heatmapData(current, numberedStatements.value, labels.value),
        };
    }
  }

  return { labels, goalLabels, statements, goalSummaries, goalRows, itemRows, request };
}
