import { purgeable, type DeletedRecord } from '@/domain/deletions';
import { lastExportKey, NETWORK_SETTINGS_KEY, roundSettingKeys } from '@/domain/settingKeys';
import { db as defaultDb, type AppDatabase } from './database';

/**
 * Deletions that can be undone: what is marked deleted (centres, rounds, workspace files), and
 * removing for good, with everything under it, what has outlived its undo window. Marking and
 * restoring are each resource's (centres.ts, rounds.ts, workspace.ts).
 */
export function createDeletionRepository(db: AppDatabase) {
  /** Every soft-deleted centre, round and workspace file, read through the `deletedAt` indexes. */
  async function listDeleted(): Promise<DeletedRecord[]> {
    return db.transaction('r', db.centres, db.rounds, db.workspace, async () => {
      const [centres, rounds, entries] = await Promise.all([
        db.centres.where('deletedAt').aboveOrEqual('').toArray(),
        db.rounds.where('deletedAt').aboveOrEqual('').toArray(),
        db.workspace.where('deletedAt').aboveOrEqual('').toArray(),
      ]);
      return [
        ...centres.map((centre) => ({ kind: 'centre' as const, id: centre.id, label: centre.name, deletedAt: centre.deletedAt ?? '' })),
        ...rounds.map((round) => ({ kind: 'round' as const, id: round.id, label: round.title, deletedAt: round.deletedAt ?? '', centreId: round.centreId })),
        ...entries.map((entry) => ({ kind: 'workspace' as const, id: entry.id, label: entry.file.centre.name, deletedAt: entry.deletedAt ?? '' })),
      ];
    });
  }

  async function purgeRound(roundId: string): Promise<void> {
    await db.settings.bulkDelete(roundSettingKeys(roundId));
    await db.actions.where('roundId').equals(roundId).delete();
    await db.ratings.where('roundId').equals(roundId).delete();
    await db.answers.where('roundId').equals(roundId).delete();
    await db.reflections.where('roundId').equals(roundId).delete();
    await db.rounds.delete(roundId);
  }

  /**
   * The centre's login for the network's server (its password included) goes with the centre. The
   * network's settings are JSON under one key (src/db/network.ts); only the centre's entry is taken out.
   */
  async function forgetCentreLogin(centreId: string): Promise<void> {
    const stored = await db.settings.get(NETWORK_SETTINGS_KEY);
    if (!stored) return;
    let settings: unknown;
    try {
      settings = JSON.parse(stored.value);
    } catch {
      return;
    }
    if (typeof settings !== 'object' || settings === null || !('centres' in settings)) return;
    const centres = settings.centres;
    if (typeof centres !== 'object' || centres === null || !Object.hasOwn(centres, centreId)) return;
    const kept = Object.fromEntries(Object.entries(centres).filter(([id]) => id !== centreId));
    await db.settings.put({ key: NETWORK_SETTINGS_KEY, value: JSON.stringify({ ...settings, centres: kept }) });
  }

  return {
    listDeleted,

    /**
     * Removes for good what was deleted and whose undo window has passed at `now` (milliseconds),
     * each record on its own clock and with everything under it; returns what was removed.
     */
    async purgeExpired(now: number = Date.now()): Promise<DeletedRecord[]> {
      const tables = [db.centres, db.rounds, db.answers, db.reflections, db.actions, db.ratings, db.localItems, db.workspace, db.handIns, db.projectPlans, db.yearlyReports, db.outbox, db.settings];
      return db.transaction('rw', tables, async () => {
        const gone = purgeable(await listDeleted(), now);
        for (const record of gone) {
          if (record.kind === 'centre') {
            const rounds = await db.rounds.where('centreId').equals(record.id).primaryKeys();
            for (const roundId of rounds) await purgeRound(roundId);
            await db.localItems.where('centreId').equals(record.id).delete();
            // Allowed only because the centre is marked deleted in this transaction (see sealed.ts).
            await db.handIns.where('centreId').equals(record.id).delete();
            await db.projectPlans.where('centreId').equals(record.id).delete();
            await db.yearlyReports.where('centreId').equals(record.id).delete();
            // Actions are the rounds', but one whose round went some other way must not outlive its centre.
            await db.actions.where('centreId').equals(record.id).delete();
            await db.outbox.where('centreId').equals(record.id).delete();
            // The coordinator's copy of this centre's file on this device is the centre's data too.
            await db.workspace.delete(record.id);
            await db.settings.delete(lastExportKey(record.id));
            await forgetCentreLogin(record.id);
            await db.centres.delete(record.id);
          } else if (record.kind === 'round') {
            await purgeRound(record.id);
          } else {
            await db.workspace.delete(record.id);
          }
        }
        return gone;
      });
    },
  };
}

export type DeletionRepository = ReturnType<typeof createDeletionRepository>;

export const deletionRepository = createDeletionRepository(defaultDb);
