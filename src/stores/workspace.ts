import { acceptHMRUpdate, defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { workspaceRepository, type WorkspaceEntry } from '@/db/workspace';
import { MAX_IMPORT_BYTES } from '@/domain/exchange/format';
import type { ImportProblem } from '@/domain/exchange/schema';
import { nowIso } from '@/domain/ids';
import { useLiveQuery } from '@/composables/useLiveQuery';
import { useInstrumentStore } from './instrument';
import { useSaveStatusStore } from './saveStatus';

export type FileImportStatus = 'added' | 'replaced' | 'kept-newer' | 'invalid';

export interface FileImportReport {
  readonly fileName: string;
  readonly status: FileImportStatus;
  /** The centre in the file (valid files only). */
  readonly centreName?: string;
  /** Why the file could not be read (invalid files only). */
  readonly problems?: readonly ImportProblem[];
  /** Reading the file failed outright (the browser could not read it): the reason, as the browser gave it. */
  readonly failure?: string;
}

/** Milliseconds of an ISO timestamp, so that "+02:00" and "Z" times compare by the moment they name. */
function moment(iso: string): number {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? 0 : time;
}

/**
 * The coordinator's workspace: export files of several centres, kept apart from the working
 * group's own centres. One entry per centre; a newer file of the same centre replaces the older.
 */
export const useWorkspaceStore = defineStore('workspace', () => {
  const { data, loading, error } = useLiveQuery(() => workspaceRepository.listWorkspace());
  const entries = computed<WorkspaceEntry[]>(() => data.value ?? []);
  const importing = ref(false);

  /**
   * Reads, validates and stores the files of one pick. Every valid file is checked against what the
   * workspace holds and against the other files of the pick: per centre the newest export wins, and
   * on equal export times what is already there stays. All winners are written in one call.
   */
  async function importFiles(files: readonly File[]): Promise<FileImportReport[]> {
    importing.value = true;
    try {
      const store = useInstrumentStore();
      const [{ parseExportBytes }] = await Promise.all([import('@/domain/exchange/schema'), store.load()]);
      const instruments = store.all;
      const importedAt = nowIso();
      type Result = { kind: 'invalid'; problems: ImportProblem[] } | { kind: 'failed'; reason: string } | { kind: 'valid'; entry: WorkspaceEntry };
      const results: Result[] = [];
      for (const file of files) {
        // Each file on its own: one that cannot be read is reported by name, and the others still go in.
        try {
          // A file over the limit is refused by its size, without reading it into memory.
          const bytes = file.size > MAX_IMPORT_BYTES ? new Uint8Array() : new Uint8Array(await file.arrayBuffer());
          const parsed = parseExportBytes(bytes, instruments, file.size);
          results.push(
            parsed.ok
              ? { kind: 'valid', entry: { id: parsed.file.centre.id, fileName: file.name, importedAt, file: parsed.file } }
              : { kind: 'invalid', problems: parsed.problems },
          );
        } catch (error) {
          results.push({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
        }
      }

      const ids = [...new Set(results.flatMap((result) => (result.kind === 'valid' ? [result.entry.id] : [])))];
      const existing = new Map<string, WorkspaceEntry>();
      for (const id of ids) {
        const entry = await workspaceRepository.getWorkspaceEntry(id);
        if (entry) existing.set(id, entry);
      }
      const winners = new Map<string, WorkspaceEntry>();
      for (const result of results) {
        if (result.kind !== 'valid') continue;
        const { entry } = result;
        const best = winners.get(entry.id) ?? existing.get(entry.id);
        if (!best || moment(entry.file.exportedAt) > moment(best.file.exportedAt)) winners.set(entry.id, entry);
      }

      const toWrite = [...winners.values()];
      if (toWrite.length > 0) await useSaveStatusStore().track(() => workspaceRepository.putWorkspaceEntries(toWrite));

      return results.map((result, index): FileImportReport => {
        const fileName = files[index]?.name ?? '';
        if (result.kind === 'invalid') return { fileName, status: 'invalid', problems: result.problems };
        if (result.kind === 'failed') return { fileName, status: 'invalid', failure: result.reason };
        const { entry } = result;
        const centreName = entry.file.centre.name;
        if (winners.get(entry.id) !== entry) return { fileName, status: 'kept-newer', centreName };
        return { fileName, status: existing.has(entry.id) ? 'replaced' : 'added', centreName };
      });
    } finally {
      importing.value = false;
    }
  }

  /** Hides a centre's file at once; undo is offered from the database mark (see the undo store). */
  async function remove(id: string): Promise<void> {
    await useSaveStatusStore().track(() => workspaceRepository.softDeleteWorkspaceEntry(id));
  }

  return { entries, loading, error, importing, importFiles, remove };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useWorkspaceStore, import.meta.hot));
