import { computed } from 'vue';
import { goal5Hints, type Goal5Hint } from '@/domain/goal5Hints';
import { useI18n } from '@/i18n';
import { useActionsStore } from '@/stores/actions';
import { useLocalItemsStore } from '@/stores/localItems';
import { useQuestionnaireStore } from '@/stores/questionnaire';

/** The goal-5 facts the app holds, in words, by statement id. */
export function useGoal5Hints() {
  const { t } = useI18n();
  const questionnaire = useQuestionnaireStore();
  const actions = useActionsStore();
  const localItems = useLocalItemsStore();

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
    }
  }

  return (itemId: string): string | undefined => {
    const hint = hints.value.get(itemId);
    return hint ? words(hint) : undefined;
  };
}
