import type { AnswerValue, LocalizedText } from '@/domain/types';
import { useI18n, type MessageKey } from '@/i18n';

/**
 * One wording of an answer for every table that shows one (the printed report, a sealed check-in,
 * a goal across centres): "3 – Delvis etablerat", "Vet inte", "Inte aktuellt" or unanswered. The
 * scale is the caller's, since a document carries its own labels.
 */
export function useAnswerText() {
  const { t, text } = useI18n();
  return function answerText(
    answer: AnswerValue | null | undefined,
    scale: readonly { readonly value: number; readonly label: LocalizedText }[],
    unanswered: MessageKey = 'report.unanswered',
  ): string {
    if (answer === 'dont-know') return t('report.dontKnow');
    if (answer === 'not-relevant') return t('report.notRelevant');
    if (answer === null || answer === undefined) return t(unanswered);
    const level = scale.find((candidate) => candidate.value === answer);
    return level ? t('report.rating', { value: level.value, label: text(level.label) }) : String(answer);
  };
}
