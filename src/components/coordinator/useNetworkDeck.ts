import { computed } from 'vue';
import type { ChartRequest } from '@/components/charts/chartConfig';
import { centreRadarData, centreRows, NAME_SORT, sortCentreRows } from '@/domain/exchange/centres';
import { readGoalAcrossCentres, type GoalReadingCentre } from '@/domain/exchange/goalAcross';
import { networkSlides, type NetworkSlide } from '@/domain/meeting';
import { useI18n } from '@/i18n';
import { MAX_CHART_CENTRES, useCentreCharts } from './useCentreCharts';
import { useCoordinatorWorkspace } from './useCoordinatorWorkspace';
import { useInProgressNames } from './useInProgressNames';

/**
 * Everything the network meeting shows, for the slide, the projector's window and the presenter's
 * notes alike: the centres of the chosen period in name order (never a league table), the overview
 * radar and each goal with the centres side by side, a few to a slide so that they read from the
 * back row. `?hidden=1` hides the means so that the network talks before it looks at numbers.
 */
export function useNetworkDeck() {
  const { t, text, score } = useI18n();
  const workspace = useCoordinatorWorkspace();
  const { instrument, goals, scored, period, periods, styles, files, periodLabel, queryText } = workspace;

  const rows = computed(() => sortCentreRows(centreRows(scored.value, period.value, periods.value), NAME_SORT));
  const withRound = computed(() => rows.value.filter((row) => row.round !== null));
  // A round in progress (shown only when the coordinator chose so) says so in the chart's legend and summary.
  const markInProgress = useInProgressNames();
  const charted = computed(() => markInProgress(withRound.value));
  const slides = computed<NetworkSlide[]>(() => networkSlides(goals.value.length, withRound.value.length));
  const total = computed(() => slides.value.length);
  const hidden = computed(() => queryText('hidden') === '1');
  const kicker = computed(() => t('coordinator.network.presentTitle', { period: periodLabel(period.value) }));

  /** Each goal read across the centres once, not once per slide. */
  const readings = computed(() => goals.value.map((goal) => readGoalAcrossCentres(withRound.value, files.value, goal)));

  function slideAt(n: number): NetworkSlide | undefined {
    return slides.value[n - 1];
  }

  /** The centres a goal slide shows: its part of the name order. */
  function centresOn(slide: NetworkSlide | undefined): readonly GoalReadingCentre[] {
    return slide?.kind === 'goal' ? (readings.value[slide.goalIndex] ?? []).slice(slide.from, slide.to) : [];
  }

  function titleOf(slide: NetworkSlide | undefined): string {
    if (slide?.kind === 'overview') return t('coordinator.network.overview');
    const goal = slide?.kind === 'goal' ? goals.value[slide.goalIndex] : undefined;
    if (!slide || slide.kind !== 'goal' || !goal) return '';
    const title = t('coordinator.network.goalSlide', { number: goal.number, title: text(goal.title) });
    return slide.pages > 1 ? t('coordinator.network.goalSlidePart', { title, page: slide.page, pages: slide.pages }) : title;
  }

  /** What a centre's card says as its score: the mean, "not relevant", or "?" while hidden. */
  function scoreText(centre: GoalReadingCentre, revealed = false): string {
    if (hidden.value && !revealed) return '?';
    if (centre.round?.notRelevant || centre.round?.score?.skipped) return t('results.notRelevant');
    return score(centre.round?.score?.mean);
  }

  const charts = useCentreCharts(instrument);
  const radar = computed<ChartRequest | undefined>(() => {
    const base = charts.common.value;
    const current = instrument.value;
    if (!base || !current || charted.value.length === 0) return undefined;
    const shown = charted.value.slice(0, MAX_CHART_CENTRES);
    return { ...base, large: true, kind: 'radar', data: centreRadarData(shown, current, charts.goalLabels.value, styles.value) };
  });
  /** Each centre's overall mean in words; `revealed` for the presenter, who sees it while the room does not. */
  function overviewLines(revealed = false): string[] {
    return charted.value.map((row) =>
      t('coordinator.charts.summaryOverall', { name: row.name, score: hidden.value && !revealed ? '?' : score(row.round?.scores.overall) }),
    );
  }

  /** "1 Inte påbörjat · 2 Påbörjat …": the projected radar's ticks are numbers only. */
  const scaleLegend = computed(() => (instrument.value?.scale.levels ?? []).map((level) => `${String(level.value)} ${text(level.label)}`).join(' · '));

  return { workspace, rows, withRound, slides, total, hidden, kicker, radar, scaleLegend, slideAt, centresOn, titleOf, scoreText, overviewLines };
}

export type NetworkDeck = ReturnType<typeof useNetworkDeck>;
