import { createRouter, createWebHistory, type RouteLocationNormalized, type RouteRecordRaw } from 'vue-router';
import { loadAllMessages } from '@/i18n';
import CentrePickerView from '@/views/CentrePickerView.vue';
import { loadChartCanvas } from '@/components/charts/loadChartCanvas';
import { pageLoadFailed, recoverFromChunkError } from './chunkRecovery';

/** Only the first screen is in the entry chunk; every other view loads when it is first opened. */
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'centres', component: CentrePickerView },
  { path: '/about', name: 'about', component: () => import('@/views/AboutView.vue') },
  { path: '/accessibility', name: 'accessibility', component: () => import('@/views/AccessibilityView.vue') },
  { path: '/privacy', name: 'privacy', component: () => import('@/views/PrivacyView.vue') },
  { path: '/centres/new', name: 'centre-new', component: () => import('@/views/CentreFormView.vue') },
  {
    path: '/centres/:centreId',
    name: 'centre',
    component: () => import('@/views/CentreView.vue'),
    props: true,
  },
  {
    path: '/centres/:centreId/edit',
    name: 'centre-edit',
    component: () => import('@/views/CentreFormView.vue'),
    props: true,
  },
  {
    path: '/centres/:centreId/rounds/new',
    name: 'round-new',
    component: () => import('@/views/RoundFormView.vue'),
    props: true,
  },
  {
    path: '/centres/:centreId/rounds/:roundId/edit',
    name: 'round-edit',
    component: () => import('@/views/RoundFormView.vue'),
    props: true,
  },
  {
    path: '/centres/:centreId/rounds/:roundId',
    name: 'round',
    component: () => import('@/views/QuestionnaireView.vue'),
    props: true,
  },
  {
    path: '/centres/:centreId/rounds/:roundId/goals/:goalId',
    name: 'goal',
    component: () => import('@/views/QuestionnaireView.vue'),
    props: true,
  },
  {
    path: '/centres/:centreId/rounds/:roundId/goals/:goalId/individual',
    name: 'individual',
    component: () => import('@/views/IndividualRatingView.vue'),
    props: true,
  },
  {
    path: '/centres/:centreId/rounds/:roundId/results',
    name: 'results',
    component: () => import('@/views/RoundResultsView.vue'),
    props: true,
  },
  {
    path: '/centres/:centreId/rounds/:roundId/report',
    name: 'report',
    component: () => import('@/views/RoundReportView.vue'),
    props: true,
  },
  {
    path: '/centres/:centreId/hand-ins/:handInId',
    name: 'hand-in',
    component: () => import('@/views/HandInView.vue'),
    props: true,
  },
  {
    path: '/centres/:centreId/project-plan/:year',
    name: 'project-plan',
    component: () => import('@/views/ProjectPlanView.vue'),
    props: true,
  },
  {
    path: '/centres/:centreId/yearly-report/:year',
    name: 'yearly-report',
    component: () => import('@/views/YearlyReportView.vue'),
    props: true,
  },
  {
    path: '/centres/:centreId/compare',
    name: 'compare',
    component: () => import('@/views/CompareView.vue'),
    props: true,
  },
  {
    path: '/centres/:centreId/present',
    name: 'present',
    component: () => import('@/views/PresentationView.vue'),
    props: true,
    meta: { fullscreen: true },
  },
  { path: '/import', name: 'import', component: () => import('@/views/ImportView.vue') },
  { path: '/coordinator', name: 'coordinator', component: () => import('@/views/CoordinatorView.vue') },
  { path: '/coordinator/goal', name: 'coordinator-goal', component: () => import('@/views/CoordinatorGoalView.vue') },
  {
    path: '/coordinator/centres/:centreId/hand-ins/:handInId',
    name: 'coordinator-hand-in',
    component: () => import('@/views/CoordinatorHandInView.vue'),
    props: true,
  },
  {
    path: '/coordinator/present',
    name: 'coordinator-present',
    component: () => import('@/views/CoordinatorPresentationView.vue'),
    meta: { fullscreen: true },
  },
  { path: '/instruments', name: 'instruments', component: () => import('@/views/InstrumentsView.vue') },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/views/NotFoundView.vue') },
];

/**
 * Starts fetching what the page needs all at once: its view chunk and, on a centre's pages, the
 * built-in instrument. Otherwise the router waited for the texts, then fetched the view, and the view
 * asked for the instrument only once mounted: three round trips one after the other.
 */
