import { newId, nowIso } from '@/domain/ids';
import { compareRoundsNewestFirst, MAX_TEXT, normalizeCentre, normalizeRound, type CentreInput, type RoundInput } from '@/domain/records';
import type { ActionItem, Answer, AnswerValue, Centre, GoalReflection, IndividualRating, Instrument, LocalItem, Round, RoundPosition, RoundStatus } from '@/domain/types';
import { purgeable, type DeletedRecord } from '@/domain/deletions';
import { lastExportKey, NETWORK_SETTINGS_KEY, roundSettingKeys } from '@/domain/settingKeys';
import type { ImportPlan, LocalRecords } from '@/domain/exchange/merge';
import type { ExportFile, ExportSource } from '@/domain/exchange/format';
import type { HandIn } from '@/domain/cycle/handIn';
import { db as defaultDb, type AppDatabase, type InstalledInstrument, type WorkspaceEntry } from './database';
import { TextConflictError } from './connection';

/** The merge rules are needed only when a file is imported: kept out of the first download. */
const loadMerge = () => import('@/domain/exchange/merge');
/** Likewise the status history rules, needed on import to record the file's statuses. */
const loadHistory = () => import('@/domain/cycle/importHistory');
const loadFormat = () => import('@/domain/exchange/format');
/** The instrument rules (and their canonical JSON) are not needed on the first screen either. */
const loadInstruments = () => import('@/domain/instruments');

/**
 * A note edit names the stored text it started from (`noteBase`): when the stored note is no longer
 * that text, another tab wrote it meanwhile, and the write is refused instead of overwriting it.
 */
export interface NoteChange {
  note?: string;
  noteBase?: string;
}

function checkNoteBase(stored: string, change: NoteChange): void {
  if (change.note !== undefined && change.noteBase !== undefined && stored !== change.noteBase && stored !== change.note) {
    throw new TextConflictError(stored);
  }
}

export interface RoundOverview {
  round: Round;
  answers: Answer[];
  reflections: GoalReflection[];
}

/**
 * The intent methods every other layer uses. Each write is one Dexie transaction, so a crash or a
 * closed tab leaves either the old or the new state, never half of it.
 */
