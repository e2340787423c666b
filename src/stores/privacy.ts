import { acceptHMRUpdate, defineStore } from 'pinia';
import { ref } from 'vue';
import { DATABASE_NAME } from '@/db';
import { privacyRepository, type Erased } from '@/db/privacy';
import { useSaveStatusStore } from './saveStatus';

export type EraseState = 'idle' | 'erasing' | 'erased' | 'failed';

/** Taking names out of a round, and erasing everything the app keeps on this device. */
export const usePrivacyStore = defineStore('privacy', () => {
  const eraseState = ref<EraseState>('idle');
  const erased = ref<Erased>();

  /** True when names were removed; false when the round had none. */
  async function removeNames(roundId: string): Promise<boolean> {
    return useSaveStatusStore().track(() => privacyRepository.removeParticipantNames(roundId));
  }

  async function eraseDevice(): Promise<void> {
    eraseState.value = 'erasing';
    try {
      erased.value = await privacyRepository.eraseDevice({ keepAppFiles: !navigator.onLine });
      eraseState.value = 'erased';
    } catch {
      eraseState.value = 'failed';
    }
  }

  /** The IndexedDB database the app keeps everything in, named on the privacy page. */
  const databaseName = DATABASE_NAME;

  return { databaseName, eraseState, erased, removeNames, eraseDevice };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(usePrivacyStore, import.meta.hot));
