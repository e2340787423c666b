import { computed, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { scoreLocalGoal, type LocalGoalScore } from '@/domain/localItems';
import type { AnswerLookup, ReflectionLookup } from '@/domain/progress';
import type { Instrument, InstrumentGoal, LocalItem, Round } from '@/domain/types';
import { useLocalItemsStore } from '@/stores/localItems';

export interface LocalGoalResult {
  readonly goal: InstrumentGoal;
  /** The centre's own items, to look the statements up by id. */
  readonly items: readonly LocalItem[];
  readonly current: LocalGoalScore;
  /** The same items scored in the round before; undefined when there is none. */
  readonly previous: LocalGoalScore | undefined;
}

interface RoundAnswers {
  answersOf(roundId: string): AnswerLookup;
  reflectionsOf(roundId: string): ReflectionLookup;
  roundOf(roundId: string): Round | undefined;
}

/**
 * The own items of one round per goal, scored apart from the common ones, with the round before
 * beside them. Only goals that show own items in this round are in the map.
 */
export function useLocalItemResults(
  centreId: MaybeRefOrGetter<string>,
  rounds: RoundAnswers,
  instrument: MaybeRefOrGetter<Instrument | undefined>,
  roundId: MaybeRefOrGetter<string>,
  previousRoundId: MaybeRefOrGetter<string | undefined>,
) {
  const store = useLocalItemsStore();
  watch(() => toValue(centreId), (id) => store.open(id), { immediate: true });

  return computed(() => {
    const byGoal = new Map<string, LocalGoalResult>();
    const shownIn = toValue(instrument);
    if (!shownIn || store.items.length === 0) return byGoal;
    const answers = rounds.answersOf(toValue(roundId));
    const reflections = rounds.reflectionsOf(toValue(roundId));
    const before = toValue(previousRoundId);
    for (const goal of shownIn.goals) {
      const current = scoreLocalGoal(goal.id, store.items, answers, reflections, rounds.roundOf(toValue(roundId)));
      if (current.total === 0) continue;
      const previous = before
        ? scoreLocalGoal(goal.id, store.items, rounds.answersOf(before), rounds.reflectionsOf(before), rounds.roundOf(before))
        : undefined;
      byGoal.set(goal.id, { goal, items: store.items, current, previous });
    }
    return byGoal;
  });
}
