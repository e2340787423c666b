import { networkRepository, type ReceivedBatch, type ReceivedDoc, type RefusedDoc } from '@/db/network';
import { nowIso } from '@/domain/ids';
import { retryDelayMs, type CoordinatorLogin, type NetworkLogin } from '@/domain/network/network';
import { readHandInDoc, resolveRevisions, type ReadDocResult } from '@/domain/network/readDoc';
import type { Instrument } from '@/domain/types';
import { CouchError, createCouchClient, type ChangesResult, type CouchClient, type CouchErrorCode, type Fetch } from './couch';

/**
 * Logs in once, so that the server sets its session cookie for the feed (the coordinator's password
 * is used here and never kept). From this module, already lazy, rather than its own chunk.
 */
export async function logInOnce(address: string, login: NetworkLogin): Promise<CouchErrorCode | undefined> {
  try {
    await createCouchClient(address, login).logIn();
    return undefined;
  } catch (error) {
    return error instanceof CouchError ? error.code : 'server';
  }
}

/** Up to this many databases each get a longpoll of their own; more are swept in turn. */
export const LONGPOLL_MAX = 4;
/** How long a longpoll waits for a change before it asks again. */
const LONGPOLL_MS = 25_000;
/** Between two sweeps of a large network. */
const SWEEP_PAUSE_MS = 10_000;
const PAGE = 200;
/** A sweep stores what it read this many databases at a time. */
const SWEEP_BATCH = 25;

export type FeedState = 'connecting' | 'live' | 'offline' | 'unauthorized' | 'forbidden' | 'server';

export interface FeedOptions {
  readonly address: string;
  /** The coordinator's name: the feed reads with the session cookie of the login made before. */
  readonly login: CoordinatorLogin;
  readonly databases: readonly string[];
  readonly instruments: () => readonly Instrument[];
  readonly fetch?: Fetch;
  readonly onState?: (db: string, state: FeedState) => void;
  readonly onReceived?: (count: number, refused: number) => void;
}

/** Waits `ms`, or less: until the feed stops, or `wake` (the browser is online again). */
function sleep(ms: number, signal: AbortSignal, wake?: EventTarget): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      wake?.removeEventListener('online', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    wake?.addEventListener('online', done, { once: true });
  });
}

/**
 * The coordinator's feed: `_changes` of every centre database the coordinator's login reads. Each
 * document is checked with the import validation before it reaches the workspace; a refused one is
 * kept in a list that the page shows. Where each database has been read to is stored with what it
 * brought, so a reload or a day offline goes on from there, and the workspace meanwhile works with
 * what it has.
 */
