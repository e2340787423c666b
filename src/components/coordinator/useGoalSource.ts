import { computed, type Ref } from 'vue';
import { findDeadline } from '@/domain/cycle/deadlines';
import type { ExportFile } from '@/domain/exchange/format';
import { handInChoices, LATEST_KEY, readGoalFromHandIns, type CentreHandIns, type HandInChoice } from '@/domain/exchange/goalHandIns';
import type { GoalReadingCentre } from '@/domain/exchange/goalAcross';
import { useI18n } from '@/i18n';

/** Reading the rounds of a period, as before there were hand-ins. */
export const ROUNDS_KEY = 'rounds';

/**
 * Where the goal reading comes from (`?from=`): the newest hand-in of every centre (the default once
 * any centre has handed in), the hand-ins for one deadline, or the rounds of the chosen period.
 */
export function useGoalSource(files: Ref<ReadonlyMap<string, ExportFile>>, chosen: Ref<string | undefined>) {
  const { t, text } = useI18n();
  const centres = computed<CentreHandIns[]>(() => [...files.value.values()].map((file) => ({ centreId: file.centre.id, name: file.centre.name, handIns: file.handIns })));
  const hasHandIns = computed(() => centres.value.some((centre) => centre.handIns.some((h) => h.kind === 'check-in')));
  const choices = computed(() => (hasHandIns.value ? handInChoices(centres.value) : []));

  const options = computed(() => [
    ...choices.value.map((option) => ({
      key: option.key,
      label:
        option.choice.kind === 'latest'
          ? t('coordinatorCycle.sourceLatest', { count: option.centres })
          : t('coordinatorCycle.sourceDeadline', { deadline: option.deadline ? text(option.deadline.title) : '', year: String(option.choice.year), count: option.centres }),
    })),
    { key: ROUNDS_KEY, label: t('coordinatorCycle.sourceRounds') },
  ]);

  const key = computed(() => {
    const value = chosen.value;
    if (value !== undefined && options.value.some((option) => option.key === value)) return value;
    return hasHandIns.value ? LATEST_KEY : ROUNDS_KEY;
  });
  const choice = computed<HandInChoice | undefined>(() => choices.value.find((option) => option.key === key.value)?.choice);

  function read(goalId: string): GoalReadingCentre[] {
    return choice.value ? readGoalFromHandIns(centres.value, goalId, choice.value) : [];
  }

  function deadlineName(deadlineId: string): string {
    const deadline = findDeadline(deadlineId);
    return deadline ? text(deadline.title) : deadlineId;
  }

  return { options, key, choice, read, deadlineName };
}
