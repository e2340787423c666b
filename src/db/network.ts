import { EMPTY_NETWORK, goesByItself, type NetworkSettings } from '@/domain/network/network';
import { NETWORK_SETTINGS_KEY } from '@/domain/settingKeys';
import type { OutboxEntry, WorkspaceEntry } from './database';
import { db as defaultDb, type AppDatabase } from './database';

/** A document the coordinator's feed refused, kept so the page can say which and why. */
export interface RefusedDoc {
  db: string;
  docId: string;
  problems: readonly { code: string; path: string; detail?: string }[];
}

export type { OutboxEntry };

/** A document the feed took in: the workspace entry it makes. */
export interface ReceivedDoc {
  docId: string;
  entry: WorkspaceEntry;
}

/** What the feed read from one database up to `since`. */
export interface ReceivedBatch {
  database: string;
  since: string;
  received: readonly ReceivedDoc[];
  refused: readonly RefusedDoc[];
}

const SETTINGS_KEY = NETWORK_SETTINGS_KEY;
const REFUSED_KEY = 'network:refused';
const sinceKey = (database: string) => `network:since:${database}`;
const CENTRE_PREFIX = 'network:centre:';

/** The coordinator's login is its name only (see CoordinatorLogin): a password is never kept. */
function withoutCoordinatorPassword(settings: NetworkSettings): NetworkSettings {
  if (settings.coordinator === undefined) return settings;
  return { ...settings, coordinator: { name: settings.coordinator.name } };
}

