import { nowIso } from '@/domain/ids';
import type { Centre, LocalItem, Round } from '@/domain/types';
import type { ImportPlan, LocalRecords } from '@/domain/exchange/merge';
import type { ExportFile, ExportSource } from '@/domain/exchange/format';
import type { HandIn } from '@/domain/cycle/handIn';
import { db as defaultDb, type AppDatabase } from './database';
import { visible } from './visible';

/** The merge rules are needed only when a file is imported: kept out of the first download. */
const loadMerge = () => import('@/domain/exchange/merge');
/** Likewise the status history rules, needed on import to record the file's statuses. */
const loadHistory = () => import('@/domain/cycle/importHistory');
const loadFormat = () => import('@/domain/exchange/format');
/** The instrument rules (and their canonical JSON) are not needed on the first screen either. */
const loadInstruments = () => import('@/domain/instruments');

/**
 * Files in and out: what a centre's export holds, what the device holds of a file's records, and
 * importing a file in one transaction over every table it writes.
 */
export function createExchangeRepository(db: AppDatabase) {
  /**
   * What the device holds of a file's records; `builtIn` are the keys of instruments shipped with the
   * app. Records are looked up by the file's ids in the whole table too, whatever centre they belong
   * to, so that the plan can see an id another centre already uses (and refuse it).
   */
  async function localRecordsFor(file: ExportFile, builtIn: readonly string[] = []): Promise<LocalRecords> {
    const ids = file.rounds.map((round) => round.id);
    const idsOf = (records: readonly { id: string }[]) => records.map((record) => record.id);
    const [centre, rounds, answers, reflections, actions, ratings, localItems, installed, handIns, projectPlans, yearlyReports] = await Promise.all([
      db.centres.get(file.centre.id),
      db.rounds.bulkGet(ids),
      Promise.all([db.answers.where('roundId').anyOf(ids).toArray(), db.answers.bulkGet(idsOf(file.answers))]),
      Promise.all([db.reflections.where('roundId').anyOf(ids).toArray(), db.reflections.bulkGet(idsOf(file.reflections))]),
      Promise.all([db.actions.where('roundId').anyOf(ids).toArray(), db.actions.bulkGet(idsOf(file.actions))]),
      Promise.all([db.ratings.where('roundId').anyOf(ids).toArray(), db.ratings.bulkGet(idsOf(file.ratings))]),
      db.localItems.bulkGet(idsOf(file.localItems)),
      db.instruments.toCollection().primaryKeys(),
      db.handIns.bulkGet(idsOf(file.handIns)),
      Promise.all([db.projectPlans.where('[centreId+year]').anyOf(file.projectPlans.map((plan) => [file.centre.id, plan.year])).toArray(), db.projectPlans.bulkGet(idsOf(file.projectPlans))]),
      Promise.all([db.yearlyReports.where('[centreId+year]').anyOf(file.yearlyReports.map((report) => [file.centre.id, report.year])).toArray(), db.yearlyReports.bulkGet(idsOf(file.yearlyReports))]),
    ]);
    const found = <T extends { id: string }>([inRounds, byId]: [T[], (T | undefined)[]]): T[] =>
      [...new Map([...inRounds, ...byId.filter((record): record is T => record !== undefined)].map((record) => [record.id, record])).values()];
    const present = {
      rounds: rounds.filter((r): r is Round => r !== undefined),
      answers: found(answers),
      reflections: found(reflections),
      actions: found(actions),
      ratings: found(ratings),
      localItems: localItems.filter((item): item is LocalItem => item !== undefined),
      handIns: handIns.filter((handIn): handIn is HandIn => handIn !== undefined),
      projectPlans: found(projectPlans),
      yearlyReports: found(yearlyReports),
    };
    // Whose the records with the file's ids are: their rounds, and the names of the centres involved.
    const known = new Set(ids);
    const ownerRoundIds = [...new Set([...present.answers, ...present.reflections, ...present.actions, ...present.ratings].map((record) => record.roundId))].filter((id) => !known.has(id));
    const ownerRounds = (await db.rounds.bulkGet(ownerRoundIds)).filter((r): r is Round => r !== undefined);
    const centreIds = [
      ...new Set(
        [...present.rounds, ...ownerRounds, ...present.actions, ...present.localItems, ...present.handIns, ...present.projectPlans, ...present.yearlyReports].map(
          (record) => record.centreId,
        ),
      ),
    ];
    const centres = (await db.centres.bulkGet(centreIds)).filter((c): c is Centre => c !== undefined);
    return {
      centre,
      ...present,
      owners: {
        rounds: ownerRounds.map(({ id, centreId, title }) => ({ id, centreId, title })),
        centreNames: new Map(centres.map((c) => [c.id, c.name])),
      },
      instrumentKeys: new Set([...builtIn, ...installed]),
    };
  }

  const IMPORT_TABLES = [db.centres, db.rounds, db.answers, db.reflections, db.actions, db.ratings, db.localItems, db.instruments, db.handIns, db.projectPlans, db.yearlyReports];

  /**
   * An import brings back what the file holds: a centre or round of the file that is deleted (and
   * waiting for its undo window) is restored, or it would be purged with the imported records in it.
   */
  async function endDeletionsOf(file: ExportFile): Promise<void> {
    const centre = await db.centres.get(file.centre.id);
    if (centre?.deletedAt) {
      const { deletedAt: _removed, ...rest } = centre;
      await db.centres.put(rest);
    }
    const rounds = await db.rounds.bulkGet(file.rounds.map((round) => round.id));
    for (const round of rounds) {
      if (!round?.deletedAt || round.centreId !== file.centre.id) continue;
      const { deletedAt: _removed, ...rest } = round;
      await db.rounds.put(rest);
    }
  }

  return {
    /** The centre and its visible rounds with their answers and reflections, for an export. */
    async exportSource(centreId: string): Promise<ExportSource | undefined> {
      const tables = [db.centres, db.rounds, db.answers, db.reflections, db.actions, db.ratings, db.localItems, db.instruments, db.handIns, db.projectPlans, db.yearlyReports];
      return db.transaction('r', tables, async () => {
        const centre = visible(await db.centres.get(centreId));
        if (!centre) return undefined;
        const rounds = (await db.rounds.where('centreId').equals(centreId).toArray()).filter((r) => !r.deletedAt);
        const ids = rounds.map((r) => r.id);
        const [answers, reflections, actions, ratings, localItems, installed, handIns, projectPlans, yearlyReports] = await Promise.all([
          db.answers.where('roundId').anyOf(ids).toArray(),
          db.reflections.where('roundId').anyOf(ids).toArray(),
          db.actions.where('roundId').anyOf(ids).toArray(),
          db.ratings.where('roundId').anyOf(ids).toArray(),
          db.localItems.where('centreId').equals(centreId).toArray(),
          db.instruments.toArray(),
          db.handIns.where('centreId').equals(centreId).toArray(),
          db.projectPlans.where('centreId').equals(centreId).toArray(),
          db.yearlyReports.where('centreId').equals(centreId).toArray(),
        ]);
        return {
          centre,
          rounds,
          answers,
          reflections,
          actions,
          ratings,
          localItems,
          networkInstruments: installed.map((entry) => entry.instrument),
          handIns,
          projectPlans,
          yearlyReports,
        };
      });
    },

    localRecordsFor,

    /** What an import would do, without writing. */
    async previewImport(file: ExportFile, builtIn: readonly string[] = []): Promise<ImportPlan> {
      const { planImport } = await loadMerge();
      return planImport(file, await localRecordsFor(file, builtIn));
    },

    /**
     * Imports a validated file in one transaction: the plan is made again inside it from what is
     * stored at that moment, so either every write lands or none does, and nothing newer is lost.
     */
    async importFile(file: ExportFile, builtIn: readonly string[] = [], now: string = nowIso()): Promise<ImportPlan> {
      // Loaded before the transaction opens: awaiting a module inside it would let IndexedDB commit early.
      const [{ planImport, writesOf, mergeHistories }, { withImportedHistory }, { exportFileName }, { instrumentKey }] = await Promise.all([loadMerge(), loadHistory(), loadFormat(), loadInstruments()]);
      return db.transaction('rw', IMPORT_TABLES, async () => {
        const plan = planImport(file, await localRecordsFor(file, builtIn));
        // An id of another centre's record refuses the whole file; writesOf gives nothing to write then.
        if (plan.collisions.length > 0) return plan;
        const writes = writesOf(plan);
        await db.centres.bulkPut(writes.centres);
        await db.rounds.bulkPut(writes.rounds);
        await db.answers.bulkPut(writes.answers);
        await db.reflections.bulkPut(writes.reflections);
        // Imported actions keep the device's history with what the file's adds; the file's status is recorded into it.
        const stored = await db.actions.bulkGet(writes.actions.map((action) => action.id));
        await db.actions.bulkPut(writes.actions.map((action, index) => withImportedHistory(action, mergeHistories(stored[index]?.statusHistory, action.statusHistory))));
        await db.ratings.bulkPut(writes.ratings);
        await db.localItems.bulkPut(writes.localItems);
        // Added, never put: the plan has only new hand-ins, and the sealed table refuses anything else.
        await db.handIns.bulkAdd(writes.handIns);
        await db.projectPlans.bulkPut(writes.projectPlans);
        await db.yearlyReports.bulkPut(writes.yearlyReports);
        await db.instruments.bulkAdd(
          writes.instruments.map((instrument) => ({ key: instrumentKey(instrument), instrument, fileName: exportFileName(file), installedAt: now })),
        );
        await endDeletionsOf(file);
        return plan;
      });
    },
  };
}

export type ExchangeRepository = ReturnType<typeof createExchangeRepository>;

export const exchangeRepository = createExchangeRepository(defaultDb);
