import { acceptHMRUpdate, defineStore } from 'pinia';
import { computed } from 'vue';
import { useLiveQuery } from '@/composables/useLiveQuery';
import { cycleDocumentRepository } from '@/db/cycleDocuments';
import type { ItemTarget } from '@/domain/cycle/targets';
import { useQuestionnaireStore } from './questionnaire';

/**
 * The project plan's targets for the open round (the plan of the round's centre and year), so a
 * statement card can show the level the group aims for. Read only; the plan is written in its editor.
 */
export const usePlanTargetsStore = defineStore('planTargets', () => {
  const questionnaire = useQuestionnaireStore();
  const source = computed(() => {
    const round = questionnaire.round;
    return round ? ([round.centreId, Number(round.date.slice(0, 4))] as const) : undefined;
  });
  const planQuery = useLiveQuery(async (key) => (key ? cycleDocumentRepository.getProjectPlan(key[0], key[1]) : undefined), source);

  /** The plan's targets by statement; when two sub-goals read the same statement, the higher level. */
  const byItem = computed<ReadonlyMap<string, ItemTarget>>(() => {
    const map = new Map<string, ItemTarget>();
    const plan = planQuery.data.value;
    // Only the goals in focus: a goal taken out of focus keeps its sub-goals in the draft, not in the plan.
    for (const target of (plan?.targets ?? []).filter((t) => plan?.goalsInFocus.includes(t.goalId))) {
      const seen = map.get(target.itemId);
      if (!seen || seen.level < target.level) map.set(target.itemId, target);
    }
    return map;
  });

  function levelOf(itemId: string): number | undefined {
    return byItem.value.get(itemId)?.level;
  }

  return { byItem, levelOf };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(usePlanTargetsStore, import.meta.hot));
