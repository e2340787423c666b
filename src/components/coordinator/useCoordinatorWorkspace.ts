import './coordinator.css';
import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { centreStyles } from '@/domain/centreStyles';
import { compareCentreNames, listPeriods, newestPeriod, scoreCentre, withCompareOptions, type ScoredCentre } from '@/domain/exchange/centres';
import { useSlicedMap } from '@/composables/useSlicedMap';
import { useI18n } from '@/i18n';
import { useInstrumentStore } from '@/stores/instrument';
import { useWorkspaceStore } from '@/stores/workspace';

/**
 * What every page of the coordinator's workspace shares: the scored centres, the chosen period and
 * whether rounds in progress count, and one colour and marker per centre. The choices live in the URL,
 * so the comparison, the goal reading and the presentation show the same thing and can be bookmarked.
 */
export function useCoordinatorWorkspace() {
  const { t } = useI18n();
  const route = useRoute();
  const router = useRouter();
  const workspace = useWorkspaceStore();
  const instruments = useInstrumentStore();
  void instruments.load();

  /** Centres are compared in the instrument new rounds use here; other versions line up by goal id. */
  const instrument = computed(() => instruments.current);
  const goals = computed(() => instrument.value?.goals ?? []);
  /**
   * Every file scored once, a slice at a time (200 centres' files in one go were a long task of most
   * of a second), and kept per stored file: a new or removed file scores no other centre again.
   */
  const scoredFiles = useSlicedMap(
    () => (instrument.value && !workspace.loading ? workspace.entries : undefined),
    (entry) => `${entry.id}|${entry.importedAt}|${entry.fileName}|${entry.file.exportedAt}`,
    (entry) => scoreCentre(entry, instruments.all),
    { depends: () => instruments.all },
  );
  const loading = computed(() => scoredFiles.value === undefined);

  function queryText(name: string): string | undefined {
    const value = route.query[name];
    return typeof value === 'string' ? value : undefined;
  }

  function setQuery(name: string, value: string | undefined): void {
    const query = { ...route.query };
    if (value === undefined) delete query[name];
    else query[name] = value;
    void router.replace({ query });
  }

  const includeInProgress = computed<boolean>({
    get: () => queryText('pending') === '1',
    set: (value) => setQuery('pending', value ? '1' : undefined),
  });

  /** The toggle and the period only pick from this. */
  const all = computed<ScoredCentre[]>(() => [...(scoredFiles.value ?? [])].sort(compareCentreNames));
  const scored = computed<ScoredCentre[]>(() =>
    includeInProgress.value ? all.value.map((centre) => withCompareOptions(centre, { includeInProgress: true })) : all.value,
  );
  const periods = computed(() => listPeriods(scored.value));
  /** From every centre of the workspace, so a centre keeps its colour whichever are shown. */
  const styles = computed(() => centreStyles(all.value.map((centre) => centre.centreId)));

  const period = computed<string>({
    get() {
      const chosen = queryText('period');
      if (chosen !== undefined && periods.value.some((option) => option.period === chosen)) return chosen;
      return newestPeriod(periods.value) ?? '';
    },
    set(value) {
      setQuery('period', value);
    },
  });
  const periodLabel = (value: string): string => value || t('coordinator.compare.noPeriod');

  /** The files themselves, by centre id, for what the scores leave out (reflections, actions, notes). */
  const files = computed(() => new Map(workspace.entries.map((entry) => [entry.file.centre.id, entry.file])));

  return { workspace, instruments, instrument, goals, loading, queryText, setQuery, includeInProgress, all, scored, periods, styles, period, periodLabel, files };
}
