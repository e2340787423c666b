import { nowIso } from '@/domain/ids';
import type { LocalItem } from '@/domain/types';
import { db as defaultDb, type AppDatabase } from './database';

/** A centre's own statements (scored apart from the instrument's). */
export function createLocalItemRepository(db: AppDatabase) {
  /** Whether any round (a deleted one too: it can come back) has a rating or a note on an own item. */
  async function localItemUsed(id: string): Promise<boolean> {
    // Through the answers' itemId index (v11): only the item's own answers are read.
    const used = await db.answers
      .where('itemId')
      .equals(id)
      .filter((answer) => answer.value !== null || answer.note !== '')
      .count();
    return used > 0;
  }

  return {
    /** The centre's own items, retired ones too (old rounds still show what they answered). */
    async listLocalItems(centreId: string): Promise<LocalItem[]> {
      const items = await db.localItems.where('centreId').equals(centreId).toArray();
      return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    },

    async putLocalItem(item: LocalItem): Promise<void> {
      await db.localItems.put(item);
    },

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
        await db.answers.where('itemId').equals(id).delete();
        await db.ratings.where('itemId').equals(id).delete();
        await db.localItems.delete(id);
        return 'deleted';
      });
    },
  };
}

export type LocalItemRepository = ReturnType<typeof createLocalItemRepository>;

export const localItemRepository = createLocalItemRepository(defaultDb);
