import { acceptHMRUpdate, defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { localItemRepository } from '@/db/localItems';
import { nowIso } from '@/domain/ids';
import {
  createLocalItem,
  localItemCard,
  localItemsForRound,
  MAX_LOCAL_ITEMS_PER_GOAL,
  normalizeLocalItem,
  type LocalItemInput,
} from '@/domain/localItems';
import type { AnswerLookup } from '@/domain/progress';
import type { InstrumentGoal, LocalItem, ScaleLevel } from '@/domain/types';
import { useLiveQuery } from '@/composables/useLiveQuery';
import { useSaveStatusStore } from './saveStatus';

export type LocalItemRemoval = 'deleted' | 'retired' | 'missing';

/**
 * A centre's own statements under the common goals, live from the database. They belong to the
 * centre, so every round of it asks them; their answers are stored like any other answer.
 */
export const useLocalItemsStore = defineStore('localItems', () => {
  const centreId = ref<string>();
  const query = useLiveQuery(async (id) => (id ? localItemRepository.listLocalItems(id) : []), centreId);

  /** Every own item of the centre, retired ones included, oldest first. */
  const items = computed<readonly LocalItem[]>(() => query.data.value ?? []);
  const loaded = computed(() => !query.loading.value);

  function open(id: string): void {
    centreId.value = id;
  }

  /** The own items a round shows under a goal: those in use and retired ones it answered. */
  function forGoal(goalId: string, answers: AnswerLookup): LocalItem[] {
    return localItemsForRound(items.value, goalId, answers);
  }

  /**
   * The goal with the round's own items after its common ones, as the individual ratings see it:
   * each participant rates the own statements too, and the spread is revealed when all are rated.
   */
  function goalWithOwnItems(goal: InstrumentGoal, answers: AnswerLookup, scale: readonly ScaleLevel[]): InstrumentGoal {
    const own = forGoal(goal.id, answers);
    return own.length === 0 ? goal : { ...goal, items: [...goal.items, ...own.map((item) => localItemCard(item, scale))] };
  }

  /** Own items still asked under a goal; at most MAX_LOCAL_ITEMS_PER_GOAL. */
  function activeCount(goalId: string): number {
    return items.value.filter((item) => item.goalId === goalId && !item.retired).length;
  }

  function canAdd(goalId: string): boolean {
    return activeCount(goalId) < MAX_LOCAL_ITEMS_PER_GOAL;
  }

  /** Adds an own item to the open centre; undefined when no centre is open or the goal is full. */
  async function add(goalId: string, input: LocalItemInput, scaleSteps: number): Promise<LocalItem | undefined> {
    const centre = centreId.value;
    if (!centre || !canAdd(goalId)) return undefined;
    const item = createLocalItem(centre, goalId, input, scaleSteps);
    await useSaveStatusStore().track(() => localItemRepository.putLocalItem(item));
    return item;
  }

  async function update(item: LocalItem, input: LocalItemInput, scaleSteps: number): Promise<LocalItem> {
    const normalized = normalizeLocalItem(input, scaleSteps);
    const next: LocalItem = { ...item, text: normalized.text, levels: [...normalized.levels], updatedAt: nowIso() };
    await useSaveStatusStore().track(() => localItemRepository.putLocalItem(next));
    return next;
  }

  /** Whether some round has rated the item or written a note on it (then removing it only retires it). */
  function isAnswered(item: LocalItem): Promise<boolean> {
    return localItemRepository.localItemUsed(item.id);
  }

  /** Deletes an item no round has answered; one that was answered is retired and kept for those rounds. */
  async function remove(item: LocalItem): Promise<LocalItemRemoval> {
    return useSaveStatusStore().track(() => localItemRepository.removeLocalItem(item.id));
  }

  /** Asks a retired item again in coming rounds; false when the goal already has as many as allowed. */
  async function restore(item: LocalItem): Promise<boolean> {
    if (!canAdd(item.goalId)) return false;
    const next: LocalItem = { ...item, retired: false, updatedAt: nowIso() };
    await useSaveStatusStore().track(() => localItemRepository.putLocalItem(next));
    return true;
  }

  return { centreId, items, loaded, open, forGoal, goalWithOwnItems, activeCount, canAdd, add, update, isAnswered, remove, restore };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useLocalItemsStore, import.meta.hot));
