import type { ExportedAction } from '../exchange/format';
import type { ActionItem } from '../types';
import { historyOf, recordStatus, type ActionHistory } from './actionHistory';

/**
 * An imported action with a status history (export format 3 carries none): the device's own
 * history with the file's status recorded as set in the action's round at its last save, or for an
 * action new to the device that status from its last save, as the v7 upgrade does.
 */
export function withImportedHistory(action: ExportedAction, stored: ActionHistory | undefined): ActionItem {
  const statusHistory = stored && stored.length > 0 ? recordStatus(stored, { status: action.status, at: action.updatedAt, roundId: action.roundId }) : [...historyOf(action)];
  return { ...action, statusHistory };
}
