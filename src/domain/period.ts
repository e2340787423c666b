import { isCalendarDate } from './timestamps';

/**
 * Swedish working years are split in terms: VT (vårtermin, January–June) and HT (hösttermin,
 * July–December). Check-ins are due by 15 May and 15 October, one per term.
 */
export function periodForDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-\d{2}/.exec(isoDate);
  if (!match) return '';
  const year = match[1] ?? '';
  const month = Number(match[2]);
  if (month < 1 || month > 12) return '';
  return `${month <= 6 ? 'VT' : 'HT'} ${year}`;
}

/** Today's date as YYYY-MM-DD in local time (not UTC: a meeting at 00:30 belongs to that day). */
export function todayIsoDate(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/**
 * A date the app accepts anywhere (forms and files alike): a real calendar date in 2000–2100, so
 * that a date typed in a form never makes the centre's own export unreadable.
 */
export function isIsoDate(value: string): boolean {
  return isCalendarDate(value);
}
