import { acceptHMRUpdate, defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

interface FailedWrite {
  readonly write: () => Promise<unknown>;
  readonly message: string;
}

/**
 * One answer to "is everything saved?", fed by every write the app makes. A failed write stays
 * failed until it succeeds itself: a later, unrelated success must not report it as saved.
 */
export const useSaveStatusStore = defineStore('saveStatus', () => {
  const pending = ref(0);
  const lastSavedAt = shallowRef<Date>();
  const failures = shallowRef<readonly FailedWrite[]>([]);

  const errorMessage = computed(() => failures.value[failures.value.length - 1]?.message);
  const state = computed<SaveState>(() => {
    if (failures.value.length > 0) return 'error';
    if (pending.value > 0) return 'saving';
    return lastSavedAt.value ? 'saved' : 'idle';
  });

  /** Runs a write and records its outcome; rethrows so that callers can react too. */
  async function track<T>(write: () => Promise<T>): Promise<T> {
    pending.value += 1;
    try {
      const result = await write();
      lastSavedAt.value = new Date();
      failures.value = failures.value.filter((failure) => failure.write !== write);
      return result;
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : '';
      failures.value = [...failures.value.filter((failure) => failure.write !== write), { write, message }];
      throw error;
    } finally {
      pending.value -= 1;
    }
  }

  /** Runs every failed write again, oldest first. */
  async function retry(): Promise<void> {
    for (const failure of [...failures.value]) {
      await track(failure.write).catch(() => undefined);
    }
  }

  return { pending, lastSavedAt, errorMessage, state, track, retry };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSaveStatusStore, import.meta.hot));
