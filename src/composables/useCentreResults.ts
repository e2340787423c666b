import { computed, type MaybeRefOrGetter, toValue } from 'vue';
import { chronological, compareRounds, type Comparison, type ScoredRound } from '@/domain/comparison';
import { answersByItem, reflectionsByGoal } from '@/domain/progress';
import { scoreRound } from '@/domain/scoring';
import { roundPathProfile, type PathProfile } from '@/domain/path';
import type { Answer, GoalReflection, Instrument, Round } from '@/domain/types';
import { useCentresStore } from '@/stores/centres';
import { useInstrumentStore } from '@/stores/instrument';
import { useRoundsStore } from '@/stores/rounds';

/**
 * Everything the results views need for one centre, live from the database: every round scored
 * with the instrument version it was answered with, oldest first, and comparisons and path profiles
 * on demand.
 */
export function useCentreResults(centreId: MaybeRefOrGetter<string>) {
  const centres = useCentresStore();
  const instruments = useInstrumentStore();
  void instruments.load();

  const overviews = useRoundsStore().watchOverviews(centreId);
  const centre = computed(() => centres.centres.find((c) => c.id === toValue(centreId)));
  const loading = computed(() => overviews.loading.value || centres.loading || !instruments.shipped);

  const rounds = computed<Round[]>(() => (overviews.data.value ?? []).map((o) => o.round));
  /** Each round's answers by item and reflections by goal, built once for scoring and for the own items. */
  const lookups = computed(
    () =>
      new Map(
        (overviews.data.value ?? []).map(({ round, answers, reflections }) => [
          round.id,
          { answers: answersByItem(answers), reflections: reflectionsByGoal(reflections) },
        ]),
      ),
  );
  /** Each round scored with the instrument version it was answered with; rounds whose version is missing are left out. */
  const scored = computed<ScoredRound[]>(() =>
    chronological(
      rounds.value.flatMap((round) => {
        const own = instruments.forRound(round);
        const lookup = lookups.value.get(round.id);
        if (!own || !lookup) return [];
        return [{
          roundId: round.id,
          title: round.title,
          period: round.period,
          date: round.date,
          scores: scoreRound(own, lookup.answers, lookup.reflections),
          instrumentVersion: round.instrumentVersion,
        }];
      }),
    ),
  );
  const roundsById = computed(() => new Map(rounds.value.map((round) => [round.id, round])));

  function instrumentOf(roundId: string): Instrument | undefined {
    return instruments.forRound(roundsById.value.get(roundId));
  }

  /**
   * The instrument comparisons are shown in: that of the newest round (its goals, items and order);
   * older rounds answered with another version line up by goal and item id.
   */
  const instrument = computed<Instrument | undefined>(() => {
    const newest = scored.value[scored.value.length - 1];
    return (newest ? instrumentOf(newest.roundId) : undefined) ?? instruments.current;
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
    const chosen = scored.value.filter((round) => roundIds.includes(round.roundId));
    const newest = chosen[chosen.length - 1];
    const shownIn = (newest ? instrumentOf(newest.roundId) : undefined) ?? instrument.value;
    return shownIn ? compareRounds(shownIn, chosen) : undefined;
  }

  const noAnswers: ReadonlyMap<string, Answer> = new Map();
  const noReflections: ReadonlyMap<string, GoalReflection> = new Map();

  /** One round's answers by item id (own items included) and reflections by goal, read-only. */
  function answersOf(roundId: string): ReadonlyMap<string, Answer> {
    return lookups.value.get(roundId)?.answers ?? noAnswers;
  }

  function reflectionsOf(roundId: string): ReadonlyMap<string, GoalReflection> {
    return lookups.value.get(roundId)?.reflections ?? noReflections;
  }

  /** The round's path profile, read with the rules of the instrument version it was answered with. */
  function profileOf(roundId: string): PathProfile | undefined {
    const round = scoredRound(roundId);
    const used = instrumentOf(roundId);
    return centre.value && round && used ? roundPathProfile(centre.value, round.scores, used) : undefined;
  }

  function roundOf(roundId: string): Round | undefined {
    return roundsById.value.get(roundId);
  }

  return { centre, instrument, instrumentOf, loading, rounds, scored, scoredRound, previousOf, compare, profileOf, answersOf, reflectionsOf, roundOf };
}
