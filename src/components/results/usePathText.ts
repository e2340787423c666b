import type { EvidenceResult, EvidenceStatus, PathProfile, StepStatus } from '@/domain/path';
import { pathRulesOf } from '@/domain/path';
import type { Instrument } from '@/domain/types';
import { useI18n, type MessageKey } from '@/i18n';

export const STEP_STATUS_KEY: Record<StepStatus, MessageKey> = {
  taken: 'stage.statusTaken',
  onTheWay: 'stage.statusOnTheWay',
  notYet: 'stage.statusNotYet',
  notAssessed: 'stage.statusNotAssessed',
};

const EVIDENCE_STATUS_KEY: Record<EvidenceStatus, MessageKey> = {
  met: 'stage.evidenceMet',
  partly: 'stage.evidencePartly',
  notMet: 'stage.evidenceNotMet',
  notAssessed: 'stage.evidenceNotAssessed',
};

/** The path profile in words, shared by the results card, the printed report and the coordinator's table. */
export function usePathText(instrument: () => Instrument) {
  const { t, text, number, score } = useI18n();

  const stageName = (stage: number): string => t(`stage.name${String(stage)}` as MessageKey);
  const stepStatus = (status: StepStatus): string => t(STEP_STATUS_KEY[status]);
  const evidenceStatus = (status: EvidenceStatus): string => t(EVIDENCE_STATUS_KEY[status]);

  function goalLabel(goalId: string): string {
    const goal = instrument().goals.find((g) => g.id === goalId);
    return goal ? `${t('results.goalShort', { number: goal.number })} (${text(goal.title)})` : goalId;
  }

  function statementText(itemId: string): string {
    const item = instrument().goals.flatMap((g) => g.items).find((i) => i.id === itemId);
    return item ? text(item.statement) : itemId;
  }

  const services = (list: readonly string[]): string => list.map((service) => t(`centre.serviceShort.${service}` as MessageKey)).join(', ');
  const places = (list: readonly string[]): string => list.map((option) => t(`centre.coLocationOption.${option}` as MessageKey)).join(t('stage.or'));

  function describe(evidence: EvidenceResult): string {
    switch (evidence.kind) {
      case 'services':
        return t('stage.evidenceServices', { services: services(evidence.services) }) + (evidence.missing.length > 0 ? t('stage.evidenceMissing', { services: services(evidence.missing) }) : '');
      case 'placement':
        return t('stage.evidencePlacement', { actual: t(`centre.coLocationOption.${evidence.actual}`), taken: places(evidence.taken) });
      case 'statements': {
        const goal = goalLabel(evidence.goalId);
        if (evidence.notAssessedBecause === 'goalNotRelevant') return t('stage.evidenceGoalNotRelevant', { goal });
        if (evidence.notAssessedBecause === 'noneRated') return t('stage.evidenceNoneRated', { goal });
        // Two decimals: 2,96 must not read as "3,0" beside a threshold of 3 that is not met.
        return t('stage.evidenceStatements', { goal, count: evidence.items.length, score: evidence.mean === null ? score(null) : number(evidence.mean, 2) });
      }
    }
  }

  const itemValue = (value: number | null): string => (value === null ? score(null) : String(value));

  function thresholds(): string {
    const { taken, onTheWay } = pathRulesOf(instrument()).thresholds;
    return t('stage.thresholds', { taken: number(taken.level, 1), onTheWay: number(onTheWay.level, 1) });
  }

  const rulesVersion = (profile: PathProfile): string =>
    t('stage.rulesVersion', { version: profile.rulesVersion, instrument: `${text(instrument().title)} ${instrument().version}` });

  return { stageName, stepStatus, evidenceStatus, describe, statementText, itemValue, thresholds, rulesVersion, text };
}
