import { computed } from 'vue';
import type { InstrumentItem, ScaleLevel } from '@/domain/types';
import { useI18n } from '@/i18n';

/**
 * The answer options of a statement: each scale step with the statement's own descriptor (or the
 * scale's description of that step), and the two ways of not rating it.
 */
export function useScaleOptions(item: () => InstrumentItem, levels: () => readonly ScaleLevel[]) {
  const { t, text } = useI18n();
  const scale = computed(() =>
    levels().map((level, index) => {
      const descriptor = item().levels?.[index];
      return { value: level.value, label: text(level.label), description: descriptor ? text(descriptor) : text(level.description) };
    }),
  );
  const extra = computed(() => [
    { value: 'dont-know' as const, label: t('questionnaire.dontKnow') },
    { value: 'not-relevant' as const, label: t('questionnaire.notRelevant') },
  ]);
  return { scale, extra };
}
