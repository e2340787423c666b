import type { FieldReason } from '@/domain/fieldReason';
import type { MessageKey } from '@/i18n';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const TYPE_WORDS = new Set(['string', 'number', 'boolean', 'Array', 'Object', 'null', 'undefined']);

/**
 * The validator names types in JavaScript's words ("string", "Object"); the user gets them in theirs.
 * Quoted values from the file ("3") are left as they are.
 */
function typeWords(t: Translate, text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"|[A-Za-z]+/g, (token) =>
    TYPE_WORDS.has(token) ? t(`importProblems.types.${token}` as MessageKey) : token,
  );
}

/** Why a field of a file is invalid, in the user's language: shared by the export import and the instrument loader. */
export function fieldReasonText(t: Translate, reason: FieldReason | undefined): string {
  if (!reason) return '';
  switch (reason.kind) {
    case 'type':
      return t('import.problem.reason.type', { expected: typeWords(t, reason.expected), received: typeWords(t, reason.received) });
    case 'notAllowed':
      return t('import.problem.reason.notAllowed', { received: reason.received });
    case 'tooLong':
      return t('import.problem.reason.tooLong', { max: reason.max });
    case 'tooMany':
      return t('import.problem.reason.tooMany', { max: reason.max });
    case 'empty':
      return t('import.problem.reason.empty');
    case 'unknownField':
      return t('import.problem.reason.unknownField');
    case 'missing':
      return t('importProblems.missing');
    case 'format':
      return t(`import.problem.reason.format.${reason.format}`);
  }
}
