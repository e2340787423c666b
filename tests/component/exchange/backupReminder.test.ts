import { describe, expect, it } from 'vitest';
import { backupReminder, REMIND_AFTER_DAYS } from '@/components/exchange/backupReminder';
import type { Round } from '@/domain/types';
import { makeRound } from '../../fixtures/records';

/** When the centre view reminds the group to export a backup. */

const NOW = new Date('2026-05-15T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

function round(overrides: Partial<Round>): Round {
  return makeRound('centre-1', { createdAt: daysAgo(90), updatedAt: daysAgo(90), ...overrides });
}

const inProgress = (updatedDaysAgo: number) => round({ status: 'in-progress', updatedAt: daysAgo(updatedDaysAgo) });
const completed = (completedDaysAgo: number) => round({ status: 'complete', completedAt: daysAgo(completedDaysAgo), updatedAt: daysAgo(completedDaysAgo) });

describe('backupReminder', () => {
  it('says nothing while there are no rounds, exported or not', () => {
    expect(backupReminder([], undefined, NOW)).toBeUndefined();
    expect(backupReminder([], daysAgo(400), NOW)).toBeUndefined();
  });

  it('reminds that the answers were never exported', () => {
    expect(backupReminder([inProgress(1)], undefined, NOW)).toBe('reminderNever');
    expect(backupReminder([completed(1)], undefined, NOW)).toBe('reminderNever');
    expect(backupReminder([inProgress(1)], '', NOW)).toBe('reminderNever');
  });

  it('does not claim unexported answers when no statement is answered yet', () => {
    expect(backupReminder([inProgress(1)], undefined, NOW, false)).toBeUndefined();
    expect(backupReminder([inProgress(1)], undefined, NOW, true)).toBe('reminderNever');
    // Once exported, the other reminders do not depend on it.
    expect(backupReminder([completed(2)], daysAgo(3), NOW, false)).toBe('reminderCompleted');
  });

  it('reminds when a round was completed after the last export', () => {
    expect(backupReminder([completed(2)], daysAgo(3), NOW)).toBe('reminderCompleted');
    // Even a recent export, and before the 30 days are up.
    expect(backupReminder([inProgress(10), completed(0.01)], daysAgo(0.02), NOW)).toBe('reminderCompleted');
  });

  it('does not remind about a round completed before the last export', () => {
    expect(backupReminder([completed(5)], daysAgo(4), NOW)).toBeUndefined();
  });

  it('does not take a completion time left on a round that was reopened', () => {
    const reopened = round({ status: 'in-progress', completedAt: daysAgo(1), updatedAt: daysAgo(20) });
    expect(backupReminder([reopened], daysAgo(10), NOW)).toBeUndefined();
  });

  it(`reminds when the last export is over ${String(REMIND_AFTER_DAYS)} days old and something changed since`, () => {
    expect(backupReminder([inProgress(3)], daysAgo(REMIND_AFTER_DAYS + 1), NOW)).toBe('reminderOld');
    expect(backupReminder([inProgress(100), inProgress(31)], daysAgo(40), NOW)).toBe('reminderOld');
  });

  it(`says nothing when the export is over ${String(REMIND_AFTER_DAYS)} days old but nothing changed since`, () => {
    expect(backupReminder([inProgress(45), completed(60)], daysAgo(40), NOW)).toBeUndefined();
  });

  it(`says nothing after a recent export, changed or not, up to exactly ${String(REMIND_AFTER_DAYS)} days`, () => {
    expect(backupReminder([inProgress(1)], daysAgo(2), NOW)).toBeUndefined();
    expect(backupReminder([inProgress(0)], daysAgo(REMIND_AFTER_DAYS), NOW)).toBeUndefined();
    expect(backupReminder([inProgress(0)], daysAgo(REMIND_AFTER_DAYS + 0.001), NOW)).toBe('reminderOld');
  });

  it('puts a completed round before the age of the export', () => {
    expect(backupReminder([completed(1)], daysAgo(60), NOW)).toBe('reminderCompleted');
  });
});
