import type { ActionItem } from '@/domain/types';
import { db as defaultDb, type AppDatabase } from './database';
import { requireOpenRound } from './visible';

/** Action plans: a round's actions per goal, and a centre's, for carrying open ones forward. */
export function createActionRepository(db: AppDatabase) {
  return {
    /** A round's action plan, every goal, oldest first. */
    async listActions(roundId: string): Promise<ActionItem[]> {
      const actions = await db.actions.where('roundId').equals(roundId).toArray();
      return actions.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    },

    /** Every action of a centre, for carrying open ones forward into a new round. */
    async listCentreActions(centreId: string): Promise<ActionItem[]> {
      return db.actions.where('centreId').equals(centreId).toArray();
    },

    /** Writes the action and marks its round changed, in one transaction. */
    async putAction(action: ActionItem): Promise<void> {
      await db.transaction('rw', db.actions, db.rounds, db.centres, async () => {
        await requireOpenRound(db, action.roundId, () =>
          Promise.all([db.actions.put(action), db.rounds.update(action.roundId, { updatedAt: action.updatedAt })]),
        );
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
  };
}

export type ActionRepository = ReturnType<typeof createActionRepository>;

export const actionRepository = createActionRepository(defaultDb);
