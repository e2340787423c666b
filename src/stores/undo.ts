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
  let nextId = 1;

  async function settle(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const current = toast.value;
    toast.value = undefined;
    if (current) await current.commit();
  }

  async function offer(message: string, undo: () => Promise<void>, commit: () => Promise<void>): Promise<void> {
    await settle();
    toast.value = { id: nextId++, message, undo, commit };
    timer = setTimeout(() => void settle(), UNDO_TIMEOUT_MS);
  }

  async function undoLast(): Promise<void> {
    const current = toast.value;
    if (!current || busy.value) return;
    if (timer) clearTimeout(timer);
    timer = undefined;
    busy.value = true;
    try {
      await current.undo();
      toast.value = undefined;
    } finally {
      busy.value = false;
    }
  }

  return { toast, busy, offer, undoLast, dismiss: settle };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useUndoStore, import.meta.hot));
