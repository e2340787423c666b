import { nowIso } from '@/domain/ids';
import type { Instrument } from '@/domain/types';
import { db as defaultDb, type AppDatabase, type InstalledInstrument } from './database';

/** The instrument rules (and their canonical JSON) are not needed on the first screen: loaded on install. */
const loadInstruments = () => import('@/domain/instruments');

/** Instruments a network loaded as files. The shipped one is never stored. */
export function createInstrumentRepository(db: AppDatabase) {
  /** How many rounds (deleted ones included, they can come back) were answered with an instrument. */
  function roundsUsingInstrument(id: string, version: string): Promise<number> {
    // Through the rounds' [instrumentId+instrumentVersion] index (v11), not a read of every round.
    return db.rounds.where('[instrumentId+instrumentVersion]').equals([id, version]).count();
  }

  return {
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
  };
}

export type InstrumentRepository = ReturnType<typeof createInstrumentRepository>;

export const instrumentRepository = createInstrumentRepository(defaultDb);

export type { InstalledInstrument };
