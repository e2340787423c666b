import type { CentreCsvLabels } from '@/domain/exchange/centres';
import type { Instrument } from '@/domain/types';
import type { MessageKey, useI18n } from '@/i18n';

type Translate = ReturnType<typeof useI18n>['t'];

/** The coordinator CSV's headers and step words in the language shown: every one from its own message. */
export function centreCsvLabels(t: Translate, instrument: Instrument): CentreCsvLabels {
  return {
    centre: t('coordinator.csv.centre'),
    municipality: t('coordinator.csv.municipality'),
    district: t('coordinator.csv.district'),
    period: t('coordinator.csv.period'),
    round: t('coordinator.csv.round'),
    date: t('coordinator.csv.date'),
    goals: instrument.goals.map((goal) => t('coordinator.csv.goal', { number: goal.number })),
    overall: t('coordinator.csv.overall'),
    change: t('coordinator.csv.change'),
    rated: t('coordinator.csv.rated'),
    applicable: t('coordinator.csv.applicable'),
    coverage: t('coordinator.csv.coverage'),
    steps: [1, 2, 3, 4].map((step) => t('path.csvStep', { step, name: t(`stage.name${String(step)}` as MessageKey) })),
    stepStatus: { taken: t('path.csvTaken'), onTheWay: t('path.csvOnTheWay'), notYet: t('path.csvNotYet'), notAssessed: t('path.csvNotAssessed') },
    fileName: t('coordinator.csv.fileName'),
    exportedAt: t('coordinator.csv.exportedAt'),
    appVersion: t('coordinator.csv.appVersion'),
    inProgress: t('coordinator.csv.inProgress'),
  };
}
