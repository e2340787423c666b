import { roundBefore } from '../actions';
import { changedAfterHandIn } from '../cycle/changes';
import { buildCheckIn, type CheckInDocument } from '../cycle/checkIn';
import { cycleStatus, DEFAULT_DEADLINES, localDay, type Deadline, type DeadlineStatus } from '../cycle/deadlines';
import { latestHandIn, type HandIn } from '../cycle/handIn';
import { actionsUpToRound } from '../cycle/roundChanges';
import { findInstrument, roundInstrumentRef } from '../instruments';
import { compareRoundsNewestFirst } from '../records';
import type { Instrument } from '../types';
import type { ExportFile } from './format';

/**
 * The cycle as the coordinator sees it across the workspace: for every centre's file, its hand-ins
 * and which handed-in rounds the centre changed afterwards, and from that a table of centres ×
 * deadlines. The status of each cell is the deadlines module's (cycleStatus), not worked out again.
 */

export interface CentreCycle {
  readonly centreId: string;
  readonly name: string;
  readonly handIns: readonly HandIn[];
  /** Rounds whose check-in, as the file's data reads now, differs from their newest hand-in. */
  readonly changedRounds: ReadonlySet<string>;
}

const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

function byName<T extends { readonly name: string; readonly centreId: string }>(a: T, b: T): number {
  return collator.compare(a.name, b.name) || a.centreId.localeCompare(b.centreId);
}

/**
 * A round's check-in as the file's data reads it, built the way the centre's device builds it
 * (src/db/handIns.ts): the round before as "previous", what later rounds did with its actions left
 * out, the plan's targets of the round's year. Read as of the export, since nothing in the file is
 * later. Undefined when the round or its instrument is not in the file or on this device.
 */
export function currentCheckInOfFile(file: ExportFile, roundId: string, instruments: readonly Instrument[]): CheckInDocument | undefined {
  const round = file.rounds.find((r) => r.id === roundId);
  if (!round) return undefined;
  const known = [...file.instrumentDefinitions, ...instruments];
  const instrument = findInstrument(known, roundInstrumentRef(round));
  if (!instrument) return undefined;
  const before = roundBefore(file.rounds, roundId);
  const ordered = [...file.rounds].sort(compareRoundsNewestFirst);
  const later = new Set(ordered.slice(0, Math.max(0, ordered.findIndex((r) => r.id === roundId))).map((r) => r.id));
  const plan = file.projectPlans.find((p) => p.year === Number(round.date.slice(0, 4)));
  let previous: Parameters<typeof buildCheckIn>[0]['previous'];
  if (before) {
    const handedIn = latestHandIn(file.handIns, before.id);
    const prevInstrument = findInstrument(known, roundInstrumentRef(before));
    previous = {
      round: before,
      answers: file.answers.filter((a) => a.roundId === before.id),
      reflections: file.reflections.filter((r) => r.roundId === before.id),
      ...(prevInstrument ? { instrument: prevInstrument } : {}),
      ...(handedIn ? { since: handedIn.sealedAt } : {}),
    };
  }
  return buildCheckIn({
    centre: file.centre,
    round,
    answers: file.answers.filter((a) => a.roundId === roundId),
    reflections: file.reflections.filter((r) => r.roundId === roundId),
    instrument,
    previous,
    actions: actionsUpToRound(file.actions, later),
    localItems: file.localItems,
    ...(plan ? { targets: plan.targets } : {}),
    asOf: file.exportedAt,
  });
}