function startLoading(to: RouteLocationNormalized): void {
  for (const record of to.matched) {
    for (const component of Object.values(record.components ?? {})) {
      // A lazy view is a loader function; an SFC is an object. Calling the loader again later returns
      // the module the browser already has.
      if (typeof component === 'function') void (component as () => Promise<unknown>)().catch(() => undefined);
    }
  }
  // Both shipped versions: the store lists every built-in version (older rounds keep theirs). Imported
  // here by name, not through '@/instrument', which would pull the validator into the first download.
  if ('centreId' in to.params) {
    void import('@/instrument/default-instrument.json').catch(() => undefined);
    void import('@/instrument/instrument-2.0.0.json').catch(() => undefined);
    // The stores start reading as soon as their code is here, not once the view has mounted: the
    // instruments are checked and the database opened while the rest of the page's code arrives.
    // The view asks the same stores for the same things (shared, not read twice).
    void import('@/stores/instrument').then(({ useInstrumentStore }) => useInstrumentStore().load()).catch(() => undefined);
  }
  // Pages that draw charts fetch Chart.js beside their own chunk; the questionnaire never pays for it.
  if (typeof to.name === 'string' && CHART_ROUTES.has(to.name)) void loadChartCanvas().catch(() => undefined);
}

/** How long a page waits for its data before it shows anyway (with "Laddar…" where data is missing). */
const DATA_WAIT_MS = 400;

/**
 * The questionnaire is shown once its round, answers, instruments and centre (for its name) are read, in one paint, not as
 * "Laddar…" first and its cards a moment later; a slow database holds the page at most DATA_WAIT_MS.
 */
async function loadPageData(to: RouteLocationNormalized): Promise<void> {
  const roundId = to.params.roundId;
  if ((to.name !== 'round' && to.name !== 'goal') || typeof roundId !== 'string') return;
  const reading = Promise.all([import('@/stores/questionnaire'), import('@/stores/instrument'), import('@/stores/centres')]).then(
    ([questionnaire, instruments, centres]) =>
      Promise.all([questionnaire.useQuestionnaireStore().openAndLoad(roundId), instruments.useInstrumentStore().load(), centres.centresLoaded()]),
  );
  await Promise.race([reading.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, DATA_WAIT_MS))]);
}

const CHART_ROUTES: ReadonlySet<string> = new Set(['results', 'report', 'compare', 'present', 'coordinator', 'coordinator-present']);

/** Pages from which the next tap mostly opens a chart view. */
const BEFORE_CHARTS: ReadonlySet<string> = new Set(['centre', 'import', 'instruments']);

/**
 * On a page that leads to the charts, Chart.js is fetched when the browser is idle, so that the
 * first chart view does not wait for it. Never on the questionnaire, whose taps must not share the
 * main thread with parsing it: the returned function cancels a prefetch not yet started when the
 * user moves on.
 */
export function prefetchChartsWhenIdle(name: unknown, idle: (run: () => void) => () => void = whenIdle): () => void {
  if (typeof name !== 'string' || !BEFORE_CHARTS.has(name)) return () => undefined;
  return idle(() => void loadChartCanvas().catch(() => undefined));
}

function whenIdle(run: () => void): () => void {
  if ('requestIdleCallback' in window) {
    const handle = requestIdleCallback(run, { timeout: 5000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(run, 2000);
  return () => clearTimeout(timer);
}

export function createAppRouter() {
  const router = createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes,
    scrollBehavior(to, _from, saved) {
      if (saved) return saved;
      if (to.hash) return { el: to.hash, top: 16 };
      return { top: 0 };
    },
  });
  // Every page but the first needs the rest of the texts; a failed fetch cancels the navigation, and
  // the page is loaded anew at its target (the browser would not fetch that code again otherwise).
  router.beforeEach(async (to) => {
    if (to.name === 'centres') return true;
    startLoading(to);
    try {
      await Promise.all([loadAllMessages(), loadPageData(to)]);
      return true;
    } catch (error) {
      recoverFromChunkError(error, router.resolve(to).href);
      return false;
    }
  });
  // A view's own chunk that failed to load: the same.
  router.onError((error, to) => {
    recoverFromChunkError(error, router.resolve(to).href);
  });
  let cancelPrefetch = (): void => undefined;
  router.afterEach((to, _from, failure) => {
    if (!failure) pageLoadFailed.value = false;
    cancelPrefetch();
    cancelPrefetch = prefetchChartsWhenIdle(to.name);
  });
  return router;
}
