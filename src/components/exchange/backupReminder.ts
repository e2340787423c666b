import type { Round } from '@/domain/types';

export const REMIND_AFTER_DAYS = 30;

export type BackupReminder = 'reminderNever' | 'reminderCompleted' | 'reminderOld';

/**
 * When to remind the group to export: answers that were never exported, a round completed after the
 * last export, or 30 days since it. Nothing to remind about while there are no rounds, and the
 * "never exported answers" reminder only once a statement is answered (it would not be true before).
 */
export function backupReminder(rounds: readonly Round[], lastExportAt: string | undefined, now: Date, hasAnswers = true): BackupReminder | undefined {
  if (rounds.length === 0) return undefined;
  if (!lastExportAt) return hasAnswers ? 'reminderNever' : undefined;
  if (rounds.some((round) => round.status === 'complete' && (round.completedAt ?? '') > lastExportAt)) return 'reminderCompleted';
  const age = now.getTime() - new Date(lastExportAt).getTime();
  const changedSince = rounds.some((round) => round.updatedAt > lastExportAt);
  return changedSince && age > REMIND_AFTER_DAYS * 24 * 60 * 60 * 1000 ? 'reminderOld' : undefined;
}
