import { acceptHMRUpdate, defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useLiveQuery } from '@/composables/useLiveQuery';
import { actionRepository } from '@/db/actions';
import { answerRepository } from '@/db/answers';
import { localItemRepository } from '@/db/localItems';
import { roundRepository } from '@/db/rounds';
import { cycleDocumentRepository as documents } from '@/db/cycleDocuments';
import { handInRepository } from '@/db/handIns';
import { actionChains, type TrackedAction } from '@/domain/cycle/actionHistory';
import type { ProjectPlanEdit, YearlyReportEdit } from '@/domain/cycle/editing';
import { compareRoundsNewestFirst } from '@/domain/records';
import type { AnswerValue, LocalItem } from '@/domain/types';
import type { ProjectPlan, ProjectPlanDocument } from '@/domain/cycle/projectPlan';
import type { YearlyReport, YearlyReportDocument } from '@/domain/cycle/yearlyReport';
import { useInstrumentStore } from './instrument';
import { useSaveStatusStore, type TrackOptions } from './saveStatus';

/**
 * The project plan and yearly report of one centre and year while the group writes them: the
 * stored drafts, and each as the document it would hand in now (the preview), both live. Every
 * edit is written at once through the save status, like an answer in the questionnaire.
 */
export const useCycleDocumentsStore = defineStore('cycleDocuments', () => {
  const instruments = useInstrumentStore();
  const centreId = ref<string>();
  const year = ref<number>();
  const key = () => [centreId.value, year.value, instruments.shipped, instruments.current] as const;

  const planQuery = useLiveQuery(async ([id, y]) => (id && y ? documents.getProjectPlan(id, y) : undefined), key);
  const reportQuery = useLiveQuery(async ([id, y]) => (id && y ? documents.getYearlyReport(id, y) : undefined), key);
  const planDocumentQuery = useLiveQuery(
    async ([id, y, shipped, current]) => (id && y && shipped ? handInRepository.currentProjectPlan(id, y, { shipped: [shipped], current }) : undefined),
    key,
  );
  const reportDocumentQuery = useLiveQuery(
    async ([id, y, shipped, current]) => (id && y && shipped ? handInRepository.currentYearlyReport(id, y, { shipped: [shipped], current }) : undefined),
    key,
  );

  /** What the plan's editor offers: the centre's actions (each chain once, as it stands), its own statements, and the newest answers by item. */
  const contextQuery = useLiveQuery(async ([id, y]) => {
    if (!id || !y) return undefined;
    const [actions, localItems, rounds] = await Promise.all([actionRepository.listCentreActions(id), localItemRepository.listLocalItems(id), roundRepository.listRounds(id)]);
    const latest = rounds.filter((round) => Number(round.date.slice(0, 4)) <= y).sort(compareRoundsNewestFirst)[0];
    const answers = latest ? await answerRepository.listAnswers(latest.id) : [];
    return {
      actions: actionChains(actions).map((chain): TrackedAction => chain.head),
      localItems,
      answers: new Map(answers.map((answer) => [answer.itemId, answer.value])),
    };
  }, key);
  const actions = computed<readonly TrackedAction[]>(() => contextQuery.data.value?.actions ?? []);
  const localItems = computed<readonly LocalItem[]>(() => contextQuery.data.value?.localItems ?? []);
  const latestAnswers = computed<ReadonlyMap<string, AnswerValue | null>>(() => contextQuery.data.value?.answers ?? new Map());

  const plan = computed<ProjectPlan | undefined>(() => planQuery.data.value);
  const report = computed<YearlyReport | undefined>(() => reportQuery.data.value);
  const planDocument = computed<ProjectPlanDocument | undefined>(() => planDocumentQuery.data.value);
  const reportDocument = computed<YearlyReportDocument | undefined>(() => reportDocumentQuery.data.value);
  const loaded = computed(() => instruments.shipped !== undefined && !planQuery.loading.value && !reportQuery.loading.value);

  function open(id: string, ofYear: number): void {
    centreId.value = id;
    year.value = ofYear;
    void instruments.load();
  }

  function scope(): { id: string; y: number } {
    if (!centreId.value || !year.value) throw new Error('cycleDocuments: open a centre and year first');
    return { id: centreId.value, y: year.value };
  }

  async function editPlan(edit: ProjectPlanEdit, base?: string, options: TrackOptions = {}): Promise<void> {
    const { id, y } = scope();
    await useSaveStatusStore().track(() => documents.editProjectPlan(id, y, edit, base), options);
  }

  async function editReport(edit: YearlyReportEdit, base?: string, options: TrackOptions = {}): Promise<void> {
    const { id, y } = scope();
    await useSaveStatusStore().track(() => documents.editYearlyReport(id, y, edit, base), options);
  }

  return { centreId, year, actions, localItems, latestAnswers, plan, report, planDocument, reportDocument, loaded, open, editPlan, editReport };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useCycleDocumentsStore, import.meta.hot));
