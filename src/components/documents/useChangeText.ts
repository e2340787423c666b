import type { DocumentChange } from '@/domain/cycle/changes';
import type { HandInDocument } from '@/domain/cycle/handIn';
import { STEP_STATUS_KEY } from '@/components/results/usePathText';
import { useI18n, type MessageKey } from '@/i18n';
import { useDocumentText } from './useDocumentText';

/** One line per change, in the reader's language, with goals and statements named as the document numbers them. */
export function useChangeText(document: () => HandInDocument) {
  const { t, text, date } = useI18n();
  const { answerText, statusText } = useDocumentText();

  function goalNumber(goalId: string): string {
    const doc = document();
    const goals = doc.kind === 'yearly-report' ? [...doc.goals, ...doc.nextYear.goalsInFocus] : doc.goals;
    const found = goals.find((g) => g.goalId === goalId);
    return found ? String(found.number) : goalId;
  }

  function itemLabel(goalId: string, itemId: string, own: boolean): string {
    const doc = document();
    if (doc.kind !== 'check-in') return itemId;
    const goal = doc.goals.find((g) => g.goalId === goalId);
    const list = own ? goal?.ownStatements : goal?.items;
    const index = list?.findIndex((item) => item.itemId === itemId) ?? -1;
    const entry = list?.[index];
    if (own) return t('documents.changes.own', { text: entry ? text(entry.statement) : itemId });
    return t('documents.changes.item', { number: index < 0 ? itemId : `${goalNumber(goalId)}.${String(index + 1)}` });
  }

  function scale() {
    const doc = document();
    return doc.kind === 'yearly-report' ? [] : doc.instrument.scale;
  }

  function describe(change: DocumentChange): string {
    switch (change.kind) {
      case 'answer':
        return t('documents.changes.answer', {
          goal: goalNumber(change.goalId),
          item: itemLabel(change.goalId, change.itemId, change.own),
          from: answerText(change.from, scale()),
          to: answerText(change.to, scale()),
        });
      case 'note':
        return t('documents.changes.note', { goal: goalNumber(change.goalId), item: itemLabel(change.goalId, change.itemId, change.own) });
      case 'reflection':
        return t('documents.changes.reflection', { goal: goalNumber(change.goalId) });
      case 'goal-skipped':
        return t(change.to ? 'documents.changes.skippedOn' : 'documents.changes.skippedOff', { goal: goalNumber(change.goalId) });
      case 'action-added':
        return t('documents.changes.actionAdded', { goal: goalNumber(change.goalId), what: change.what });
      case 'action-removed':
        return t('documents.changes.actionRemoved', { goal: goalNumber(change.goalId), what: change.what });
      case 'action-status':
        return t('documents.changes.actionStatus', { goal: goalNumber(change.goalId), what: change.what, from: statusText(change.from), to: statusText(change.to) });
      case 'action-edited':
        return t('documents.changes.actionEdited', { goal: goalNumber(change.goalId), what: change.what });
      case 'stage':
        return t('documents.changes.stage', { from: change.from, to: change.to });
      case 'path-step':
        return t('path.docStepChange', { step: change.step, from: t(STEP_STATUS_KEY[change.from]), to: t(STEP_STATUS_KEY[change.to]) });
      case 'participants':
        return t('documents.changes.participants');
      case 'round': {
        const show = (value: string) => (change.field === 'date' && value ? date(value) : value);
        return t('documents.changes.round', { field: t(`documents.changes.roundFields.${change.field}`), from: show(change.from), to: show(change.to) });
      }
      case 'focus-added':
        return t('documents.changes.focusAdded', { goal: goalNumber(change.goalId) });
      case 'focus-removed':
        return t('documents.changes.focusRemoved', { goal: goalNumber(change.goalId) });
      case 'target': {
        const key = { added: 'targetAdded', removed: 'targetRemoved', edited: 'targetEdited' }[change.change];
        return t(`documents.changes.${key}` as MessageKey, { goal: goalNumber(change.goalId) });
      }
      case 'text': {
        const known = ['summary', 'goalNote', 'costs', 'achieved', 'plannedActions'].includes(change.field) ? change.field : 'other';
        return t(`documents.changes.text.${known}` as MessageKey, { goal: change.goalId === undefined ? '' : goalNumber(change.goalId) });
      }
    }
  }

  return { describe };
}
