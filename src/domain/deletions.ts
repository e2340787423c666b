/**
 * Deletions that can be undone. A deleted centre, round or coordinator file keeps its records,
 * marked with `deletedAt`, for UNDO_WINDOW_MS; only after that may it be purged. Everything here is
 * decided from the stored marks and a clock, so every tab and every start of the app agrees on
 * what can still be undone and what may go.
 */

/** How long a deletion can be undone. Long enough to reload or reopen the app and still undo. */
export const UNDO_WINDOW_MS = 15_000;

export type DeletionKind = 'centre' | 'round' | 'workspace';

/** One soft-deleted record as stored: what it is, what to call it, and when it was deleted. */
export interface DeletedRecord {
  readonly kind: DeletionKind;
  readonly id: string;
  /** The centre's name, the round's title or the name of the file's centre. */
  readonly label: string;
  readonly deletedAt: string;
  /** A round's centre: a centre may only go once no round under it can still be undone. */
  readonly centreId?: string;
}

/** A deletion that can still be undone, with the moment its window closes. */
export interface PendingDeletion extends DeletedRecord {
  /** Milliseconds since the epoch. */
  readonly expiresAt: number;
}

/** The key a deletion is known by in every tab (ids of different tables may coincide). */
export function deletionKey(record: Pick<DeletedRecord, 'kind' | 'id'>): string {
  return `${record.kind}:${record.id}`;
}

/**
 * When the window of a deletion closes. A mark that is not a time (nothing this app writes) closes
 * at once: it cannot be offered for undo, and keeping it hidden for ever would help no one.
 */
export function expiresAt(deletedAt: string): number {
  const time = Date.parse(deletedAt);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time + UNDO_WINDOW_MS;
}

/** Whether the window of this deletion has passed at `now` (milliseconds). */
export function isPastWindow(deletedAt: string, now: number): boolean {
  return now >= expiresAt(deletedAt);
}

/** The deletions that can still be undone at `now`, oldest first (the order the toasts stack in). */
export function pendingDeletions(records: readonly DeletedRecord[], now: number): PendingDeletion[] {
  return records
    .filter((record) => !isPastWindow(record.deletedAt, now))
    .map((record) => ({ ...record, expiresAt: expiresAt(record.deletedAt) }))
    .sort((a, b) => a.expiresAt - b.expiresAt || deletionKey(a).localeCompare(deletionKey(b)));
}

/**
 * The records that may be removed for good at `now`: each once its own window has passed. A centre
 * also waits for the deleted rounds under it, which would otherwise go with it before their own
 * window (a round can be deleted in a second tab after its centre was deleted in the first).
 */
export function purgeable(records: readonly DeletedRecord[], now: number): DeletedRecord[] {
  const waitingCentres = new Set(
    records.filter((record) => record.kind === 'round' && !isPastWindow(record.deletedAt, now)).flatMap((round) => (round.centreId ? [round.centreId] : [])),
  );
  return records.filter((record) => isPastWindow(record.deletedAt, now) && !(record.kind === 'centre' && waitingCentres.has(record.id)));
}

/** When the next pending deletion's window closes, or undefined when nothing is pending. */
export function nextExpiry(records: readonly DeletedRecord[], now: number): number | undefined {
  const pending = pendingDeletions(records, now);
  return pending.length > 0 ? Math.min(...pending.map((record) => record.expiresAt)) : undefined;
}
