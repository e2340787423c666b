import { computed, ref, watch } from 'vue';
import type { AnswerValue } from '@/domain/types';

/**
 * A choice shown at once while its write and the live query catch up: the stored value wins again
 * as soon as it changes.
 */
export function useOptimisticChoice(stored: () => AnswerValue | null, save: (value: AnswerValue | null) => void) {
  const chosen = ref<AnswerValue | null>();
  const shown = computed(() => (chosen.value === undefined ? stored() : chosen.value));
  watch(stored, () => {
    chosen.value = undefined;
  });

  function choose(value: AnswerValue | null): void {
    chosen.value = value;
    save(value);
  }

  return { shown, choose };
}
