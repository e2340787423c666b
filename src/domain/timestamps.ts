/**
 * The one rule for every date and time in every file the app reads (exports, instruments) and in
 * every date a form accepts, so that whatever passes can be stored, sorted as text, exported and
 * read back without ever throwing later.
 *
 * - A date is `YYYY-MM-DD`, a real calendar date (no 30 February) in the years 2000–2100.
 * - A timestamp is RFC 3339: `YYYY-MM-DDThh:mm:ss`, optional fractions of a second, then `Z` or an
 *   offset `±hh:mm` with hh 00–23 and mm 00–59 (`T` and `Z` may be lower case, as RFC 3339 allows).
 *   Hour-only (`+05`) and colon-less (`+0500`) offsets are refused rather than guessed at: RFC 3339
 *   does not have them and the app never writes them. Leap seconds (`:60`) are refused, since a
 *   JavaScript date cannot hold one. `-00:00` is read as UTC.
 * - A timestamp is stored normalised to UTC with milliseconds (`2026-05-15T10:00:00.000Z`), and both
 *   the written date and the UTC moment must lie in 2000–2100: the normalised form then always has
 *   a four-digit year, so comparing two stored timestamps as text is comparing the moments.
 */

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC, so no daylight-saving surprises.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function realDate(year: number, month: number, day: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** A plain date `YYYY-MM-DD` that exists in the calendar, in the years 2000–2100. */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  return realDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** The timestamp in UTC with milliseconds, or undefined when it does not follow the rule above. */
export function normalizeTimestamp(value: string): string | undefined {
  const match = TIMESTAMP.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (!realDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  if (match[8] === undefined) {
    const offsetHours = Number(match[10]);
    const offsetMins = Number(match[11]);
    if (offsetHours > 23 || offsetMins > 59) return undefined;
    offsetMinutes = (match[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  // Fractions beyond milliseconds are cut, not rounded, so that a time never moves into the next second.
  const millis = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  const moment = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  const utc = new Date(moment);
  const utcYear = utc.getUTCFullYear();
  if (utcYear < MIN_YEAR || utcYear > MAX_YEAR) return undefined;
  return utc.toISOString();
}

export function isTimestamp(value: string): boolean {
  return normalizeTimestamp(value) !== undefined;
}
