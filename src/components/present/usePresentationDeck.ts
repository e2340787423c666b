import { computed, ref } from 'vue';
import { useRoute } from 'vue-router';
import { useResultCharts } from '@/components/results/useResultCharts';
import { useCentreResults } from '@/composables/useCentreResults';
import { useMeetingActions } from '@/composables/useMeetingActions';
import { radarGaps } from '@/domain/charts';
import { meetingSlides, type MeetingSlide } from '@/domain/meeting';
import { useI18n } from '@/i18n';

/**
 * Everything a group's presentation shows, for the slide itself, the projector window and the
 * presenter's notes alike: the compared rounds (`?rounds=`, default the two newest), the newest
 * hidden while `?hidden=1`, the charts, the slides in order and the actions the meeting opens and
 * closes with.
 */
export function usePresentationDeck(centreId: () => string) {
  const { t, text, score, change } = useI18n();
  const route = useRoute();
  const results = useCentreResults(centreId);

  const roundIds = computed(() => {
    const query = typeof route.query.rounds === 'string' ? route.query.rounds.split(',').filter(Boolean) : [];
    return query.length ? query : results.scored.value.slice(-2).map((round) => round.roundId);
  });
  const full = computed(() => results.compare(roundIds.value));
  const newest = computed(() => full.value?.rounds[full.value.rounds.length - 1]);
  const previous = computed(() => full.value?.rounds[full.value.rounds.length - 2]);
  const hidden = computed(() => route.query.hidden === '1' && (full.value?.rounds.length ?? 0) > 0);
  /** While hidden, the charts show the earlier rounds only, so the group can guess first. */
  const shown = computed(() =>
    hidden.value && newest.value ? results.compare(roundIds.value.filter((id) => id !== newest.value?.roundId)) : full.value,
  );
  const charts = useResultCharts(shown, results.instrument, ref(true));
  const fullLabels = useResultCharts(full, results.instrument, ref(true)).labels;
  const newestLabel = computed(() => fullLabels.value[fullLabels.value.length - 1] ?? '');
  const previousLabel = computed(() => fullLabels.value[fullLabels.value.length - 2]);

  const goals = computed(() => results.instrument.value?.goals ?? []);
  const slides = computed<MeetingSlide[]>(() => meetingSlides(goals.value.length));
  const total = computed(() => slides.value.length);
  const actions = useMeetingActions(centreId, () => previous.value?.roundId, () => newest.value?.roundId);
  const goalOf = (goalId: string) => goals.value.find((goal) => goal.id === goalId);

  const radar = computed(() => charts.request('radar'));
  const trend = computed(() => charts.request('line'));
  /** Why a goal has no point on the radar, said in words beside it. */
  const radarNotes = computed(() => {
    const comparison = shown.value;
    if (!comparison) return [];
    return radarGaps(comparison).map((gap) =>
      t(gap.reason === 'notRelevant' ? 'meeting.gapNotRelevant' : 'meeting.gapUnrated', {
        goal: charts.goalLabels.value[gap.goalIndex] ?? '',
        round: charts.labels.value[gap.roundIndex] ?? '',
      }),
    );
  });
  /** "1 Inte påbörjat · 2 Påbörjat …": the projected radar's ticks are numbers only. */
  const scaleLegend = computed(() =>
    (results.instrument.value?.scale.levels ?? []).map((level) => `${String(level.value)} ${text(level.label)}`).join(' · '),
  );

  function titleOf(slide: MeetingSlide | undefined): string {
    switch (slide?.kind) {
      case 'start':
        return t('meeting.startTitle');
      case 'overview':
        return t('present.overview');
      case 'goal': {
        const goal = goals.value[slide.goalIndex];
        return goal ? `${t('results.goalShort', { number: goal.number })}: ${text(goal.title)}` : '';
      }
      case 'trend':
        return t('present.trend');
      case 'end':
        return t('meeting.endTitle');
      default:
        return '';
    }
  }

  /** The goal's reflections, newest round first: what the presenter has beside the slide. */
  function reflectionsOf(goalIndex: number): { round: string; note: string }[] {
    const rounds = full.value?.rounds ?? [];
    return rounds
      .map((round, index) => ({ round: fullLabels.value[index] ?? round.title, note: round.scores.goals[goalIndex]?.note.trim() ?? '' }))
      .filter((entry) => entry.note !== '')
      .reverse();
  }

  return {
    results,
    roundIds,
    full,
    newest,
    previous,
    hidden,
    charts,
    fullLabels,
    newestLabel,
    previousLabel,
    goals,
    goalOf,
    slides,
    total,
    actions,
    radar,
    trend,
    radarNotes,
    scaleLegend,
    titleOf,
    reflectionsOf,
    score,
    change,
  };
}

export type PresentationDeck = ReturnType<typeof usePresentationDeck>;
