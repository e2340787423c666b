import { acceptHMRUpdate, defineStore } from 'pinia';
import { computed } from 'vue';
import { centreRepository } from '@/db/centres';
import { createCentre, type CentreInput } from '@/domain/records';
import type { Centre } from '@/domain/types';
import { useLiveQuery } from '@/composables/useLiveQuery';
import { useSaveStatusStore } from './saveStatus';

export const useCentresStore = defineStore('centres', () => {
  const { data, loading, error: queryError } = useLiveQuery(() => centreRepository.listCentres());
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
    await useSaveStatusStore().track(() => centreRepository.addCentre(centre));
    return centre;
  }

  async function update(id: string, input: CentreInput): Promise<void> {
    await useSaveStatusStore().track(() => centreRepository.updateCentre(id, input));
  }

  /**
   * Hides the centre at once; the undo store finds the deletion in the database and offers undo
   * until its window has passed, and only then is the centre removed for good.
   */
  async function remove(centre: Centre): Promise<void> {
    await useSaveStatusStore().track(() => centreRepository.softDeleteCentre(centre.id));
  }

  return { centres, loading, error, create, update, remove };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useCentresStore, import.meta.hot));