/** The rounds of a file changed since their newest hand-in ("ändrad efter inlämning"). */
export function changedRoundsOfFile(file: ExportFile, instruments: readonly Instrument[]): Set<string> {
  const changed = new Set<string>();
  const roundIds = new Set(file.handIns.flatMap((h) => (h.roundId !== undefined && h.kind === 'check-in' ? [h.roundId] : [])));
  for (const roundId of roundIds) {
    const last = latestHandIn(file.handIns, roundId);
    if (!last) continue;
    // A round no longer in the file (deleted after hand-in) is a change too; a round whose instrument
    // this device lacks cannot be compared, and is not called changed on a guess.
    if (!file.rounds.some((r) => r.id === roundId)) {
      changed.add(roundId);
      continue;
    }
    const current = currentCheckInOfFile(file, roundId, instruments);
    if (current && changedAfterHandIn(current, last).changed) changed.add(roundId);
  }
  return changed;
}

export function centreCycles(files: readonly ExportFile[], instruments: readonly Instrument[]): CentreCycle[] {
  return files
    .map((file) => ({ centreId: file.centre.id, name: file.centre.name, handIns: file.handIns, changedRounds: changedRoundsOfFile(file, instruments) }))
    .sort(byName);
}

/** The years the table can show, newest first: every year with a hand-in, and this year. */
export function cycleYears(centres: readonly Pick<CentreCycle, 'handIns'>[], today: string): number[] {
  const years = new Set([Number(localDay(today).slice(0, 4)), ...centres.flatMap((c) => c.handIns.map((h) => h.year))]);
  return [...years].sort((a, b) => b - a);
}

/** The year shown first: this year if anything is handed in for it, else the newest year with a hand-in. */
export function defaultCycleYear(centres: readonly Pick<CentreCycle, 'handIns'>[], today: string): number {
  const thisYear = Number(localDay(today).slice(0, 4));
  const withHandIns = [...new Set(centres.flatMap((c) => c.handIns.map((h) => h.year)))].sort((a, b) => b - a);
  return withHandIns.includes(thisYear) || withHandIns.length === 0 ? thisYear : (withHandIns.find((y) => y < thisYear) ?? withHandIns[0] ?? thisYear);
}

export interface DeadlineCell extends DeadlineStatus {
  /** The Stockholm day the first hand-in was sealed (the one that decides on time or late). */
  readonly firstDay: string | null;
  /** The Stockholm day of the newest hand-in, which opens from the cell. */
  readonly latestDay: string | null;
}

export interface DeadlineRow {
  readonly centreId: string;
  readonly name: string;
  readonly cells: readonly DeadlineCell[];
}

export interface DeadlineTable {
  readonly year: number;
  /** In date order: the columns. */
  readonly deadlines: readonly Deadline[];
  /** In name order: no league table. */
  readonly rows: readonly DeadlineRow[];
}

/** Centres × deadlines of a year on `today`: each cell the deadline's status for that centre. */
export function deadlineTable(
  centres: readonly CentreCycle[],
  year: number,
  today: string,
  deadlines: readonly Deadline[] = DEFAULT_DEADLINES,
): DeadlineTable {
  const rows = [...centres].sort(byName).map((centre): DeadlineRow => ({
    centreId: centre.centreId,
    name: centre.name,
    cells: cycleStatus(year, centre.handIns, today, deadlines, centre.changedRounds).map((status) => ({
      ...status,
      firstDay: status.first ? localDay(status.first.sealedAt) : null,
      latestDay: status.latest ? localDay(status.latest.sealedAt) : null,
    })),
  }));
  const columns = rows[0]?.cells.map((cell) => cell.deadline) ?? cycleStatus(year, [], today, deadlines).map((s) => s.deadline);
  return { year, deadlines: columns, rows };
}

/**
 * The hand-ins that answer the same deadline of the same year as this one (a correction is a new
 * hand-in with the next sequence), first first; for a check-in also those of its round.
 */
export function handInsAlike(handIns: readonly HandIn[], handIn: HandIn): HandIn[] {
  return handIns
    .filter((h) => (h.deadlineId === handIn.deadlineId && h.year === handIn.year) || (handIn.roundId !== undefined && h.roundId === handIn.roundId))
    .filter((h) => h.kind === handIn.kind)
    .sort((a, b) => a.sealedAt.localeCompare(b.sealedAt) || a.sequence - b.sequence);
}
