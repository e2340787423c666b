import { acceptHMRUpdate, defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
// Plain error rules, apart from the connection: this store is on the first screen, Dexie is not.
import { classifyStorageError, TextConflictError, type StorageProblem } from '@/db/connection';
import { loadDatabase } from './deferredDatabase';

/** The stored text changed since the edit began (another tab wrote it): the user chooses which to keep. */
export function isTextConflict(error: unknown): error is TextConflictError {
  return error instanceof TextConflictError;
}

export type SaveState = 'idle' | 'saving' | 'saved' | 'error' | 'conflict';

/** A failure the header explains; a conflict is not one (nothing is wrong with the storage). */
export type SaveProblem = Exclude<StorageProblem, 'conflict'>;

export interface TrackOptions {
  /**
   * Writes of the same thing (one answer's value, one note) share a key: a later write replaces an
   * earlier failure instead of queueing behind it, and the failure can be asked about by key.
   */
  readonly key?: string;
  /** How to redo the write after a failure; by default the same write is run again. */
  readonly redo?: () => Promise<unknown>;
}

interface FailedWrite {
  readonly id: unknown;
  readonly key: string | undefined;
  readonly redo: () => Promise<unknown>;
  readonly problem: SaveProblem;
}

export type DraftState = 'editing' | 'conflict';

/** Waits between automatic retries, growing so that a full disk is not hammered. */
export const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15_000, 30_000] as const;

/**
 * One answer to "is everything saved?", fed by every write the app makes and by the text fields
 * that hold typed text not yet written. It says saved only when nothing is pending, held or
 * failed, and only after the last write's transaction completed. A failed write stays failed
 * until it succeeds itself (a later, unrelated success must not report it saved) and is retried
 * by itself, with the connection opened again when it was closed.
 */
export const useSaveStatusStore = defineStore('saveStatus', () => {
  const pending = ref(0);
  const lastSavedAt = shallowRef<Date>();
  const failures = shallowRef<readonly FailedWrite[]>([]);
  const drafts = shallowRef<ReadonlyMap<string, DraftState>>(new Map());
  /** Another tab keeps an older connection open, so this tab's upgrade (and every write) waits. */
  const blocked = ref(false);

  const problem = computed<SaveProblem | undefined>(() =>
    blocked.value ? 'blocked' : failures.value[failures.value.length - 1]?.problem,
  );
  const state = computed<SaveState>(() => {
    if (problem.value) return 'error';
    const held = [...drafts.value.values()];
    if (held.includes('conflict')) return 'conflict';
    if (pending.value > 0 || held.length > 0) return 'saving';
    return lastSavedAt.value ? 'saved' : 'idle';
  });
  const failedKeys = computed(() => new Set(failures.value.map((failure) => failure.key).filter((key) => key !== undefined)));

  // The connection remembers a blocked upgrade, so listening once its code is here misses nothing.
  void loadDatabase()
    .then(({ connection }) => {
      if (connection.isBlocked()) blocked.value = true;
      connection.onConnection((event) => {
        if (event === 'blocked') blocked.value = true;
        if (event === 'ready') blocked.value = false;
      });
    })
    .catch(() => undefined);

  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let retrying: Promise<void> | undefined;

  function scheduleRetry(): void {
    // A retry under way schedules the next one when it ends.
    if (retryTimer || retrying || failures.value.length === 0) return;
    const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)];
    attempt += 1;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void retry();
    }, delay);
  }

  /** Runs a write and records its outcome; rethrows so that callers can react too. */
  async function track<T>(write: () => Promise<T>, options: TrackOptions & { readonly wrote?: (result: T) => boolean } = {}): Promise<T> {
    const id = options.key ?? write;
    // The write is started before the count goes up: the count redraws the header, and a redraw
    // queued first runs before the write's transaction is even asked for (a tap's time).
    const running = (async () => write())();
    pending.value += 1;
    try {
      const result = await running;
      // A write that decided inside its transaction to write nothing (a refused import) saved nothing.
      if (options.wrote?.(result) ?? true) lastSavedAt.value = new Date();
      failures.value = failures.value.filter((failure) => failure.id !== id);
      if (failures.value.length === 0) attempt = 0;
      return result;
    } catch (error) {
      const kind = classifyStorageError(error);
      const others = failures.value.filter((failure) => failure.id !== id);
      if (kind === 'conflict') {
        // The storage works again; what is left is the user's choice, which the field asks for.
        failures.value = others;
      } else {
        const redo = options.redo ?? (() => track(write, options));
        failures.value = [...others, { id, key: options.key, redo, problem: kind }];
        scheduleRetry();
      }
      throw error;
    } finally {
      pending.value -= 1;
    }
  }

  /** Runs every failed write again, oldest first, after opening the connection if it was closed. */
  function retry(): Promise<void> {
    retrying ??= (async () => {
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = undefined;
      await loadDatabase()
        .then(({ connection }) => connection.reopen())
        .catch(() => undefined);
      for (const failure of [...failures.value]) {
        await failure.redo().catch(() => undefined);
      }
    })().finally(() => {
      retrying = undefined;
      scheduleRetry();
    });
    return retrying;
  }

  /** A text field has typed text that is not written yet (or that conflicts with another tab's). */
  function hold(key: string, draftState: DraftState = 'editing'): void {
    if (drafts.value.get(key) === draftState) return;
    drafts.value = new Map(drafts.value).set(key, draftState);
  }

  function release(key: string): void {
    if (!drafts.value.has(key)) return;
    const next = new Map(drafts.value);
    next.delete(key);
    drafts.value = next;
  }

  function isFailed(key: string): boolean {
    return failedKeys.value.has(key);
  }

  return { pending, lastSavedAt, problem, state, blocked, drafts, track, retry, hold, release, isFailed };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSaveStatusStore, import.meta.hot));
