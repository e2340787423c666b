import { acceptHMRUpdate, defineStore } from 'pinia';
import { computed, watch } from 'vue';
import { readCentresFirst } from '@/db/firstRead';
import { createCentre, type CentreInput } from '@/domain/records';
import type { Centre } from '@/domain/types';
import { loadDatabase, useDeferredLiveQuery } from './deferredDatabase';
import { useSaveStatusStore } from './saveStatus';

export const useCentresStore = defineStore('centres', () => {
  // The start page's list: read in plain IndexedDB at once, live once the database code is here.
  const { data, loading, error: queryError } = useDeferredLiveQuery(({ centreRepository }) => centreRepository.listCentres(), () => readCentresFirst());
  const centres = computed<Centre[]>(() => data.value ?? []);
  /** Set when the device's storage cannot be opened at all (blocked, full, private mode). */
  const error = computed(() => {
    const failure = queryError.value;
    if (failure === undefined) return undefined;
    if (failure instanceof Error) return failure.message || failure.name;
    return typeof failure === 'string' ? failure : 'IndexedDB';
  });

  async function create(input: CentreInput): Promise<Centre> {
    const centre = createCentre(input);
    await useSaveStatusStore().track(async () => (await loadDatabase()).centreRepository.addCentre(centre));
    return centre;
  }

  async function update(id: string, input: CentreInput): Promise<void> {
    await useSaveStatusStore().track(async () => (await loadDatabase()).centreRepository.updateCentre(id, input));
  }

  /**
   * Hides the centre at once; the undo store finds the deletion in the database and offers undo
   * until its window has passed, and only then is the centre removed for good.
   */
  async function remove(centre: Centre): Promise<void> {
    await useSaveStatusStore().track(async () => (await loadDatabase()).centreRepository.softDeleteCentre(centre.id));
  }

  return { centres, loading, error, create, update, remove };
});

/** Resolves once the centres are read (the list, or the failure to read it). */
export function centresLoaded(): Promise<void> {
  const store = useCentresStore();
  if (!store.loading) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = watch(
      () => store.loading,
      (loading) => {
        if (loading) return;
        stop();
        resolve();
      },
    );
  });
}

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useCentresStore, import.meta.hot));
