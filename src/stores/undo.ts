import { acceptHMRUpdate, defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';

export interface UndoToast {
  readonly id: number;
  readonly message: string;
  readonly undo: () => Promise<void>;
  /** Runs when the toast goes away without undo (time-out, dismissed or replaced). */
  readonly commit: () => Promise<void>;
}

export const UNDO_TIMEOUT_MS = 12_000;

export const useUndoStore = defineStore('undo', () => {
  const toast = shallowRef<UndoToast>();
  const busy = ref(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let undoing: UndoToast | undefined;
  let nextId = 1;

  function stopTimer(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
  }

  /** Ends the current offer by committing it, unless it is being undone right now. */
  async function settle(): Promise<void> {
    stopTimer();
    const current = toast.value;
    toast.value = undefined;
    if (current && current !== undoing) await current.commit();
  }

  async function offer(message: string, undo: () => Promise<void>, commit: () => Promise<void>): Promise<void> {
    await settle();
    toast.value = { id: nextId++, message, undo, commit };
    // A failed commit is reported by the save status; the deletion is finished at the next start.
    timer = setTimeout(() => void settle().catch(() => undefined), UNDO_TIMEOUT_MS);
  }

  async function undoLast(): Promise<void> {
    const current = toast.value;
    if (!current || busy.value) return;
    stopTimer();
    busy.value = true;
    undoing = current;
    try {
      await current.undo();
      if (toast.value === current) toast.value = undefined;
    } finally {
      undoing = undefined;
      busy.value = false;
    }
  }

  return { toast, busy, offer, undoLast, dismiss: settle };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useUndoStore, import.meta.hot));
