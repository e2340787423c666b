import { acceptHMRUpdate, defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { Instrument } from '@/domain/types';
import { loadDefaultInstrument } from '@/instrument';

export const useInstrumentStore = defineStore('instrument', () => {
  const instrument = shallowRef<Instrument>();
  const error = ref<string>();
  let loading: Promise<Instrument | undefined> | undefined;

  /** Loads the instrument once; later calls share the same promise. */
  function load(): Promise<Instrument | undefined> {
    loading ??= loadDefaultInstrument().then(
      (loaded) => {
        instrument.value = loaded;
        return loaded;
      },
      (failure: unknown) => {
        error.value = failure instanceof Error ? failure.message : String(failure);
        loading = undefined;
        return undefined;
      },
    );
    return loading;
  }

  return { instrument, error, load };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useInstrumentStore, import.meta.hot));
