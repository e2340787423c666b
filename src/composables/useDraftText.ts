import { onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue';
import { isTextConflict, useSaveStatusStore, type TrackOptions } from '@/stores/saveStatus';

/**
 * Writes one text: `base` is the stored text the edit started from, so that the write can refuse
 * to overwrite what another tab wrote meanwhile; `options` go to the save status.
 */
export type DraftWriter = (text: string, base: string, options: TrackOptions) => Promise<void>;

let drafts = 0;

/**
 * A text field bound to stored text. Every change is written at once, one write at a time (what is
 * typed while a write runs goes in the next one), so the text is stored a transaction after typing
 * pauses; the field is flushed again on blur, when the page is hidden or frozen and on unmount.
 * Until the last text is committed the save status says so. A failed write keeps the text on
 * screen and is retried; a write that finds another tab's text asks which one to keep.
 */
export function useDraftText(stored: () => string, write: DraftWriter) {
  const saveStatus = useSaveStatusStore();
  const key = `draft:${String((drafts += 1))}`;
  const draft: Ref<string> = ref(stored());
  /** Another tab's text, found when writing ours: shown until the user picks one. */
  const conflict = ref<string>();
  const failed = ref(false);
  /** The stored text this edit started from: ours once a write of it committed. */
  let base = stored();
  /** Texts this field wrote: a live query result that lags behind may still show one of them. */
  const written = new Set<string>();
  let running: Promise<void> | undefined;
  /** Another tab's text arrived while a write ran: looked at again when it is done. */
  let missed = false;

  /** Takes a stored text that another tab wrote, unless this field has text of its own to write. */
  function follow(value: string): void {
    if (value === base) {
      written.clear();
      return;
    }
    if (written.has(value)) return;
    if (conflict.value !== undefined) conflict.value = value;
    else if (running) missed = true;
    else if (draft.value === base) {
      draft.value = value;
      base = value;
    }
  }
  watch(stored, follow);

  async function writeAll(): Promise<void> {
    try {
      do {
        const text = draft.value;
        await write(text, base, { key, redo: flush });
        written.add(text);
        base = text;
        failed.value = false;
      } while (draft.value !== base);
      saveStatus.release(key);
    } catch (error) {
      if (!isTextConflict(error)) {
        failed.value = true;
        return;
      }
      conflict.value = error.stored;
      saveStatus.hold(key, 'conflict');
    }
  }

  /** Writes the text now if it is not stored yet; resolves when it is (or failed). */
  function flush(): Promise<void> {
    if (running) return running;
    if (conflict.value !== undefined) return Promise.resolve();
    if (draft.value === base) {
      saveStatus.release(key);
      return Promise.resolve();
    }
    running = writeAll().finally(() => {
      running = undefined;
      if (missed) {
        missed = false;
        follow(stored());
      }
    });
    return running;
  }

  function input(value: string): void {
    draft.value = value;
    if (conflict.value === undefined) saveStatus.hold(key);
    void flush();
  }

  /** Keeps the text typed here, replacing the other tab's. */
  function keepMine(): Promise<void> {
    if (conflict.value === undefined) return Promise.resolve();
    base = conflict.value;
    conflict.value = undefined;
    saveStatus.hold(key);
    return flush();
  }

  /** Takes the other tab's text instead of what was typed here. */
  function takeTheirs(): void {
    if (conflict.value === undefined) return;
    draft.value = conflict.value;
    base = conflict.value;
    conflict.value = undefined;
    saveStatus.release(key);
  }

  const onHidden = () => {
    if (document.visibilityState === 'hidden') void flush();
  };
  const onLeave = () => {
    void flush();
  };
  onMounted(() => {
    document.addEventListener('visibilitychange', onHidden);
    document.addEventListener('freeze', onLeave);
    window.addEventListener('pagehide', onLeave);
  });
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onHidden);
    document.removeEventListener('freeze', onLeave);
    window.removeEventListener('pagehide', onLeave);
    void flush();
    // Nobody is left to answer a conflict: the other tab's text stays stored.
    if (conflict.value !== undefined) saveStatus.release(key);
  });

  return { draft, conflict, failed, input, flush, keepMine, takeTheirs };
}
