import { computed, onScopeDispose, ref, watch, type ComputedRef } from 'vue';

/** Rows drawn at once, and added per frame after that. */
export const PROGRESSIVE_FIRST = 20;
export const PROGRESSIVE_STEP = 20;

/**
 * A long list drawn a slice per frame: the first rows at once, then `step` more in each following
 * frame until every row is there. A table of 200 centres drawn in one go held the page for most of a
 * second (a long task no tap could get through); in slices, every frame stays short and the rows
 * below the fold are there a few frames later. A short list is drawn whole at once. A list that
 * changes keeps the rows already drawn (no flicker) and goes on from there.
 */
export function useProgressiveList<T>(
  items: () => readonly T[],
  first: number = PROGRESSIVE_FIRST,
  step: number = PROGRESSIVE_STEP,
): ComputedRef<readonly T[]> {
  const shown = ref(first);
  let frame: number | undefined;

  function schedule(): void {
    if (frame !== undefined || shown.value >= items().length) return;
    frame = requestAnimationFrame(() => {
      frame = undefined;
      shown.value += step;
      schedule();
    });
  }

  watch(() => items().length, schedule, { immediate: true });
  onScopeDispose(() => {
    if (frame !== undefined) cancelAnimationFrame(frame);
  });

  return computed(() => {
    const all = items();
    return all.length <= shown.value ? all : all.slice(0, shown.value);
  });
}
