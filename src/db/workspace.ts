import { nowIso } from '@/domain/ids';
import { db as defaultDb, type AppDatabase, type WorkspaceEntry } from './database';
import { visible } from './visible';

/** Files read per request (see listWorkspace). */
export const WORKSPACE_PAGE = 20;

/** One collator for the sort: `localeCompare(…, 'sv')` sets one up for every comparison. */
const byName = new Intl.Collator('sv');

/** The coordinator's workspace: centres' export files, kept apart from the group's own data. */
export function createWorkspaceRepository(db: AppDatabase) {
  return {
    async listWorkspace(): Promise<WorkspaceEntry[]> {
      // In a transaction of its own: a live query's read outside one goes through Dexie's cache, which
      // deep-copies every result (200 centres' files copied took a tenth of a second). In pages: the
      // browser unpacks a read's records in one go on the page's thread, and 200 files at once were a
      // long task; a page at a time, the page gets the thread back in between.
      const entries = await db.transaction('r', db.workspace, async () => {
        const all: WorkspaceEntry[] = [];
        let page = await db.workspace.where(':id').above(-Infinity).limit(WORKSPACE_PAGE).toArray();
        all.push(...page);
        while (page.length === WORKSPACE_PAGE) {
          const last = page[page.length - 1]?.id ?? '';
          page = await db.workspace.where(':id').above(last).limit(WORKSPACE_PAGE).toArray();
          all.push(...page);
        }
        return all.filter((entry) => !entry.deletedAt);
      });
      return entries.sort((a, b) => byName.compare(a.file.centre.name, b.file.centre.name));
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
  };
}

export type WorkspaceRepository = ReturnType<typeof createWorkspaceRepository>;

export const workspaceRepository = createWorkspaceRepository(defaultDb);

export type { WorkspaceEntry };
