import type { DocumentInstrument } from '@/domain/cycle/document';
import type { CheckInFigures } from '@/domain/cycle/checkIn';
import type { ActionStatus, AnswerValue } from '@/domain/types';
import { useI18n, type MessageKey } from '@/i18n';

/**
 * How the documents word what they hold. Documents carry their own scale labels and titles (they
 * must read the same on a device without the instrument), so answers are worded from the document.
 */
export function useDocumentText() {
  const { t, text, score, percent } = useI18n();

  function answerText(answer: AnswerValue | null, scale: DocumentInstrument['scale']): string {
    if (answer === 'dont-know') return t('report.dontKnow');
    if (answer === 'not-relevant') return t('report.notRelevant');
    if (answer === null) return t('report.unanswered');
    const level = scale.find((l) => l.value === answer);
    return level ? t('report.rating', { value: level.value, label: text(level.label) }) : String(answer);
  }

  /** "3 av 7 (43 %)", or a dash when nothing applies. */
  function coverageText(figures: Pick<CheckInFigures, 'coverage' | 'rated' | 'applicable'>): string {
    if (figures.coverage === null) return '–';
    return t('results.coverageValue', { rated: figures.rated, applicable: figures.applicable, percent: percent(figures.coverage) });
  }

  const statusText = (status: ActionStatus): string => t(`actions.statuses.${status}`);

  function stageText(stage: number): string {
    if (stage === 0) return t('documents.stageBefore');
    return t('documents.stageStep', { stage, name: t(`stage.name${String(stage)}` as MessageKey) });
  }

  const roleText = (role: string): string => role || t('documents.roleUnspecified');

  return { answerText, coverageText, statusText, stageText, roleText, score };
}
