import { computed, type Ref } from 'vue';
import type { ChartCommon } from './chartConfig';
import type { Instrument } from '@/domain/types';
import { useI18n } from '@/i18n';

/** What every chart of an instrument shares, in the current language: goal labels, scale words, axes. */
export function useChartCommon(instrument: Ref<Instrument | undefined>, large: Ref<boolean>) {
  const { t, text, number } = useI18n();

  const goalLabels = computed(() => (instrument.value?.goals ?? []).map((goal) => t('results.goalShort', { number: goal.number })));

  const common = computed<ChartCommon | undefined>(() => {
    const levels = instrument.value?.scale.levels;
    if (!levels || levels.length === 0) return undefined;
    return {
      scaleLabels: Object.fromEntries(levels.map((level) => [level.value, t('results.scaleStep', { value: level.value, label: text(level.label) })])),
      scaleMin: levels[0]?.value ?? 1,
      scaleMax: levels[levels.length - 1]?.value ?? 4,
      valueAxisTitle: t('results.valueAxis'),
      categoryAxisTitle: t('results.goal'),
      large: large.value,
      format: (value: number) => number(value, 1),
    };
  });

  return { goalLabels, common };
}
