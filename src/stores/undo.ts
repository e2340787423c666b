import { acceptHMRUpdate, defineStore } from 'pinia';
import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue';
import { deletionKey, nextExpiry, pendingDeletions, purgeable, UNDO_WINDOW_MS, type DeletedRecord, type PendingDeletion } from '@/domain/deletions';
import type { Message } from '@/i18n/keys';
import { loadDatabase, useDeferredLiveQuery } from './deferredDatabase';
import { useSaveStatusStore } from './saveStatus';

export interface UndoToast {
  /** Stable across tabs and reloads for a stored deletion, so the toast is not announced twice. */
  readonly key: string;
  /** Put into words by the toast, in the language shown at the time. */
  readonly message: Message;
  /** When the offer ends (milliseconds since the epoch). */
  readonly expiresAt: number;
}

/** An undo that lives only in this tab (an action deleted from a plan): put back from memory. */
interface MemoryOffer extends UndoToast {
  readonly undo: () => Promise<void>;
}

/** A deletion undone and made again is a new offer, so the key names the moment too. */
function toastKey(deletion: PendingDeletion): string {
  return `${deletionKey(deletion)}@${deletion.deletedAt}`;
}

function messageOf(deletion: PendingDeletion): Message {
  if (deletion.kind === 'centre') return { key: 'undo.centreDeleted', params: { name: deletion.label } };
  if (deletion.kind === 'round') return { key: 'undo.roundDeleted', params: { title: deletion.label } };
  return { key: 'undo.workspaceRemoved', params: { name: deletion.label } };
}

async function restore(deletion: DeletedRecord): Promise<boolean> {
  const { centreRepository, roundRepository, workspaceRepository } = await loadDatabase();
  if (deletion.kind === 'centre') return centreRepository.restoreCentre(deletion.id);
  if (deletion.kind === 'round') return roundRepository.restoreRound(deletion.id);
  return workspaceRepository.restoreWorkspaceEntry(deletion.id);
}

/**
 * Undo offers, one toast per deletion that can still be undone. Stored deletions are read live
 * from the database, so another tab, a reload or a restart within the window offers (and
 * performs) the same undo; each one is purged on its own once its window has passed, never before.
 */
export const useUndoStore = defineStore('undo', () => {
  // Part of every page (the toasts), so its database code comes after the first screen's `load`.
  const deleted = useDeferredLiveQuery(({ deletionRepository }) => deletionRepository.listDeleted());
  const now = ref(Date.now());
  const offers = shallowRef<readonly MemoryOffer[]>([]);
  /** Toasts closed in this tab; the deletion itself still waits for its window. */
  const dismissed = shallowRef<ReadonlySet<string>>(new Set());
  const busyKeys = shallowRef<ReadonlySet<string>>(new Set());
  let nextOffer = 1;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const pending = computed(() => pendingDeletions(deleted.data.value ?? [], now.value));

  const toasts = computed<UndoToast[]>(() => {
    const stored = pending.value.map((deletion) => ({ key: toastKey(deletion), message: messageOf(deletion), expiresAt: deletion.expiresAt }));
    const local = offers.value.filter((offer) => offer.expiresAt > now.value).map(({ key, message, expiresAt }) => ({ key, message, expiresAt }));
    return [...stored, ...local].filter((toast) => !dismissed.value.has(toast.key)).sort((a, b) => a.expiresAt - b.expiresAt);
  });

  const busy = computed(() => busyKeys.value.size > 0);

  function isBusy(key: string): boolean {
    return busyKeys.value.has(key);
  }

  function setBusy(key: string, on: boolean): void {
    const next = new Set(busyKeys.value);
    if (on) next.add(key);
    else next.delete(key);
    busyKeys.value = next;
  }

  /** Removes for good what is past its window; a failure is tried again at the next change, deadline or start. */
  async function purgeExpired(): Promise<void> {
    await loadDatabase()
      .then(({ deletionRepository }) => deletionRepository.purgeExpired(Date.now()))
      .catch(() => undefined);
  }

  /** Wakes at the next window's end: the clock moves on, the toast goes, the record is purged. */
  function schedule(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const current = Date.now();
    now.value = current;
    const records = deleted.data.value ?? [];
    if (purgeable(records, current).length > 0) void purgeExpired();
    const live = offers.value.filter((offer) => offer.expiresAt > current);
    if (live.length !== offers.value.length) offers.value = live;
    const stored = nextExpiry(records, current);
    const deadlines = [...(stored === undefined ? [] : [stored]), ...offers.value.map((offer) => offer.expiresAt)];
    if (deadlines.length === 0) return;
    // At most one window ahead: a mark from a clock set wrong lies far ahead, beyond what a timer can wait.
    timer = setTimeout(schedule, Math.min(Math.max(0, Math.min(...deadlines) - current), UNDO_WINDOW_MS));
  }

  watch([() => deleted.data.value, offers], schedule, { immediate: true });
  onScopeDispose(() => {
    if (timer) clearTimeout(timer);
  });

  /** Offers undo of something this tab holds in memory (it cannot come back after a reload). */
  function offer(message: Message, undo: () => Promise<void>): void {
    const key = `memory:${String(nextOffer++)}`;
    offers.value = [...offers.value, { key, message, expiresAt: Date.now() + UNDO_WINDOW_MS, undo }];
  }

  /** Undoes exactly this deletion: its record and everything under it come back, nothing else. */
  async function undo(key: string): Promise<void> {
    if (isBusy(key)) return;
    const stored = pending.value.find((deletion) => toastKey(deletion) === key);
    const local = offers.value.find((candidate) => candidate.key === key);
    if (!stored && !local) return;
    setBusy(key, true);
    try {
      if (stored) await useSaveStatusStore().track(() => restore(stored));
      else if (local) {
        await local.undo();
        offers.value = offers.value.filter((candidate) => candidate !== local);
      }
    } finally {
      setBusy(key, false);
    }
  }

  /** Closes the toast in this tab; the deletion still becomes final only when its window has passed. */
  function dismiss(key: string): void {
    dismissed.value = new Set([...dismissed.value, key]);
    offers.value = offers.value.filter((candidate) => candidate.key !== key);
  }

  return { toasts, busy, isBusy, offer, undo, dismiss, purgeExpired };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useUndoStore, import.meta.hot));
