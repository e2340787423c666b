import type { CheckInFigures } from '@/domain/cycle/checkIn';
import type { ActionStatus } from '@/domain/types';
import { useAnswerText } from '@/components/common/useAnswerText';
import { useI18n, type MessageKey } from '@/i18n';

/**
 * How the documents word what they hold. Documents carry their own scale labels and titles (they
 * must read the same on a device without the instrument), so answers are worded from the document.
 */
export function useDocumentText() {
  const { t, score, percent } = useI18n();
  const answerText = useAnswerText();

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
