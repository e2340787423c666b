import { nowIso } from '@/domain/ids';
import { normalizeCentre, type CentreInput } from '@/domain/records';
import type { Centre } from '@/domain/types';
import { db as defaultDb, type AppDatabase } from './database';
import { visible } from './visible';

/** The family centres on the device. A deleted one is hidden until it is restored or purged (deletions.ts). */
export function createCentreRepository(db: AppDatabase) {
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
  };
}

export type CentreRepository = ReturnType<typeof createCentreRepository>;

export const centreRepository = createCentreRepository(defaultDb);
