import * as v from 'valibot';
import { issuePath } from '../issuePath';
import { isIsoDate } from '../period';
import type { LocalizedText } from '../types';

/**
 * The network's yearly cycle as data (seed 002): a local project plan by 1 April, a written check-in
 * by 15 May and by 15 October, and the yearly report with next year's plan by 31 October. A network
 * may set other dates or add deadlines, so nothing below assumes these four.
 *
 * Every date here is a calendar day in Sweden: a hand-in sealed at 23:30 on 15 May in Stockholm is
 * on time, though it is already 16 May in some places and still 15 May in UTC only until 22:00 or
 * 23:00. So timestamps are turned into Stockholm days with `localDay`, never with the machine's zone.
 */

export const DEADLINE_KINDS = ['project-plan', 'check-in', 'yearly-report'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface Deadline {
  /** Stable: hand-ins name the deadline they answer by this id. */
  readonly id: string;
  readonly kind: DeadlineKind;
  /** MM-DD, the last day on which a hand-in is on time. */
  readonly monthDay: string;
  readonly title: LocalizedText;
}

export const DEFAULT_DEADLINES: readonly Deadline[] = [
  { id: 'project-plan', kind: 'project-plan', monthDay: '04-01', title: { sv: 'Lokal projektplan', en: 'Local project plan' } },
  { id: 'check-in-spring', kind: 'check-in', monthDay: '05-15', title: { sv: 'Skriftlig avstämning, våren', en: 'Written check-in, spring' } },
  { id: 'check-in-autumn', kind: 'check-in', monthDay: '10-15', title: { sv: 'Skriftlig avstämning, hösten', en: 'Written check-in, autumn' } },
  { id: 'yearly-report', kind: 'yearly-report', monthDay: '10-31', title: { sv: 'Årsredovisning och plan för nästa år', en: 'Yearly report and plan for next year' } },
];

/** Within this many days of its date a deadline is "due soon". */
export const DUE_SOON_DAYS = 14;

export const CYCLE_TIME_ZONE = 'Europe/Stockholm';

/** What deadline status needs to know of a hand-in. */
export interface HandInRef {
  readonly id: string;
  readonly deadlineId: string;
  readonly year: number;
  readonly sealedAt: string;
  readonly sequence: number;
  readonly roundId?: string;
}

export type DeadlineState = 'upcoming' | 'due-soon' | 'late' | 'on-time' | 'handed-in-late';

export interface DeadlineStatus {
  readonly deadline: Deadline;
  readonly year: number;
  /** YYYY-MM-DD */
  readonly due: string;
  readonly state: DeadlineState;
  /** Days from today to the due date: negative once it has passed. */
  readonly daysLeft: number;
  /** The first hand-in for this deadline (the one that decides on time or late), if any. */
  readonly first?: HandInRef;
  /** The newest hand-in, which the coordinator reads. */
  readonly latest?: HandInRef;
  readonly handIns: number;
  /** The round behind the newest hand-in has changed since it was sealed. */
  readonly changedAfterHandIn: boolean;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar day (YYYY-MM-DD) in Stockholm of an ISO timestamp, whatever zone the device is set to. */
export function localDay(timestamp: string, timeZone: string = CYCLE_TIME_ZONE): string {
  const instant = new Date(timestamp);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`localDay: not a timestamp: ${timestamp}`);
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A calendar day given as such, or the Stockholm day of a timestamp. */
export function calendarDay(dayOrTimestamp: string): string {
  return isIsoDate(dayOrTimestamp) ? dayOrTimestamp : localDay(dayOrTimestamp);
}

function dayNumber(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) / 86_400_000;
}

export function daysBetween(from: string, to: string): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

export function dueDate(deadline: Deadline, year: number): string {
  return `${String(year).padStart(4, '0')}-${deadline.monthDay}`;
}

function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

function byDueDate(a: Deadline, b: Deadline): number {
  return a.monthDay.localeCompare(b.monthDay) || a.id.localeCompare(b.id);
}

export interface DeadlineInYear {
  readonly deadline: Deadline;
  readonly year: number;
  readonly due: string;
}

/**
 * The check-in a round held on this date prepares for: the first check-in deadline on or after the
 * date, this year or else the first of next year (a round in November prepares for the spring).
 */
export function suggestDeadline(roundDate: string, deadlines: readonly Deadline[] = DEFAULT_DEADLINES): DeadlineInYear | undefined {
  const day = calendarDay(roundDate);
  const checkIns = deadlines.filter((d) => d.kind === 'check-in').sort(byDueDate);
  const year = yearOf(day);
  const thisYear = checkIns.find((d) => dueDate(d, year) >= day);
  if (thisYear) return { deadline: thisYear, year, due: dueDate(thisYear, year) };
  const first = checkIns[0];
  return first ? { deadline: first, year: year + 1, due: dueDate(first, year + 1) } : undefined;
}

function handInsFor(handIns: readonly HandInRef[], deadlineId: string, year: number): HandInRef[] {
  return handIns
    .filter((h) => h.deadlineId === deadlineId && h.year === year)
    .sort((a, b) => a.sequence - b.sequence || a.sealedAt.localeCompare(b.sealedAt));
}

/**
 * Where one deadline of one year stands on `today` (a day, or a timestamp read as a Stockholm day).
 * Handed in: on time when the first hand-in was sealed on or before the due day, else late; a later
 * hand-in (a correction) does not make an on-time one late. Not handed in: late after the due day,
 * due soon within DUE_SOON_DAYS, upcoming before that. `changedRounds` names the rounds changed
 * since their newest hand-in (see changedAfterHandIn), so the table can say "changed after hand-in".
 */
export function deadlineStatus(
  deadline: Deadline,
  year: number,
  handIns: readonly HandInRef[],
  today: string,
  changedRounds: ReadonlySet<string> = new Set(),
): DeadlineStatus {
  const due = dueDate(deadline, year);
  const day = calendarDay(today);
  const daysLeft = daysBetween(day, due);
  const mine = handInsFor(handIns, deadline.id, year);
  const first = mine[0];
  const latest = mine[mine.length - 1];
  let state: DeadlineState;
  if (first) state = localDay(first.sealedAt) <= due ? 'on-time' : 'handed-in-late';
  else if (daysLeft < 0) state = 'late';
  else if (daysLeft <= DUE_SOON_DAYS) state = 'due-soon';
  else state = 'upcoming';
  const changedAfterHandIn = latest?.roundId !== undefined && changedRounds.has(latest.roundId);
  return {
    deadline,
    year,
    due,
    state,
    daysLeft,
    ...(first ? { first } : {}),
    ...(latest ? { latest } : {}),
    handIns: mine.length,
    changedAfterHandIn,
  };
}

/** Every deadline of a centre's year, in date order. */
export function cycleStatus(
  year: number,
  handIns: readonly HandInRef[],
  today: string,
  deadlines: readonly Deadline[] = DEFAULT_DEADLINES,
  changedRounds: ReadonlySet<string> = new Set(),
): DeadlineStatus[] {
  return [...deadlines].sort(byDueDate).map((deadline) => deadlineStatus(deadline, year, handIns, today, changedRounds));
}

/** How a year's written check-ins went: those whose due day has passed or that are handed in. */
export interface CheckInPunctuality {
  readonly year: number;
  /** Check-in deadlines of the year that count: due day passed, or handed in already. */
  readonly due: number;
  readonly onTime: number;
  readonly late: number;
  /** Due day passed without a hand-in. */
  readonly missing: number;
}

/**
 * Goal 5 asks whether the check-ins are handed in by 15 May and 15 October: this is the app's fact for
 * it, read with the same rule as the deadline table (the first hand-in decides on time or late). A
 * deadline still ahead and not handed in does not count either way.
 */
export function checkInPunctuality(
  year: number,
  handIns: readonly HandInRef[],
  today: string,
  deadlines: readonly Deadline[] = DEFAULT_DEADLINES,
): CheckInPunctuality {
  const statuses = cycleStatus(year, handIns, today, deadlines).filter((status) => status.deadline.kind === 'check-in');
  const count = (state: DeadlineState) => statuses.filter((status) => status.state === state).length;
  const onTime = count('on-time');
  const late = count('handed-in-late');
  const missing = count('late');
  return { year, due: onTime + late + missing, onTime, late, missing };
}

/**
 * The next deadline on or after today that has no hand-in yet, this year or next. Late ones are not
 * "next": cycleStatus reports them.
 */
export function nextDue(
  today: string,
  handIns: readonly HandInRef[] = [],
  deadlines: readonly Deadline[] = DEFAULT_DEADLINES,
): DeadlineInYear | undefined {
  const day = calendarDay(today);
  const year = yearOf(day);
  const ordered = [...deadlines].sort(byDueDate);
  for (const y of [year, year + 1]) {
    for (const deadline of ordered) {
      const due = dueDate(deadline, y);
      if (due >= day && handInsFor(handIns, deadline.id, y).length === 0) return { deadline, year: y, due };
    }
  }
  return undefined;
}

export function findDeadline(deadlineId: string, deadlines: readonly Deadline[] = DEFAULT_DEADLINES): Deadline | undefined {
  return deadlines.find((d) => d.id === deadlineId);
}

const text = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(300));

/** A network's own deadlines, as it may load them: ids unique, each a real day of the year. */
export const DeadlinesSchema = v.pipe(
  v.array(
    v.strictObject({
      id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'id')),
      kind: v.picklist(DEADLINE_KINDS),
      // 2024 is a leap year, so 29 February is accepted as a day that exists.
      monthDay: v.pipe(v.string(), v.check((value) => /^\d{2}-\d{2}$/.test(value) && isIsoDate(`2024-${value}`), 'date')),
      title: v.strictObject({ sv: text, en: text }),
    }),
  ),
  v.minLength(1),
  v.check((deadlines) => new Set(deadlines.map((d) => d.id)).size === deadlines.length, 'a deadline id appears only once'),
);

export function checkDeadlines(data: unknown): { ok: true; deadlines: Deadline[] } | { ok: false; paths: string[] } {
  const result = v.safeParse(DeadlinesSchema, data);
  if (result.success) return { ok: true, deadlines: result.output };
  return { ok: false, paths: result.issues.map((issue) => issuePath(issue.path)) };
}
