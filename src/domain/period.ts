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
  return `${month <= TERM_END_MONTH ? 'VT' : 'HT'} ${year}`;
}

/** VT ends with June: the last month of the spring term, for periodForDate and termStart alike. */
const TERM_END_MONTH = 6;

/** A period as the app writes it, or typed by hand ("vt2026", "Ht  2025"). */
const PERIOD_PATTERN = /^(VT|HT)\s*(\d{4})$/i;

/** "vt2026" → "VT 2026"; other texts are only trimmed, with inner whitespace collapsed. */
export function normalizePeriod(period: string): string {
  const trimmed = period.trim().replace(/\s+/g, ' ');
  const match = PERIOD_PATTERN.exec(trimmed);
  return match ? `${(match[1] ?? '').toUpperCase()} ${match[2] ?? ''}` : trimmed;
}

/** Sort key of a "VT/HT yyyy" period: the first day of its term (`periodForDate` of it gives the period back); undefined for other texts. */
export function termStart(period: string): string | undefined {
  const match = PERIOD_PATTERN.exec(period.trim());
  if (!match) return undefined;
  const firstMonth = (match[1] ?? '').toUpperCase() === 'VT' ? 1 : TERM_END_MONTH + 1;
  return `${match[2] ?? ''}-${String(firstMonth).padStart(2, '0')}-01`;
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
