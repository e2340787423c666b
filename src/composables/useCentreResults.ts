import { computed, type MaybeRefOrGetter, toValue } from 'vue';
import { repository } from '@/db';
import { chronological, compareRounds, type Comparison, type ScoredRound } from '@/domain/comparison';
import { answersByItem, reflectionsByGoal } from '@/domain/progress';
import { scoreRound } from '@/domain/scoring';
import { deriveStage, type StageResult } from '@/domain/stage';
import type { Round } from '@/domain/types';
import { useCentresStore } from '@/stores/centres';
import { useInstrumentStore } from '@/stores/instrument';
import { useLiveQuery } from './useLiveQuery';

/**
 * Everything the results views need for one centre, live from the database: every round scored
 * with the instrument, oldest first, and comparisons and stages on demand.
 */
export function useCentreResults(centreId: MaybeRefOrGetter<string>) {
  const centres = useCentresStore();
  const instruments = useInstrumentStore();
  void instruments.load();

  const overviews = useLiveQuery((id) => repository.listRoundOverviews(id), () => toValue(centreId));
  const centre = computed(() => centres.centres.find((c) => c.id === toValue(centreId)));
  const instrument = computed(() => instruments.instrument);
  const loading = computed(() => overviews.loading.value || centres.loading || !instrument.value);

  const rounds = computed<Round[]>(() => (overviews.data.value ?? []).map((o) => o.round));
  const scored = computed<ScoredRound[]>(() => {
    const current = instrument.value;
    if (!current) return [];
    return chronological(
      (overviews.data.value ?? []).map(({ round, answers, reflections }) => ({
        roundId: round.id,
        title: round.title,
        period: round.period,
        date: round.date,
        scores: scoreRound(current, answersByItem(answers), reflectionsByGoal(reflections)),
      })),
    );
  });

  function scoredRound(roundId: string): ScoredRound | undefined {
    return scored.value.find((round) => round.roundId === roundId);
  }

  /** The round just before this one in time, the default partner for a comparison. */
  function previousOf(roundId: string): ScoredRound | undefined {
    const index = scored.value.findIndex((round) => round.roundId === roundId);
    return index > 0 ? scored.value[index - 1] : undefined;
  }

  function compare(roundIds: readonly string[]): Comparison | undefined {
    const current = instrument.value;
    if (!current) return undefined;
    const chosen = scored.value.filter((round) => roundIds.includes(round.roundId));
    return compareRounds(current, chosen);
  }

  function stageOf(roundId: string): StageResult | undefined {
    const round = scoredRound(roundId);
    return centre.value && round ? deriveStage(centre.value, round.scores) : undefined;
  }

  return { centre, instrument, loading, rounds, scored, scoredRound, previousOf, compare, stageOf };
}
