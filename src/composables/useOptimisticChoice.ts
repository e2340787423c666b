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
    // The write first: its transaction is asked for before the choice is drawn, so that the drawing
    // runs while IndexedDB works instead of in front of it.
    save(value);
    chosen.value = value;
  }

  return { shown, choose };
}
