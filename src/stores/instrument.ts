import { acceptHMRUpdate, defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import { instrumentRepository, type InstalledInstrument } from '@/db/instruments';
import { settingRepository } from '@/db/settings';
import { findInstrument, instrumentKey, roundInstrumentRef, sortInstruments, type InstrumentRef } from '@/domain/instruments';
import type { Instrument } from '@/domain/types';
import { useLiveQuery } from '@/composables/useLiveQuery';
import { loadBuiltInInstruments } from '@/instrument';
import { useSaveStatusStore } from './saveStatus';

export const CURRENT_INSTRUMENT_KEY = 'instrument:current';

/**
 * The instruments this device knows: every version shipped with the app and those a network loaded as
 * a file. Every round is shown with the instrument version it was answered with; new rounds use the
 * one chosen here (`current`), by default the newest shipped version (`shipped`).
 */
export const useInstrumentStore = defineStore('instrument', () => {
  /** Every shipped version, newest first. */
  const builtIn = shallowRef<readonly Instrument[]>([]);
  /** The newest shipped version. */
  const shipped = computed<Instrument | undefined>(() => builtIn.value[0]);
  const error = ref<string>();
  const currentKey = ref<string>();
  // Live, so that an instrument loaded in another tab is known here too. The list shown is the
  // newest of what the live query says and what this store read itself right after its own writes
  // (the query answers a moment later); the query's own result is never written into.
  const installedQuery = useLiveQuery(() => instrumentRepository.listInstalledInstruments());
  const installedList = shallowRef<InstalledInstrument[]>();
  watch(installedQuery.data, (list) => {
    if (list) installedList.value = list;
  }, { flush: 'sync' });
  const installed = computed<InstalledInstrument[]>(() => installedList.value ?? []);
  let loading: Promise<Instrument | undefined> | undefined;

  const all = computed<Instrument[]>(() => {
    const shippedKeys = new Set(builtIn.value.map(instrumentKey));
    if (shippedKeys.size === 0) return [];
    const others = installed.value.map((entry) => entry.instrument).filter((instrument) => !shippedKeys.has(instrumentKey(instrument)));
    return [...builtIn.value, ...sortInstruments(others)];
  });

  /** The instrument new rounds are answered with: the chosen one while it is installed, else the shipped one. */
  const current = computed<Instrument | undefined>(() => {
    const key = currentKey.value;
    return (key ? all.value.find((instrument) => instrumentKey(instrument) === key) : undefined) ?? shipped.value;
  });

  /**
   * What a new round can be started with: the newest shipped version, the networks' own, and the one
   * chosen for new rounds. Older shipped versions stay for the rounds answered with them.
   */
  const forNewRounds = computed<Instrument[]>(() =>
    all.value.filter((instrument) => !isShipped(instrument) || instrument === shipped.value || instrument === current.value),
  );

  function get(ref: InstrumentRef): Instrument | undefined {
    return findInstrument(all.value, ref);
  }

  /** The instrument a round was answered with, or undefined when this device does not hold that version. */
  function forRound(round: { instrumentId: string; instrumentVersion: string } | undefined): Instrument | undefined {
    return round ? get(roundInstrumentRef(round)) : undefined;
  }

  function isShipped(instrument: InstrumentRef): boolean {
    const key = instrumentKey(instrument);
    return builtIn.value.some((candidate) => instrumentKey(candidate) === key);
  }

  /** Loads the shipped versions, the installed ones and the choice once; later calls share the promise. */
  function load(): Promise<Instrument | undefined> {
    loading ??= Promise.all([loadBuiltInInstruments(), settingRepository.getSetting(CURRENT_INSTRUMENT_KEY), instrumentRepository.listInstalledInstruments()]).then(
      ([loaded, key, list]) => {
        builtIn.value = loaded;
        currentKey.value = key;
        // The live query may not have answered yet: the list read here is as fresh.
        installedList.value ??= list;
        error.value = undefined;
        return current.value;
      },
      (failure: unknown) => {
        error.value = failure instanceof Error ? failure.message : String(failure);
        loading = undefined;
        return undefined;
      },
    );
    return loading;
  }

  async function setCurrent(instrument: InstrumentRef): Promise<void> {
    const key = instrumentKey(instrument);
    await useSaveStatusStore().track(() => settingRepository.setSetting(CURRENT_INSTRUMENT_KEY, key));
    currentKey.value = key;
  }

  /** Installs a validated instrument file; with `makeCurrent`, new rounds use it from now on. */
  async function install(instrument: Instrument, fileName: string, makeCurrent: boolean): Promise<void> {
    await useSaveStatusStore().track(() => instrumentRepository.installInstrument(instrument, fileName));
    installedList.value = await instrumentRepository.listInstalledInstruments();
    if (makeCurrent) await setCurrent(instrument);
  }

  /** Removes an installed instrument that no round uses; false when rounds still need it. */
  async function uninstall(instrument: InstrumentRef): Promise<boolean> {
    const removed = await useSaveStatusStore().track(() => instrumentRepository.uninstallInstrument(instrumentKey(instrument)));
    installedList.value = await instrumentRepository.listInstalledInstruments();
    return removed;
  }

  /**
   * How many rounds use each instrument (by `id@version`), live, for the caller's scope (the
   * instrument list): a round started or imported in another tab changes whether one can be removed.
   */
  function watchUsage() {
    const keys = computed(() => all.value.map(instrumentKey).join(' '));
    return useLiveQuery(async () => {
      const list = all.value;
      const counts = await Promise.all(list.map((instrument) => instrumentRepository.roundsUsingInstrument(instrument.id, instrument.version)));
      return new Map(list.map((instrument, index) => [instrumentKey(instrument), counts[index] ?? 0]));
    }, keys);
  }

  return { watchUsage, builtIn, shipped, installed, all, forNewRounds, current, error, get, forRound, isShipped, load, setCurrent, install, uninstall };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useInstrumentStore, import.meta.hot));
