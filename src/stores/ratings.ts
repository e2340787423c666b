import { acceptHMRUpdate, defineStore } from 'pinia';
import { computed, ref, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { ratingRepository } from '@/db/ratings';
import { settingRepository } from '@/db/settings';
import { showNamesKey } from '@/domain/settingKeys';
import { pendingParticipants } from '@/domain/spread';
import type { AnswerValue, IndividualRating, InstrumentGoal, Participant } from '@/domain/types';
import { useLiveQuery } from '@/composables/useLiveQuery';
import { useQuestionnaireStore } from './questionnaire';
import { useSaveStatusStore, type TrackOptions } from './saveStatus';

/** What an item card needs to show the spread of the individual ratings beside the consensus. */
export interface ItemRatings {
  readonly ratings: readonly IndividualRating[];
  readonly participants: readonly Participant[];
  /** Everyone has rated the whole goal, so the ratings may be shown. */
  readonly revealed: boolean;
  readonly showNames: boolean;
}

export { showNamesKey };

/**
 * The individual ratings of the round open in the questionnaire store, live from the database,
 * and the round's choice whether to show names beside them (anonymous by default).
 */
export const useRatingsStore = defineStore('ratings', () => {
  const questionnaire = useQuestionnaireStore();
  const roundId = computed(() => questionnaire.roundId);
  const query = useLiveQuery(async (id) => (id ? ratingRepository.listRatings(id) : []), roundId);
  const showNames = ref(false);

  const participants = computed<readonly Participant[]>(() => questionnaire.round?.participants ?? []);
  /** Ratings by current participants only (someone removed from the round no longer counts). */
  const ratings = computed<readonly IndividualRating[]>(() => {
    const ids = new Set(participants.value.map((p) => p.id));
    return (query.data.value ?? []).filter((rating) => ids.has(rating.participantId));
  });
  const loaded = computed(() => !query.loading.value);

  const byItem = computed(() => {
    const map = new Map<string, IndividualRating[]>();
    for (const rating of ratings.value) {
      const list = map.get(rating.itemId) ?? [];
      list.push(rating);
      map.set(rating.itemId, list);
    }
    return map;
  });

  watch(
    roundId,
    async (id) => {
      showNames.value = false;
      if (!id) return;
      const stored = await settingRepository.getSetting(showNamesKey(id)).catch(() => undefined);
      if (roundId.value === id) showNames.value = stored === '1';
    },
    { immediate: true },
  );

  function pendingFor(goal: InstrumentGoal): Participant[] {
    return pendingParticipants({ participants: [...participants.value] }, ratings.value, goal.items.map((i) => i.id));
  }

  /** Everyone has rated the whole goal (and there is someone to rate it). */
  function goalDone(goal: InstrumentGoal): boolean {
    return participants.value.length > 0 && pendingFor(goal).length === 0;
  }

  /** The item's ratings for its card, or undefined when nobody has rated it. */
  function forItem(goal: InstrumentGoal, itemId: string): ItemRatings | undefined {
    const list = (byItem.value.get(itemId) ?? []).filter((rating) => rating.value !== null);
    if (list.length === 0) return undefined;
    return { ratings: list, participants: participants.value, revealed: goalDone(goal), showNames: showNames.value };
  }

  function valueOf(itemId: string, participantId: string): AnswerValue | null {
    return byItem.value.get(itemId)?.find((rating) => rating.participantId === participantId)?.value ?? null;
  }

  function write(action: (id: string) => Promise<void>, options?: TrackOptions): Promise<void> {
    const id = roundId.value;
    if (!id) return Promise.resolve();
    return useSaveStatusStore().track(() => action(id), options);
  }

  /** The save status's name for one participant's rating of one item in the open round. */
  const ratingKey = (itemId: string, participantId: string): string => `rating:${roundId.value ?? ''}:${itemId}:${participantId}`;

  const saveRating = (itemId: string, participantId: string, value: AnswerValue | null) =>
    write((id) => ratingRepository.saveRating(id, itemId, participantId, value), { key: ratingKey(itemId, participantId) });

  function setShowNames(show: boolean): Promise<void> {
    showNames.value = show;
    return write((id) => settingRepository.setSetting(showNamesKey(id), show ? '1' : '0'));
  }

  /** Any round's individual ratings, live, for the caller's scope (the results of a round not open here). */
  function watchRoundRatings(roundId: MaybeRefOrGetter<string>) {
    return useLiveQuery(async (id) => ratingRepository.listRatings(id), () => toValue(roundId));
  }

  return { roundId, ratings, loaded, showNames, byItem, pendingFor, goalDone, forItem, valueOf, ratingKey, saveRating, setShowNames, watchRoundRatings };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useRatingsStore, import.meta.hot));
