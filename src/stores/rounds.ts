import { acceptHMRUpdate, defineStore } from 'pinia';
import { computed, onScopeDispose, ref, toValue, watchEffect, type MaybeRefOrGetter } from 'vue';
import { roundRepository, type RoundOverview } from '@/db/rounds';
import { useLiveQuery } from '@/composables/useLiveQuery';
import { createRound, type RoundInput } from '@/domain/records';
import type { Instrument, Round, RoundStatus } from '@/domain/types';
import { useSaveStatusStore } from './saveStatus';

/** Rounds: the open centre's rounds with their answers, one round, and the actions on them. */
export const useRoundsStore = defineStore('rounds', () => {
  /**
   * The round overviews (each round with its answers and reflections) of the centre a view shows,
   * subscribed once however many views and composables read them, and only while one does: the
   * query reads every answer of the centre, so it must not run on each tap of the questionnaire.
   */
  const overviewCentre = ref<string>();
  let overviewReaders = 0;
  const overviewsQuery = useLiveQuery(
    async (id) => (id ? { centreId: id, overviews: await roundRepository.listRoundOverviews(id) } : undefined),
    overviewCentre,
  );

  /** The centre's round overviews for the caller's scope (a component's setup); undefined until read. */
  function watchOverviews(centreId: MaybeRefOrGetter<string>) {
    overviewReaders += 1;
    watchEffect(() => {
      overviewCentre.value = toValue(centreId);
    });
    onScopeDispose(() => {
      overviewReaders -= 1;
      if (overviewReaders === 0) overviewCentre.value = undefined;
    });
    // Another centre's overviews, from before the switch, are never handed out.
    const data = computed<RoundOverview[] | undefined>(() => {
      const result = overviewsQuery.data.value;
      return result?.centreId === toValue(centreId) ? result.overviews : undefined;
    });
    const loading = computed(() => data.value === undefined && overviewsQuery.error.value === undefined);
    return { data, loading, error: overviewsQuery.error };
  }

  /** One round, live, for the caller's scope (the round form); undefined without an id. */
  function watchRound(roundId: MaybeRefOrGetter<string | undefined>) {
    return useLiveQuery(async (id) => (id ? roundRepository.getRound(id) : undefined), () => toValue(roundId));
  }

  /** The centre's rounds (no answers), live, for the caller's scope (a new round's form). */
  function watchCentreRounds(centreId: MaybeRefOrGetter<string>) {
    return useLiveQuery((id) => roundRepository.listRounds(id), () => toValue(centreId));
  }

  async function create(centreId: string, input: RoundInput, instrument: Instrument): Promise<Round> {
    const round = createRound(centreId, input, instrument);
    await useSaveStatusStore().track(() => roundRepository.addRound(round));
    return round;
  }

  async function update(id: string, input: RoundInput): Promise<void> {
    await useSaveStatusStore().track(() => roundRepository.updateRound(id, input));
  }

  async function setStatus(id: string, status: RoundStatus): Promise<void> {
    await useSaveStatusStore().track(() => roundRepository.setRoundStatus(id, status));
  }

  /** Hides the round at once; undo is offered from the database mark (see the undo store). */
  async function remove(round: Round): Promise<void> {
    await useSaveStatusStore().track(() => roundRepository.softDeleteRound(round.id));
  }

  return { watchOverviews, watchRound, watchCentreRounds, create, update, setStatus, remove };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useRoundsStore, import.meta.hot));
