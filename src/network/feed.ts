import { networkRepository, type RefusedDoc } from '@/db/network';
import type { WorkspaceEntry } from '@/db';
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

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
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

  async function take(db: string, changes: ChangesResult): Promise<void> {
    const entries: { docId: string; entry: WorkspaceEntry }[] = [];
    const refused: RefusedDoc[] = [];
    const importedAt = nowIso();
    for (const change of changes.results) {
      if (change.deleted || change.id.startsWith('_design/') || change.doc === undefined) continue;
      const read = await readChange(db, change.id, change.doc);
      if (read.ok) entries.push({ docId: change.id, entry: { id: read.file.centre.id, fileName: `${db}/${change.id}`, importedAt, file: read.file } });
      else refused.push({ db, docId: change.id, problems: read.problems.slice(0, 20) });
    }
    await networkRepository.receive(db, String(changes.last_seq), entries, refused);
    if (entries.length > 0 || refused.length > 0) options.onReceived?.(entries.length, refused.length);
  }

  /** Reads one database up to now, page by page. */
  async function catchUp(db: string): Promise<void> {
    for (;;) {
      const changes = await client.changes(db, await networkRepository.getSince(db), { limit: PAGE, signal });
      await take(db, changes);
      if (changes.results.length < PAGE || signal.aborted) return;
    }
  }

  async function guarded(db: string, failures: { count: number }, work: () => Promise<void>): Promise<void> {
    try {
      await work();
      failures.count = 0;
      options.onState?.(db, 'live');
    } catch (error) {
      if (signal.aborted) return;
      failures.count += 1;
      options.onState?.(db, error instanceof CouchError ? error.code === 'conflict' ? 'server' : error.code : 'server');
      await sleep(Math.min(30_000, retryDelayMs(failures.count)), signal);
    }
  }

  async function follow(db: string): Promise<void> {
    const failures = { count: 0 };
    options.onState?.(db, 'connecting');
    await guarded(db, failures, () => catchUp(db));
    while (!signal.aborted) {
      await guarded(db, failures, async () => {
        const changes = await client.changes(db, await networkRepository.getSince(db), { waitMs: LONGPOLL_MS, limit: PAGE, signal });
        await take(db, changes);
      });
    }
  }

  async function sweep(): Promise<void> {
    const failures = new Map(options.databases.map((db) => [db, { count: 0 }]));
    while (!signal.aborted) {
      const queue = [...options.databases];
      await Promise.all(
        Array.from({ length: LONGPOLL_MAX }, async () => {
          for (let db = queue.shift(); db !== undefined && !signal.aborted; db = queue.shift()) {
            await guarded(db, failures.get(db) ?? { count: 0 }, () => catchUp(db));
          }
        }),
      );
      await sleep(SWEEP_PAUSE_MS, signal);
    }
  }

  const done = options.databases.length <= LONGPOLL_MAX ? Promise.all(options.databases.map(follow)).then(() => undefined) : sweep();
  return { stop: () => controller.abort(), done };
}
