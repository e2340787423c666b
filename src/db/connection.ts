import type { AppDatabase } from './database';

/** What can go wrong with a write, in the words the save status needs to explain it. */
export type StorageProblem = 'quota' | 'closed' | 'blocked' | 'outdated' | 'conflict' | 'gone' | 'unknown';

export type ConnectionEvent = 'blocked' | 'ready' | 'closed';

/** A note written from a text that is no longer the stored one: someone else changed it meanwhile. */
export class TextConflictError extends Error {
  override readonly name = 'TextConflictError';

  constructor(readonly stored: string) {
    super('The stored text changed since this edit started');
  }
}

/**
 * A write into a round that is deleted (or whose centre is), typically from a tab that has not yet
 * seen the deletion made in another: refused, so that nothing is saved where no one can see it.
 */
export class RoundGoneError extends Error {
  override readonly name = 'RoundGoneError';

  constructor(readonly roundId: string) {
    super('The round is deleted or no longer exists');
  }
}

/**
 * Dexie wraps the browser's DOMException (and an aborted transaction wraps its cause), so the
 * reason is found by walking `inner`/`cause` as well as the error's own name.
 */
export function classifyStorageError(error: unknown): StorageProblem {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { name, inner, cause } = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof name === 'string') names.push(name);
    current = inner ?? cause;
  }
  if (names.includes('TextConflictError')) return 'conflict';
  if (names.includes('RoundGoneError')) return 'gone';
  if (names.some((name) => name.startsWith('QuotaExceeded'))) return 'quota';
  if (names.includes('VersionError')) return 'outdated';
  if (names.some((name) => name === 'DatabaseClosedError' || name === 'InvalidStateError')) return 'closed';
  return 'unknown';
}

/**
 * The connection's life: an upgrade blocked by another tab, a connection closed under us (by the
 * browser, another tab's upgrade or code), and opening it again. Live queries that failed while it
 * was closed subscribe again on `ready`.
 */
export function createConnection(db: AppDatabase) {
  const listeners = new Set<(event: ConnectionEvent) => void>();
  // Remembered: an upgrade can be blocked before anything on the page listens.
  let blocked = false;
  const fire = (event: ConnectionEvent): void => {
    if (event === 'blocked') blocked = true;
    if (event === 'ready') blocked = false;
    for (const listener of listeners) listener(event);
  };
  db.on('blocked', () => {
    fire('blocked');
  });
  db.on('close', () => {
    fire('closed');
  });
  // Sticky, so that it fires on every open, not only the first; it must not delay the open.
  db.on(
    'ready',
    () => {
      queueMicrotask(() => {
        fire('ready');
      });
    },
    true,
  );

  return {
    /** Whether opening waits for another tab to close an older connection. */
    isBlocked: (): boolean => blocked,

    /** Calls `listener` on every connection event until the returned function is called. */
    onConnection(listener: (event: ConnectionEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Opens the database again when it was closed, so that a retried write can succeed. */
    async reopen(): Promise<void> {
      if (!db.isOpen()) await db.open();
    },
  };
}

export type Connection = ReturnType<typeof createConnection>;