/** The intent methods of the network: its settings, the outbox, and where the coordinator's feed stands. */
export function createNetworkRepository(db: AppDatabase) {
  async function readJson<T>(key: string, fallback: T): Promise<T> {
    const value = (await db.settings.get(key))?.value;
    if (value === undefined) return fallback;
    try {
      return JSON.parse(value) as T;
    } catch {
      return fallback;
    }
  }

  async function receiveMany(batches: readonly ReceivedBatch[]): Promise<void> {
    await db.transaction('rw', db.workspace, db.settings, async () => {
      for (const { database, since, received, refused: refusedDocs } of batches) {
        const refused = [...refusedDocs];
        for (const { docId, entry } of received) {
          // A database belongs to one centre, the first whose hand-in it brought: a document in it
          // that speaks for another centre (or a centre another database speaks for) is refused, so
          // one centre's login cannot replace another centre's file in the workspace.
          const bound = (await db.settings.get(CENTRE_PREFIX + database))?.value;
          const claimedElsewhere =
            bound === undefined &&
            (await db.settings.where('key').startsWith(CENTRE_PREFIX).filter((setting) => setting.value === entry.id).count()) > 0;
          if ((bound !== undefined && bound !== entry.id) || claimedElsewhere) {
            refused.push({ db: database, docId, problems: [{ code: 'unknownReference', path: 'centre.id', detail: entry.id }] });
            continue;
          }
          if (bound === undefined) await db.settings.put({ key: CENTRE_PREFIX + database, value: entry.id });
          const existing = await db.workspace.get(entry.id);
          // Per centre the newest file wins, as when files are picked by hand.
          if (!existing || existing.deletedAt || Date.parse(entry.file.exportedAt) > Date.parse(existing.file.exportedAt)) await db.workspace.put(entry);
        }
        if (refused.length > 0) {
          const before = await readJson<RefusedDoc[]>(REFUSED_KEY, []);
          const kept = before.filter((old) => !refused.some((doc) => doc.db === old.db && doc.docId === old.docId));
          await db.settings.put({ key: REFUSED_KEY, value: JSON.stringify([...kept, ...refused]) });
        }
        await db.settings.put({ key: sinceKey(database), value: since });
      }
    });
  }

  return {
    async getSettings(): Promise<NetworkSettings> {
      return withoutCoordinatorPassword(await readJson<NetworkSettings>(SETTINGS_KEY, EMPTY_NETWORK));
    },

    async setSettings(settings: NetworkSettings): Promise<void> {
      await db.settings.put({ key: SETTINGS_KEY, value: JSON.stringify(withoutCoordinatorPassword(settings)) });
    },

    /**
     * Settings stored before the coordinator's password stopped being kept still hold it: rewritten
     * without it (at every start with a network set; a no-op once done). Returns whether it was there.
     */
    async forgetCoordinatorPassword(): Promise<boolean> {
      return db.transaction('rw', db.settings, async () => {
        const stored = await readJson<NetworkSettings>(SETTINGS_KEY, EMPTY_NETWORK);
        if (stored.coordinator === undefined || !('password' in stored.coordinator)) return false;
        await db.settings.put({ key: SETTINGS_KEY, value: JSON.stringify(withoutCoordinatorPassword(stored)) });
        return true;
      });
    },

    /**
     * Queues every hand-in of the centre that is not in the outbox yet and goes by itself (sealed
     * since the login was set; with `since` undefined, every one), in one transaction. Called after
     * "Lämna in" and at every start, so a hand-in sealed just before the tab closed still goes.
     */
    async queueHandIns(centreId: string, now: string, since?: string): Promise<number> {
      return db.transaction('rw', db.handIns, db.outbox, async () => {
        const handIns = await db.handIns.where('centreId').equals(centreId).toArray();
        const queued = new Set((await db.outbox.where('centreId').equals(centreId).toArray()).map((entry) => entry.handInId));
        const fresh = handIns
          .filter((handIn) => !queued.has(handIn.id) && goesByItself(handIn, since === undefined ? {} : { since }))
          .map((handIn): OutboxEntry => ({ handInId: handIn.id, centreId, status: 'waiting', queuedAt: now, attempts: 0, nextAttemptAt: '' }));
        await db.outbox.bulkAdd(fresh);
        return fresh.length;
      });
    },

    async handInCount(): Promise<number> {
      return db.handIns.count();
    },

    async listOutbox(centreId: string): Promise<OutboxEntry[]> {
      return db.outbox.where('centreId').equals(centreId).toArray();
    },

    async waitingOutbox(): Promise<OutboxEntry[]> {
      return db.outbox.where('status').equals('waiting').toArray();
    },

    async markSent(handInId: string, sentAt: string): Promise<void> {
      await db.transaction('rw', db.outbox, async () => {
        const entry = await db.outbox.get(handInId);
        if (!entry) return;
        const { error: _done, ...rest } = entry;
        await db.outbox.put({ ...rest, status: 'sent', sentAt, attempts: 0, nextAttemptAt: '' });
      });
    },

    async markFailed(handInId: string, error: string, nextAttemptAt: string): Promise<void> {
      await db.transaction('rw', db.outbox, async () => {
        const entry = await db.outbox.get(handInId);
        if (entry?.status !== 'waiting') return;
        await db.outbox.update(handInId, { attempts: entry.attempts + 1, error, nextAttemptAt });
      });
    },

    /** Every waiting hand-in may go at once (the connection is back, or the user asked). */
    async clearWaits(): Promise<void> {
      await db.outbox.where('status').equals('waiting').modify({ nextAttemptAt: '' });
    },

    async getSince(database: string): Promise<string> {
      return (await db.settings.get(sinceKey(database)))?.value ?? '0';
    },

    /**
     * Stores what the feed brought from one database and how far it has read, in one transaction:
     * a reload starts from there, and never holds a checkpoint past entries it did not keep.
     */
    async receive(database: string, since: string, received: readonly ReceivedDoc[], refusedDocs: readonly RefusedDoc[]): Promise<void> {
      await receiveMany([{ database, since, received, refused: refusedDocs }]);
    },

    /**
     * What a sweep brought from several databases, in one transaction: a large network's workspace
     * then changes (and its page redraws) once per batch, not once per centre.
     */
    receiveMany,

    async listRefused(): Promise<RefusedDoc[]> {
      return readJson<RefusedDoc[]>(REFUSED_KEY, []);
    },
  };
}

export type NetworkRepository = ReturnType<typeof createNetworkRepository>;

export const networkRepository = createNetworkRepository(defaultDb);