export function startFeed(options: FeedOptions): { stop: () => void; done: Promise<void> } {
  const controller = new AbortController();
  const { signal } = controller;
  const client: CouchClient = createCouchClient(options.address, options.login, options.fetch);

  /**
   * A document as the feed brings it, or, when the server holds conflicting revisions of it
   * (replication between servers), all of them, resolved by the rules of the import merge.
   */
  async function readChange(db: string, id: string, doc: NonNullable<ChangesResult['results'][number]['doc']>): Promise<ReadDocResult> {
    const losing = Array.isArray(doc._conflicts) ? doc._conflicts : [];
    if (losing.length === 0) return readHandInDoc(doc, options.instruments());
    const others = await Promise.all(losing.map((rev) => client.revision(db, id, rev)));
    return resolveRevisions([doc, ...others], options.instruments());
  }

  /** What one page of changes brings: the documents read and checked, nothing written yet. */
  async function read(db: string, changes: ChangesResult): Promise<ReceivedBatch> {
    const received: ReceivedDoc[] = [];
    const refused: RefusedDoc[] = [];
    const importedAt = nowIso();
    for (const change of changes.results) {
      if (change.deleted || change.id.startsWith('_design/') || change.doc === undefined) continue;
      const result = await readChange(db, change.id, change.doc);
      if (result.ok) received.push({ docId: change.id, entry: { id: result.file.centre.id, fileName: `${db}/${change.id}`, importedAt, file: result.file } });
      else refused.push({ db, docId: change.id, problems: result.problems.slice(0, 20) });
    }
    return { database: db, since: String(changes.last_seq), received, refused };
  }

  async function keep(batches: readonly ReceivedBatch[]): Promise<void> {
    if (batches.length === 0) return;
    await networkRepository.receiveMany(batches);
    const received = batches.reduce((sum, batch) => sum + batch.received.length, 0);
    const refused = batches.reduce((sum, batch) => sum + batch.refused.length, 0);
    if (received > 0 || refused > 0) options.onReceived?.(received, refused);
  }

  /** Reads one database up to now, page by page, handing each page to `store` (at once, or for a batch). */
  async function catchUp(db: string, store: (batch: ReceivedBatch) => Promise<void> = (batch) => keep([batch])): Promise<void> {
    let since = await networkRepository.getSince(db);
    for (;;) {
      const changes = await client.changes(db, since, { limit: PAGE, signal });
      const batch = await read(db, changes);
      await store(batch);
      since = batch.since;
      if (changes.results.length < PAGE || signal.aborted) return;
    }
  }

  /** Runs `work` for one database and reports its state; after a failure waits (backing off) unless `wait` is false (a sweep has its own pause). */
  async function guarded(db: string, failures: { count: number }, work: () => Promise<void>, wait = true): Promise<void> {
    try {
      await work();
      failures.count = 0;
      options.onState?.(db, 'live');
    } catch (error) {
      if (signal.aborted) return;
      failures.count += 1;
      options.onState?.(db, error instanceof CouchError ? error.code === 'conflict' ? 'server' : error.code : 'server');
      // Backing off while the server cannot be reached, but trying at once when the browser is online again.
      if (wait) await sleep(Math.min(30_000, retryDelayMs(failures.count)), signal, globalThis);
    }
  }

  async function follow(db: string): Promise<void> {
    const failures = { count: 0 };
    options.onState?.(db, 'connecting');
    await guarded(db, failures, () => catchUp(db));
    while (!signal.aborted) {
      // After a failure a plain read first: it answers at once, so the page says "ansluten" as soon
      // as the server is back, instead of after a longpoll's wait.
      if (failures.count > 0) {
        await guarded(db, failures, () => catchUp(db));
        continue;
      }
      await guarded(db, failures, async () => {
        const changes = await client.changes(db, await networkRepository.getSince(db), { waitMs: LONGPOLL_MS, limit: PAGE, signal });
        await keep([await read(db, changes)]);
      });
    }
  }

  /**
   * A large network: every database read in turn, four at a time, and what they bring stored a
   * batch of databases at a time, so the workspace (and the page showing it) changes once per batch
   * rather than once per centre. A batch that fails to be stored keeps its databases' checkpoints
   * where they were, so the next sweep reads them again.
   */
  async function sweep(): Promise<void> {
    const failures = new Map(options.databases.map((db) => [db, { count: 0 }]));
    while (!signal.aborted) {
      const queue = [...options.databases];
      let pending: ReceivedBatch[] = [];
      let storing = Promise.resolve();
      const flush = () => {
        const batches = pending;
        pending = [];
        storing = storing.then(() => keep(batches)).catch(() => undefined);
        return storing;
      };
      await Promise.all(
        Array.from({ length: LONGPOLL_MAX }, async () => {
          for (let db = queue.shift(); db !== undefined && !signal.aborted; db = queue.shift()) {
            const mine: ReceivedBatch[] = [];
            await guarded(db, failures.get(db) ?? { count: 0 }, () => catchUp(db, (batch) => (mine.push(batch), Promise.resolve())), false);
            // Only a database read to the end joins the batch: a failure halfway keeps nothing of it.
            if (mine.length > 0 && failures.get(db)?.count === 0) pending.push(...mine);
            if (new Set(pending.map((batch) => batch.database)).size >= SWEEP_BATCH) await flush();
          }
        }),
      );
      await flush();
      await sleep(SWEEP_PAUSE_MS, signal, globalThis);
    }
  }

  const done = options.databases.length <= LONGPOLL_MAX ? Promise.all(options.databases.map(follow)).then(() => undefined) : sweep();
  return { stop: () => controller.abort(), done };
}
