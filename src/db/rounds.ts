import { nowIso } from '@/domain/ids';
import { compareRoundsNewestFirst, normalizeRound, type RoundInput } from '@/domain/records';
import type { Answer, GoalReflection, Round, RoundPosition, RoundStatus } from '@/domain/types';
import { db as defaultDb, type AppDatabase } from './database';
import { visible } from './visible';

export interface RoundOverview {
  round: Round;
  answers: Answer[];
  reflections: GoalReflection[];
}

/** A centre's rounds: listing, their overviews, editing, status, deletion and the group's place in one. */
export function createRoundRepository(db: AppDatabase) {
  return {
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

    /** Where the group is in the round, when it moves without answering (an answer moves it too, answers.ts). */
    async savePosition(roundId: string, position: RoundPosition): Promise<void> {
      await db.rounds.update(roundId, { position });
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
  };
}

export type RoundRepository = ReturnType<typeof createRoundRepository>;

export const roundRepository = createRoundRepository(defaultDb);
