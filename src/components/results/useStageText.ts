import type { StageCriterion, StageResult } from '@/domain/stage';
import type { Instrument } from '@/domain/types';
import { useI18n, type MessageKey } from '@/i18n';

/** The stage and its rules in words, shared by the results card and the printed report. */
export function useStageText(instrument: () => Instrument) {
  const { t, text, score, number } = useI18n();

  const stageName = (stage: number): string => t(`stage.name${String(stage)}` as MessageKey);

  const heading = (result: StageResult): string =>
    result.stage === 0
      ? t('stage.none', { name: t('stage.noneName') })
      : t('stage.current', { stage: result.stage, name: stageName(result.stage) });

  function describe(criterion: StageCriterion): string {
    switch (criterion.kind) {
      case 'services':
        return t('stage.criterionServices', {
          services: criterion.services.map((service) => t(`centre.serviceShort.${service}`)).join(', '),
        });
      case 'goalAtLeast': {
        const goal = instrument().goals.find((g) => g.id === criterion.goalId);
        const label = goal ? `${t('results.goalShort', { number: goal.number })} (${text(goal.title)})` : criterion.goalId;
        // Two decimals here: 2,96 must not read as "3,0" next to a threshold of 3,0 that is not met.
        const current = criterion.score === null ? score(null) : number(criterion.score, 2);
        return t('stage.criterionGoal', { goal: label, level: number(criterion.level, 1), score: current });
      }
      case 'coLocation':
        return t('stage.criterionLocation', {
          accepted: criterion.accepted.map((option) => t(`centre.coLocationOption.${option}`)).join(t('stage.or')),
          actual: t(`centre.coLocationOption.${criterion.actual}`),
        });
    }
  }

  return { stageName, heading, describe };
}
