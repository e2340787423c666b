import { handInRepository } from '@/db/handIns';
import { networkRepository, type OutboxEntry } from '@/db/network';
import { exchangeRepository } from '@/db/exchange';
import { forCoordinator } from '@/domain/exchange/coordinator';
import { buildExport } from '@/domain/exchange/format';
import { nowIso } from '@/domain/ids';
import { buildHandInDoc, networkIsSet, retryDelayMs, type HandInDoc, type NetworkSettings } from '@/domain/network/network';
import { CouchError, createCouchClient, type BulkResult, type CouchClient, type Fetch } from './couch';

/**
 * Sends the outbox: every waiting hand-in of a centre that has a login, as one document in the
 * centre's database. A try that fails waits 2, 4, 8 … s (at most 5 min) and is tried again then,
 * or at once when the browser says it is online again. Sending twice is harmless: the document's
 * id is the hand-in's, and one already on the server with the same hash counts as sent.
 */
export function createOutbox(options: { fetch?: Fetch; now?: () => string } = {}) {
  const now = options.now ?? nowIso;
  const clients = new Map<string, CouchClient>();
  let running: Promise<void> | undefined;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let started = false;

  function clientFor(settings: NetworkSettings, name: string, password: string): CouchClient {
    const key = `${settings.address}\n${name}\n${password}`;
    let client = clients.get(key);
    if (!client) {
      client = createCouchClient(settings.address, { name, password }, options.fetch);
      clients.set(key, client);
    }
    return client;
  }

  async function docFor(entry: OutboxEntry): Promise<HandInDoc | undefined> {
    const [handIn, source] = await Promise.all([handInRepository.getHandIn(entry.handInId), exchangeRepository.exportSource(entry.centreId)]);
    if (!handIn || !source) return undefined;
    return buildHandInDoc(handIn, forCoordinator(buildExport(source, __APP_VERSION__, now())));
  }

  /**
   * What the server holds under the document's id: this very hand-in (a send that got through before
   * a failure), nothing, or another document. A sealed hand-in never changes, so another document
   * there is a conflict the app must not resolve by overwriting: the entry waits and says so.
   */
  async function onServer(client: CouchClient, db: string, doc: HandInDoc): Promise<'same' | 'other' | 'none'> {
    const { rows } = await client.allDocs(db, [doc._id]);
    const found = rows[0]?.doc as { hash?: unknown; _deleted?: unknown } | undefined;
    if (!found || found._deleted === true) return 'none';
    return found.hash === doc.hash ? 'same' : 'other';
  }

  /** `_bulk_docs` answers per document; CouchDB may also answer a refused write with 409 for the request. */
  async function write(client: CouchClient, db: string, doc: HandInDoc): Promise<BulkResult | undefined> {
    try {
      return (await client.bulkDocs(db, [doc]))[0];
    } catch (error) {
      if (error instanceof CouchError && error.code === 'conflict') return { id: doc._id, error: 'conflict' };
      throw error;
    }
  }

  async function sendOne(settings: NetworkSettings, entry: OutboxEntry): Promise<void> {
    const centre = settings.centres[entry.centreId];
    if (!centre) return;
    const client = clientFor(settings, centre.login.name, centre.login.password);
    try {
      const doc = await docFor(entry);
      if (!doc) return;
      const result = await write(client, centre.db, doc);
      if (result?.ok) {
        await networkRepository.markSent(entry.handInId, now());
        return;
      }
      // Refused: the same hand-in already there counts as sent (the stand-in says *forbidden* where
      // CouchDB says *conflict*, so the stored document decides, whatever the error).
      const there = await onServer(client, centre.db, doc);
      if (there === 'same') {
        await networkRepository.markSent(entry.handInId, now());
        return;
      }
      if (there === 'other') throw new CouchError('conflict', 'another document under the hand-in’s id');
      throw new CouchError(result?.error === 'unauthorized' ? 'unauthorized' : 'forbidden', result?.reason ?? 'refused');
    } catch (error) {
      const code = error instanceof CouchError ? error.code : 'server';
      await networkRepository.markFailed(entry.handInId, code, new Date(Date.parse(now()) + retryDelayMs(entry.attempts + 1)).toISOString());
    }
  }

  function schedule(entries: readonly OutboxEntry[]): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const next = entries.map((entry) => Date.parse(entry.nextAttemptAt)).filter((time) => !Number.isNaN(time));
    if (!started || next.length === 0) return;
    timer = setTimeout(() => void run(), Math.max(200, Math.min(...next) - Date.parse(now())));
  }

  async function pass(): Promise<void> {
    const settings = await networkRepository.getSettings();
    if (!networkIsSet(settings)) return;
    for (const [centreId, centre] of Object.entries(settings.centres)) await networkRepository.queueHandIns(centreId, now(), centre.since);
    const due = (await networkRepository.waitingOutbox()).filter((entry) => entry.nextAttemptAt === '' || entry.nextAttemptAt <= now());
    for (const entry of due) await sendOne(settings, entry);
    schedule(await networkRepository.waitingOutbox());
  }

  /** One pass at a time; a call during a pass runs one more pass after it. */
  function run(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await pass();
      } while (again);
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  /** Tries now, without waiting for the backoff (the `online` event, "Lämna in", "Försök igen"). */
  async function sendNow(): Promise<void> {
    const settings = await networkRepository.getSettings();
    if (!networkIsSet(settings)) return;
    await networkRepository.clearWaits();
    await run();
  }

  const onOnline = () => void sendNow();

  return {
    run,
    sendNow,
    start(): void {
      if (started) return;
      started = true;
      addEventListener('online', onOnline);
      void run();
    },
    stop(): void {
      started = false;
      removeEventListener('online', onOnline);
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
