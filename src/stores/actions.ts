import { acceptHMRUpdate, defineStore } from 'pinia';
import { computed, toValue, type MaybeRefOrGetter } from 'vue';
import { actionRepository } from '@/db/actions';
import { settingRepository } from '@/db/settings';
import {
  actionsByGoal,
  carryForward as carryCopies,
  createAction,
  openActionsOf,
  updateAction,
  withStatus,
  type ActionInput,
} from '@/domain/actions';
import { reviewSettingKey } from '@/domain/settingKeys';
import type { ActionItem, ActionStatus, Round } from '@/domain/types';
import { useLiveQuery } from '@/composables/useLiveQuery';
import { useQuestionnaireStore } from './questionnaire';
import { createRoundBeforeCache } from './roundBefore';
import { useSaveStatusStore } from './saveStatus';
import { useUndoStore } from './undo';

export interface ActionReviewState {
  /** The round before the open one, whose open actions are offered. */
  readonly previous: Round | undefined;
  readonly open: readonly ActionItem[];
  /** The group has finished the review for the open round. */
  readonly dismissed: boolean;
}

export { reviewSettingKey };

/** The action plans of the round being answered (the questionnaire's round), live from the database. */
export const useActionsStore = defineStore('actions', () => {
  const questionnaire = useQuestionnaireStore();
  const roundId = computed(() => questionnaire.roundId);
  const centreId = computed(() => questionnaire.round?.centreId);

  const listQuery = useLiveQuery(async (id) => (id ? actionRepository.listActions(id) : []), roundId);
  const roundBeforeOf = createRoundBeforeCache();

  const reviewQuery = useLiveQuery(
    async ([centre, round]): Promise<ActionReviewState | undefined> => {
      if (!centre || !round) return undefined;
      const [previous, all, setting] = await Promise.all([
        roundBeforeOf(centre, round).then((state) => state.previous),
        actionRepository.listCentreActions(centre),
        settingRepository.getSetting(reviewSettingKey(round)),
      ]);
      return { previous, open: openActionsOf(all, previous, round), dismissed: setting === 'done' };
    },
    () => [centreId.value, roundId.value] as const,
  );

  const actions = computed<readonly ActionItem[]>(() => listQuery.data.value ?? []);
  const byGoal = computed(() => actionsByGoal(actions.value));
  const loaded = computed(() => !listQuery.loading.value);
  const review = computed(() => reviewQuery.data.value);

  /** Any round's actions, live, for the caller's scope (the written check-in of a round not open here). */
  function watchRoundActions(roundId: MaybeRefOrGetter<string>) {
    return useLiveQuery(async (id) => actionRepository.listActions(id), () => toValue(roundId));
  }

  /** All of a centre's actions, live, for the caller's scope (a presentation's start and end slides). */
  function watchCentreActions(centre: MaybeRefOrGetter<string>) {
    return useLiveQuery((id) => actionRepository.listCentreActions(id), () => toValue(centre));
  }

  function forGoal(goalId: string): readonly ActionItem[] {
    return byGoal.value.get(goalId) ?? [];
  }

  async function add(goalId: string, input: ActionInput): Promise<ActionItem | undefined> {
    const round = roundId.value;
    const centre = centreId.value;
    if (!round || !centre) return undefined;
    const action = createAction(input, centre, round, goalId);
    await useSaveStatusStore().track(() => actionRepository.putAction(action));
    return action;
  }

  async function update(action: ActionItem, input: ActionInput): Promise<void> {
    const next = updateAction(action, input, undefined, roundId.value ?? action.roundId);
    await useSaveStatusStore().track(() => actionRepository.putAction(next));
  }

  /**
   * Also used on the previous round's action during the review (for example to mark it done): the
   * change is recorded as made in the open round, so the earlier round's hand-in keeps its status.
   */
  async function setStatus(action: ActionItem, status: ActionStatus): Promise<void> {
    const next = withStatus(action, status, undefined, roundId.value ?? action.roundId);
    await useSaveStatusStore().track(() => actionRepository.putAction(next));
  }

  /** Deletes at once and offers undo, which puts the action back as it was. */
  async function remove(action: ActionItem): Promise<void> {
    const save = useSaveStatusStore();
    await save.track(() => actionRepository.deleteAction(action.id));
    useUndoStore().offer({ key: 'actions.deleted', params: { what: action.what } }, () => save.track(() => actionRepository.putAction(action)));
  }

  /** Copies the actions into the open round; returns the copies. */
  async function carryForward(originals: readonly ActionItem[]): Promise<ActionItem[]> {
    const round = roundId.value;
    if (!round || originals.length === 0) return [];
    const copies = carryCopies(originals, round);
    await useSaveStatusStore().track(() => actionRepository.addActions(copies));
    return copies;
  }

  async function dismissReview(): Promise<void> {
    const round = roundId.value;
    if (!round) return;
    await useSaveStatusStore().track(() => settingRepository.setSetting(reviewSettingKey(round), 'done'));
  }

  return { roundId, actions, byGoal, loaded, review, forGoal, add, update, setStatus, remove, carryForward, dismissReview, watchRoundActions, watchCentreActions };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useActionsStore, import.meta.hot));
