import { onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue';

export const DRAFT_DELAY_MS = 300;

/**
 * A text field bound to stored text: typing updates a local draft that is written after a short
 * pause, on blur, when the page is hidden and on unmount, so no keystroke waits for IndexedDB and
 * none is lost. Stored changes (from another tab) replace the draft only while it has no pending edit.
 */
export function useDraftText(stored: () => string, save: (text: string) => Promise<void> | void) {
  const draft: Ref<string> = ref(stored());
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;

  watch(stored, (value) => {
    if (!dirty) draft.value = value;
  });

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!dirty) return;
    dirty = false;
    if (draft.value !== stored()) void save(draft.value);
  }

  function input(value: string): void {
    draft.value = value;
    dirty = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, DRAFT_DELAY_MS);
  }

  const onHide = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  onMounted(() => {
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', flush);
  });
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onHide);
    window.removeEventListener('pagehide', flush);
    flush();
  });

  return { draft, input, flush };
}
