import { newId, nowIso } from '@/domain/ids';
import type { AnswerValue, IndividualRating } from '@/domain/types';
import { db as defaultDb, type AppDatabase } from './database';
import { requireOpenRound } from './visible';

/** Participants' individual ratings, given before the group agrees on its answer. */
export function createRatingRepository(db: AppDatabase) {
  return {
    async listRatings(roundId: string): Promise<IndividualRating[]> {
      return db.ratings.where('roundId').equals(roundId).toArray();
    },

    /** Sets one participant's own rating of an item (one record per round, item and participant). */
    async saveRating(roundId: string, itemId: string, participantId: string, value: AnswerValue | null): Promise<void> {
      const now = nowIso();
      await db.transaction('rw', db.ratings, db.rounds, db.centres, async () => {
        const [existing] = await Promise.all([
          db.ratings.where({ roundId, itemId, participantId }).first(),
          requireOpenRound(db, roundId),
        ]);
        await db.ratings.put(existing ? { ...existing, value, updatedAt: now } : { id: newId(), roundId, itemId, participantId, value, updatedAt: now });
      });
    },
  };
}

export type RatingRepository = ReturnType<typeof createRatingRepository>;

export const ratingRepository = createRatingRepository(defaultDb);
