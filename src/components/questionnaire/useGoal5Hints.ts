import { computed, watch } from 'vue';
import { checkInPunctuality } from '@/domain/cycle/deadlines';
import { goal5Hints, type Goal5Hint } from '@/domain/goal5Hints';
import { useI18n } from '@/i18n';
import { useActionsStore } from '@/stores/actions';
import { useHandInsStore } from '@/stores/handIns';
import { useLocalItemsStore } from '@/stores/localItems';
import { useQuestionnaireStore } from '@/stores/questionnaire';

/** The goal-5 facts the app holds, in words, by statement id. */
export function useGoal5Hints() {
  const { t } = useI18n();
  const questionnaire = useQuestionnaireStore();
  const actions = useActionsStore();
  const localItems = useLocalItemsStore();
  const handIns = useHandInsStore();
  // The centre's hand-ins are read only for this hint; the store is opened for the round's centre.
  watch(
    () => questionnaire.round?.centreId,
    (centreId) => {
      if (centreId && handIns.centreId !== centreId) handIns.open(centreId);
    },
    { immediate: true },
  );

  const hints = computed(() => {
    const round = questionnaire.round;
    if (!round) return new Map<string, Goal5Hint>();
    const review = actions.review;
    return goal5Hints({
      roundDate: round.date,
      roundsThisYear: questionnaire.roundsThisYear,
      actions: actions.actions,
      review: review?.previous ? { stillOpen: review.open.length, done: review.dismissed } : undefined,
      localGoals: localItems.items.filter((item) => !item.retired).length,
      checkIns:
        handIns.loaded && handIns.centreId === round.centreId
          ? checkInPunctuality(Number(round.date.slice(0, 4)), handIns.handIns, handIns.now, handIns.deadlines)
          : undefined,
    });
  });

  function words(hint: Goal5Hint): string {
    switch (hint.kind) {
      case 'roundsThisYear':
        return t('path.hintRoundsThisYear', { year: hint.year, count: hint.count });
      case 'actionPlan':
        return t('path.hintActionPlan', { count: hint.count });
      case 'followedUp':
        return hint.reviewDone ? t('path.hintFollowedUpDone') : t('path.hintFollowedUp', { count: hint.stillOpen });
      case 'localGoals':
        return t('path.hintLocalGoals', { count: hint.count });
      case 'onTime':
        return hint.onTime === hint.due
          ? t('path.hintOnTime', { year: String(hint.year), onTime: hint.onTime, due: hint.due })
          : t('path.hintOnTimeLate', { year: String(hint.year), onTime: hint.onTime, due: hint.due, late: hint.late, missing: hint.missing });
    }
  }

  return (itemId: string): string | undefined => {
    const hint = hints.value.get(itemId);
    return hint ? words(hint) : undefined;
  };
}
