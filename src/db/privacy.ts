import { nowIso } from '@/domain/ids';
import { actionsWithoutNames, hasNames, withoutNames } from '@/domain/privacy';
import { db as defaultDb, type AppDatabase } from './database';

/** What is removed from the device by `eraseDevice`, so that the page can say what was done. */
export interface Erased {
  database: boolean;
  /** Left when offline, so that the app still opens (see eraseDevice). */
  appFilesKept: boolean;
  caches: number;
  serviceWorkers: number;
}

/** The privacy page's two writes: taking names out of a round, and erasing everything the app keeps. */
export function createPrivacyRepository(db: AppDatabase) {
  return {
    /**
     * Replaces the round's participants' names by their roles (the name is cleared and the role
     * shows), and an action of the round whose "who" is one of those names by that role. One
     * transaction: a crash leaves the names either all there or all gone. Returns false when the
     * round has no name to remove (or does not exist).
     */
    async removeParticipantNames(roundId: string): Promise<boolean> {
      return db.transaction('rw', db.rounds, db.actions, async () => {
        const round = await db.rounds.get(roundId);
        if (!round || round.deletedAt || !hasNames(round.participants)) return false;
        const now = nowIso();
        const actions = await db.actions.where('roundId').equals(roundId).toArray();
        await db.actions.bulkPut(actionsWithoutNames(actions, round.participants, now));
        await db.rounds.update(roundId, { participants: withoutNames(round.participants), updatedAt: now });
        return true;
      });
    },

    /**
     * Deletes the database, Cache Storage (the service worker's copy of the app), local and session
     * storage (the language) and the service worker's registration. A database opened by another
     * tab closes by itself (Dexie closes on a version change), so the deletion is not blocked by it.
     * When offline, the app's own files are kept: they hold no data, and without them the app would
     * not open again until the device is back online.
     */
    async eraseDevice(options: { keepAppFiles: boolean }): Promise<Erased> {
      await db.delete();
      const erased: Erased = { database: true, appFilesKept: options.keepAppFiles, caches: 0, serviceWorkers: 0 };
      for (const storage of [globalThis.localStorage, globalThis.sessionStorage]) {
        try {
          storage.clear();
        } catch {
          // Blocked storage holds nothing of ours.
        }
      }
      if (options.keepAppFiles) return erased;
      if (typeof caches !== 'undefined') {
        for (const name of await caches.keys()) if (await caches.delete(name)) erased.caches += 1;
      }
      if (typeof navigator !== 'undefined' && 'serviceWorker' in navigator) {
        for (const registration of await navigator.serviceWorker.getRegistrations()) {
          if (await registration.unregister()) erased.serviceWorkers += 1;
        }
      }
      return erased;
    },
  };
}

export type PrivacyRepository = ReturnType<typeof createPrivacyRepository>;

export const privacyRepository = createPrivacyRepository(defaultDb);
