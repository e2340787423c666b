import { db as defaultDb, type AppDatabase } from './database';

/** The device's small settings (language, chosen instrument, last export, the network's dates …), by key. */
export function createSettingRepository(db: AppDatabase) {
  return {
    async getSetting(key: string): Promise<string | undefined> {
      return (await db.settings.get(key))?.value;
    },

    async setSetting(key: string, value: string): Promise<void> {
      await db.settings.put({ key, value });
    },
  };
}

export type SettingRepository = ReturnType<typeof createSettingRepository>;

export const settingRepository = createSettingRepository(defaultDb);
