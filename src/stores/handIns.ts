import { acceptHMRUpdate, defineStore } from 'pinia';
import { computed, ref, toValue, type MaybeRefOrGetter } from 'vue';
import { handInRepository as repository } from '@/db/handIns';
import type { AfterHandIn } from '@/domain/cycle/changes';
import { cycleStatus, localDay, nextDue, type Deadline } from '@/domain/cycle/deadlines';
import { handInsOfRound, latestHandIn, type HandIn } from '@/domain/cycle/handIn';
import { useLiveQuery } from '@/composables/useLiveQuery';
import { useCycleSettingsStore } from './cycleSettings';
import { useInstrumentStore } from './instrument';
import { useSaveStatusStore } from './saveStatus';

/**
 * The hand-ins of the centre that is open, live from the database, with what changed in each
 * handed-in round since, and where the year's deadlines stand. Sealing goes through the
 * repository's one transaction; nothing here writes into a hand-in (nothing could).
 */
export const useHandInsStore = defineStore('handIns', () => {
  const instruments = useInstrumentStore();
  const centreId = ref<string>();
  const settings = useCycleSettingsStore();
  /** The network's dates when it set its own, else the seed's four (see cycleSettings). */
  const deadlines = computed<readonly Deadline[]>(() => settings.deadlines);
  /** Today as a moment; tests and long-open tabs can move it. */
  const now = ref(new Date().toISOString());

  const listQuery = useLiveQuery(async (id) => (id ? repository.listHandIns(id) : []), centreId);
  const changesQuery = useLiveQuery(
    // Every shipped version: a round answered with an older built-in version is read with that one.
    async ([id, shipped]): Promise<ReadonlyMap<string, AfterHandIn>> => (id && shipped.length > 0 ? repository.changesAfterHandIns(id, shipped) : new Map()),
    () => [centreId.value, instruments.builtIn] as const,
  );

  const handIns = computed<readonly HandIn[]>(() => listQuery.data.value ?? []);
  const loaded = computed(() => !listQuery.loading.value);
  const changes = computed<ReadonlyMap<string, AfterHandIn>>(() => changesQuery.data.value ?? new Map());
  const changedRounds = computed(() => new Set([...changes.value].filter(([, after]) => after.changed).map(([roundId]) => roundId)));
  const year = computed(() => Number(localDay(now.value).slice(0, 4)));
  const cycle = computed(() => cycleStatus(year.value, handIns.value, now.value, deadlines.value, changedRounds.value));
  const next = computed(() => nextDue(now.value, handIns.value, deadlines.value));

  function open(id: string): void {
    centreId.value = id;
    now.value = new Date().toISOString();
    void instruments.load();
  }

  function ofRound(roundId: string): HandIn[] {
    return handInsOfRound(handIns.value, roundId);
  }

  function latestOf(roundId: string): HandIn | undefined {
    return latestHandIn(handIns.value, roundId);
  }

  /** The round's changes since its newest hand-in, once known; undefined for a round never handed in. */
  function changesOf(roundId: string): AfterHandIn | undefined {
    return changes.value.get(roundId);
  }

  /** A round's check-in as it stands now (what a hand-in would seal), live, for the caller's scope. */
  function watchCurrentCheckIn(roundId: MaybeRefOrGetter<string>) {
    return useLiveQuery(
      async ([id, shipped]) => (shipped.length > 0 ? repository.currentCheckIn(id, shipped) : undefined),
      () => [toValue(roundId), instruments.builtIn] as const,
    );
  }

  /** Seals the round's check-in for a deadline; the save status says so only once it is stored. */
  async function seal(roundId: string, deadlineId: string, deadlineYear: number): Promise<HandIn | undefined> {
    await instruments.load();
    const shipped = instruments.builtIn;
    return useSaveStatusStore().track(() =>
      // The network's template and deadlines are read where the hand-in is sealed, not from this
      // store's copy, which may not have loaded yet (it would seal with the defaults).
      repository.sealHandIn(roundId, deadlineId, { shipped, year: deadlineYear }),
    );
  }

  /** Seals the centre's project plan or yearly report for the year, as the repository builds it now. */
  async function sealDocument(kind: 'project-plan' | 'yearly-report', id: string, planYear: number): Promise<HandIn | undefined> {
    await instruments.load();
    const options = { shipped: instruments.builtIn, current: instruments.current };
    return useSaveStatusStore().track(() =>
      kind === 'project-plan' ? repository.sealProjectPlan(id, planYear, options) : repository.sealYearlyReport(id, planYear, options),
    );
  }

  /** The newest hand-in for a deadline kind and year (a plan or report has no round). */
  function latestOfKind(kind: HandIn['kind'], ofYear: number): HandIn | undefined {
    return handIns.value.filter((h) => h.kind === kind && h.year === ofYear).sort((a, b) => a.sequence - b.sequence || a.sealedAt.localeCompare(b.sealedAt)).at(-1);
  }

  return { centreId, deadlines, now, handIns, loaded, changes, changedRounds, year, cycle, next, open, ofRound, latestOf, latestOfKind, changesOf, watchCurrentCheckIn, seal, sealDocument };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useHandInsStore, import.meta.hot));
