import { acceptHMRUpdate, defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/** One answer to "is everything saved?", fed by every write the app makes. */
export const useSaveStatusStore = defineStore('saveStatus', () => {
  const pending = ref(0);
  const lastSavedAt = shallowRef<Date>();
  const errorMessage = ref<string>();
  const failedWrite = shallowRef<() => Promise<unknown>>();

  const state = computed<SaveState>(() => {
    if (errorMessage.value !== undefined) return 'error';
    if (pending.value > 0) return 'saving';
    return lastSavedAt.value ? 'saved' : 'idle';
  });

  /** Runs a write and records its outcome; rethrows so that callers can react too. */
  async function track<T>(write: () => Promise<T>): Promise<T> {
    pending.value += 1;
    try {
      const result = await write();
      lastSavedAt.value = new Date();
      errorMessage.value = undefined;
      failedWrite.value = undefined;
      return result;
    } catch (error) {
      errorMessage.value = error instanceof Error && error.message ? error.message : '';
      failedWrite.value = write;
      throw error;
    } finally {
      pending.value -= 1;
    }
  }

  async function retry(): Promise<void> {
    const write = failedWrite.value;
    if (write) await track(write);
  }

  return { pending, lastSavedAt, errorMessage, state, track, retry };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSaveStatusStore, import.meta.hot));