export function createRepository(db: AppDatabase) {
  const visible = <T extends { deletedAt?: string }>(record: T | undefined): T | undefined =>
    record && !record.deletedAt ? record : undefined;

  /**
   * The round changed now, at `position`. Changes (not a put of the whole round), so that live
   * queries of its date and centre do not run again; `bulkUpdate` reads and writes in two round
   * trips, where `update` takes three.
   */
  async function touchRound(roundId: string, now: string, position: RoundPosition): Promise<void> {
    await db.rounds.bulkUpdate([{ key: roundId, changes: { updatedAt: now, position } }]);
  }


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

  async function localItemUsed(id: string): Promise<boolean> {
    const used = await db.answers.filter((answer) => answer.itemId === id && (answer.value !== null || answer.note !== '')).count();
    return used > 0;
  }

  /** How many rounds (deleted ones included, they can come back) were answered with an instrument. */
  function roundsUsingInstrument(id: string, version: string): Promise<number> {
    return db.rounds.filter((round) => round.instrumentId === id && round.instrumentVersion === version).count();
  }

  const IMPORT_TABLES = [db.centres, db.rounds, db.answers, db.reflections, db.actions, db.ratings, db.localItems, db.instruments, db.handIns, db.projectPlans, db.yearlyReports];


  async function purgeRound(roundId: string): Promise<void> {
    await db.settings.bulkDelete(roundSettingKeys(roundId));
    await db.actions.where('roundId').equals(roundId).delete();
    await db.ratings.where('roundId').equals(roundId).delete();
    await db.answers.where('roundId').equals(roundId).delete();
    await db.reflections.where('roundId').equals(roundId).delete();
    await db.rounds.delete(roundId);
  }

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

  return {
    async listCentres(): Promise<Centre[]> {
      const centres = await db.centres.toArray();
      return centres.filter((c) => !c.deletedAt).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    },

    async getCentre(id: string): Promise<Centre | undefined> {
      return visible(await db.centres.get(id));
    },

    async addCentre(centre: Centre): Promise<void> {
      await db.centres.add(centre);
    },

    async updateCentre(id: string, input: CentreInput): Promise<void> {
      await db.centres.update(id, { ...normalizeCentre(input), updatedAt: nowIso() });
    },

    /**
     * Hides the centre and everything in it until it is restored or purged. A centre already
     * deleted (in another tab) keeps its mark, so that its window is not stretched.
     */
    async softDeleteCentre(id: string, now: string = nowIso()): Promise<void> {
      await db.transaction('rw', db.centres, async () => {
        const centre = await db.centres.get(id);
        if (centre && !centre.deletedAt) await db.centres.put({ ...centre, deletedAt: now });
      });
    },

    /** Undoes a deletion: the centre comes back exactly as it was. False when there was none to undo. */
    async restoreCentre(id: string): Promise<boolean> {
      return db.transaction('rw', db.centres, async () => {
        const centre = await db.centres.get(id);
        if (!centre?.deletedAt) return false;
        const { deletedAt: _removed, ...rest } = centre;
        await db.centres.put(rest);
        return true;
      });
    },

    async listRounds(centreId: string): Promise<Round[]> {
      if (!visible(await db.centres.get(centreId))) return [];
      const rounds = await db.rounds.where('centreId').equals(centreId).toArray();
      return rounds.filter((r) => !r.deletedAt).sort(compareRoundsNewestFirst);
    },

    /**
     * A fingerprint of the order and visibility of the centre's rounds, read from indexes only. A live
     * query that reads it runs again when a round is added, dated anew, deleted or restored, but not
     * when an answer touches its round (the indexed values stay the same).
     */
    async roundOrderKey(centreId: string): Promise<string> {
      const range = db.rounds.where('[centreId+date]').between([centreId, ''], [centreId, '\uffff'], true, true);
      const [keys, ids, deleted] = await Promise.all([
        range.keys(),
        range.primaryKeys(),
        db.rounds.where('deletedAt').aboveOrEqual('').primaryKeys(),
      ]);
      return JSON.stringify([keys, ids, deleted]);
    },

    /** The centre's rounds with what is needed to show their progress, in one read. */
    async listRoundOverviews(centreId: string): Promise<RoundOverview[]> {
      // One read transaction: outside one, every read below would open its own, and a live query's
      // cache would compare each against all the others (quadratic in rounds).
      return db.transaction('r', [db.centres, db.rounds, db.answers, db.reflections], async () => {
        if (!visible(await db.centres.get(centreId))) return [];
        const rounds = (await db.rounds.where('centreId').equals(centreId).toArray())
          .filter((r) => !r.deletedAt)
          .sort(compareRoundsNewestFirst);
        // One `equals` read per round, all sent at once: each is a native getAll, where `anyOf` walks
        // a cursor that a live query tracks key by key.
        const [answers, reflections] = await Promise.all([
          Promise.all(rounds.map((round) => db.answers.where('roundId').equals(round.id).toArray())),
          Promise.all(rounds.map((round) => db.reflections.where('roundId').equals(round.id).toArray())),
        ]);
        return rounds.map((round, i) => ({ round, answers: answers[i] ?? [], reflections: reflections[i] ?? [] }));
      });
    },

    async getRound(id: string): Promise<Round | undefined> {
      const round = visible(await db.rounds.get(id));
      if (!round) return undefined;
      const centre = await db.centres.get(round.centreId);
      return visible(centre) ? round : undefined;
    },

    async addRound(round: Round): Promise<void> {
      await db.rounds.add(round);
    },

    async updateRound(id: string, input: RoundInput): Promise<void> {
      await db.rounds.update(id, { ...normalizeRound(input), updatedAt: nowIso() });
    },

    async setRoundStatus(id: string, status: RoundStatus): Promise<void> {
      const now = nowIso();
      await db.transaction('rw', db.rounds, async () => {
        const round = await db.rounds.get(id);
        if (!round) return;
        const { completedAt: _previous, ...rest } = round;
        await db.rounds.put(status === 'complete' ? { ...rest, status, completedAt: now, updatedAt: now } : { ...rest, status, updatedAt: now });
      });
    },

    /** Hides the round and everything in it; a round already deleted keeps its mark. */
    async softDeleteRound(id: string, now: string = nowIso()): Promise<void> {
      await db.transaction('rw', db.rounds, async () => {
        const round = await db.rounds.get(id);
        if (round && !round.deletedAt) await db.rounds.put({ ...round, deletedAt: now });
      });
    },

    /** Undoes a deletion: the round comes back exactly as it was. False when there was none to undo. */
    async restoreRound(id: string): Promise<boolean> {
      return db.transaction('rw', db.rounds, async () => {
        const round = await db.rounds.get(id);
        if (!round?.deletedAt) return false;
        const { deletedAt: _removed, ...rest } = round;
        await db.rounds.put(rest);
        return true;
      });
    },

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
            await db.projectPlans.filter((plan) => plan.centreId === record.id).delete();
            await db.yearlyReports.filter((report) => report.centreId === record.id).delete();
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

    async listAnswers(roundId: string): Promise<Answer[]> {
      return db.answers.where('roundId').equals(roundId).toArray();
    },

    async listReflections(roundId: string): Promise<GoalReflection[]> {
      return db.reflections.where('roundId').equals(roundId).toArray();
    },

    /**
     * Sets the rating and/or the note of one item, and remembers it as where the group is: one
     * transaction, so a tap is either wholly stored or not at all.
     */
    async saveAnswer(
      roundId: string,
      goalId: string,
      itemId: string,
      change: { value?: AnswerValue | null } & NoteChange,
    ): Promise<void> {
      const now = nowIso();
      await db.transaction('rw', db.answers, db.rounds, async () => {
        // The answer and the round are written side by side: two round trips to IndexedDB in
        // a tap, not five one after the other (a failed note check still aborts both).
        await Promise.all([
          (async () => {
            const existing = await db.answers.where({ roundId, itemId }).first();
            const answer: Answer = existing ?? { id: newId(), roundId, itemId, value: null, note: '', updatedAt: now };
            checkNoteBase(answer.note, change);
            await db.answers.put({
              ...answer,
              value: change.value === undefined ? answer.value : change.value,
              note: change.note === undefined ? answer.note : change.note.slice(0, MAX_TEXT),
              updatedAt: now,
            });
          })(),
          touchRound(roundId, now, { goalId, itemId }),
        ]);
      });
    },

    async saveReflection(roundId: string, goalId: string, change: { notRelevant?: boolean } & NoteChange): Promise<void> {
      const now = nowIso();
      await db.transaction('rw', db.reflections, db.rounds, async () => {
        await Promise.all([
          (async () => {
            const existing = await db.reflections.where({ roundId, goalId }).first();
            const reflection: GoalReflection = existing ?? { id: newId(), roundId, goalId, notRelevant: false, note: '', updatedAt: now };
            checkNoteBase(reflection.note, change);
            await db.reflections.put({
              ...reflection,
              note: change.note === undefined ? reflection.note : change.note.slice(0, MAX_TEXT),
              notRelevant: change.notRelevant ?? reflection.notRelevant,
              updatedAt: now,
            });
          })(),
          touchRound(roundId, now, { goalId }),
        ]);
      });
    },

    async savePosition(roundId: string, position: RoundPosition): Promise<void> {
      await db.rounds.update(roundId, { position });
    },

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
          db.projectPlans.filter((plan) => plan.centreId === centreId).toArray(),
          db.yearlyReports.filter((report) => report.centreId === centreId).toArray(),
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

    /** A round's action plan, every goal, oldest first. */
    async listActions(roundId: string): Promise<ActionItem[]> {
      const actions = await db.actions.where('roundId').equals(roundId).toArray();
      return actions.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    },

    /** Every action of a centre, for carrying open ones forward into a new round. */
    async listCentreActions(centreId: string): Promise<ActionItem[]> {
      return db.actions.where('centreId').equals(centreId).toArray();
    },

    async putAction(action: ActionItem): Promise<void> {
      await db.transaction('rw', db.actions, db.rounds, async () => {
        await db.actions.put(action);
        await db.rounds.update(action.roundId, { updatedAt: action.updatedAt });
      });
    },

    /** Adds several actions at once (carrying forward), all or none. */
    async addActions(actions: readonly ActionItem[]): Promise<void> {
      await db.transaction('rw', db.actions, async () => {
        await db.actions.bulkAdd([...actions]);
      });
    },

    async deleteAction(id: string): Promise<void> {
      await db.actions.delete(id);
    },

    async listRatings(roundId: string): Promise<IndividualRating[]> {
      return db.ratings.where('roundId').equals(roundId).toArray();
    },

    /** Sets one participant's own rating of an item (one record per round, item and participant). */
    async saveRating(roundId: string, itemId: string, participantId: string, value: AnswerValue | null): Promise<void> {
      const now = nowIso();
      await db.transaction('rw', db.ratings, async () => {
        const existing = await db.ratings.where({ roundId, itemId, participantId }).first();
        await db.ratings.put(existing ? { ...existing, value, updatedAt: now } : { id: newId(), roundId, itemId, participantId, value, updatedAt: now });
      });
    },

    /** The centre's own items, retired ones too (old rounds still show what they answered). */
    async listLocalItems(centreId: string): Promise<LocalItem[]> {
      const items = await db.localItems.where('centreId').equals(centreId).toArray();
      return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    },

    async putLocalItem(item: LocalItem): Promise<void> {
      await db.localItems.put(item);
    },

    /** Whether any round (a deleted one too: it can come back) has a rating or a note on an own item. */
    localItemUsed,

    /**
     * Removes an own item. One that some round has answered or written a note on is retired
     * instead, so that the round keeps what it wrote and its results: returns what was done.
     */
    async removeLocalItem(id: string, now: string = nowIso()): Promise<'deleted' | 'retired' | 'missing'> {
      return db.transaction('rw', db.localItems, db.answers, db.ratings, async () => {
        const item = await db.localItems.get(id);
        if (!item) return 'missing';
        if (await localItemUsed(id)) {
          await db.localItems.put({ ...item, retired: true, updatedAt: now });
          return 'retired';
        }
        await db.answers.filter((answer) => answer.itemId === id).delete();
        await db.ratings.filter((rating) => rating.itemId === id).delete();
        await db.localItems.delete(id);
        return 'deleted';
      });
    },

    async listInstalledInstruments(): Promise<InstalledInstrument[]> {
      return db.instruments.toArray();
    },

    /** Installs a validated instrument; a version already installed is left as it is (versions never change). */
    async installInstrument(instrument: Instrument, fileName: string, now: string = nowIso()): Promise<'installed' | 'present'> {
      const key = (await loadInstruments()).instrumentKey(instrument);
      return db.transaction('rw', db.instruments, async () => {
        if (await db.instruments.get(key)) return 'present';
        await db.instruments.add({ key, instrument, fileName, installedAt: now });
        return 'installed';
      });
    },

    roundsUsingInstrument,

    /** Uninstalls an instrument no round uses; one in use stays (its rounds could not be shown without it). */
    async uninstallInstrument(key: string): Promise<boolean> {
      return db.transaction('rw', db.instruments, db.rounds, async () => {
        const entry = await db.instruments.get(key);
        if (!entry) return false;
        if ((await roundsUsingInstrument(entry.instrument.id, entry.instrument.version)) > 0) return false;
        await db.instruments.delete(key);
        return true;
      });
    },

    async listWorkspace(): Promise<WorkspaceEntry[]> {
      const entries = (await db.workspace.toArray()).filter((entry) => !entry.deletedAt);
      return entries.sort((a, b) => a.file.centre.name.localeCompare(b.file.centre.name, 'sv'));
    },

    /** A deleted entry is not there: a new file of the same centre replaces it, which ends the deletion. */
    async getWorkspaceEntry(id: string): Promise<WorkspaceEntry | undefined> {
      return visible(await db.workspace.get(id));
    },

    async putWorkspaceEntries(entries: readonly WorkspaceEntry[]): Promise<void> {
      await db.workspace.bulkPut([...entries]);
    },

    /** Hides a centre's file from the workspace until it is restored or purged. */
    async softDeleteWorkspaceEntry(id: string, now: string = nowIso()): Promise<void> {
      await db.transaction('rw', db.workspace, async () => {
        const entry = await db.workspace.get(id);
        if (entry && !entry.deletedAt) await db.workspace.put({ ...entry, deletedAt: now });
      });
    },

    async restoreWorkspaceEntry(id: string): Promise<boolean> {
      return db.transaction('rw', db.workspace, async () => {
        const entry = await db.workspace.get(id);
        if (!entry?.deletedAt) return false;
        const { deletedAt: _removed, ...rest } = entry;
        await db.workspace.put(rest);
        return true;
      });
    },

    async getSetting(key: string): Promise<string | undefined> {
      return (await db.settings.get(key))?.value;
    },

    async setSetting(key: string, value: string): Promise<void> {
      await db.settings.put({ key, value });
    },
  };
}

export type Repository = ReturnType<typeof createRepository>;

export const repository = createRepository(defaultDb);

export type { InstalledInstrument, WorkspaceEntry };
