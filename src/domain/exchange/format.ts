import { safeFileName } from '../fileName';
import { findInstrument, instrumentKey, roundInstrumentRef } from '../instruments';
import type { ActionItem, Answer, Centre, GoalReflection, IndividualRating, Instrument, LocalItem, Round } from '../types';
import type { HandIn } from '../cycle/handIn';
import type { ProjectPlan } from '../cycle/projectPlan';
import type { YearlyReport } from '../cycle/yearlyReport';

/**
 * The export file: one centre with its rounds, answers and reflections, as stored (UUIDs and
 * `updatedAt` kept) so that files from several devices can be merged. Records are flat arrays that
 * reference each other by id. Published as JSON Schema in public/schema/ and described in the README.
 */
export const EXPORT_FORMAT = 'familjecentral-export';
/**
 * 2 added action plans (`actions`) and individual ratings (`ratings`); 3 added the group's own items
 * (`localItems`) and the full text of network instruments (`instrumentDefinitions`); 4 added the
 * cycle's documents (`handIns`, `projectPlans`, `yearlyReports`), an action's `statusHistory`, and
 * the file's `audience` with `ratingSpread`. Older files are upgraded on import.
 */
export const EXPORT_FORMAT_VERSION = 4;

/**
 * Who the file is for. A backup carries everything the group entered; a file for the coordinator
 * carries roles instead of names and only the spread of the individual ratings (see coordinator.ts).
 */
export const EXPORT_AUDIENCES = ['backup', 'coordinator'] as const;
export type ExportAudience = (typeof EXPORT_AUDIENCES)[number];

/** A rating value as a key of a spread: a scale step ("1".."n"), "dont-know" or "not-relevant". */
export type SpreadKey = string;

/** How many participants gave each value to one statement in one round; nobody is named or numbered. */
export interface RatingSpread {
  roundId: string;
  itemId: string;
  counts: Record<SpreadKey, number>;
}

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  formatVersion: typeof EXPORT_FORMAT_VERSION;
  exportedAt: string;
  app: { name: string; version: string };
  /** The instrument versions the rounds were answered with. */
  instruments: { id: string; version: string }[];
  centre: ExportedCentre;
  rounds: ExportedRound[];
  answers: ExportedAnswer[];
  reflections: ExportedReflection[];
  actions: ExportedAction[];
  ratings: IndividualRating[];
  /** The centre's own items under the common goals; their answers are in `answers` under the item's id. */
  localItems: LocalItem[];
  /**
   * The instruments the rounds used that did not ship with the app (a network's own), in full, so
   * that a device which never loaded them can still read, validate and compare the rounds.
   */
  instrumentDefinitions: Instrument[];
  audience: ExportAudience;
  /** Only in a coordinator's file (empty in a backup, which has `ratings` instead). */
  ratingSpread: RatingSpread[];
  /** Sealed documents as handed in, with their hash; an import checks each hash against its document. */
  handIns: HandIn[];
  projectPlans: ProjectPlan[];
  yearlyReports: YearlyReport[];
}

export type ExportedCentre = Omit<Centre, 'deletedAt'>;
export type ExportedRound = Omit<Round, 'deletedAt'>;
export type ExportedAnswer = Answer;
export type ExportedReflection = GoalReflection;
/** Since format 4 with its status history; an older file's actions get one from their status on upgrade. */
export type ExportedAction = ActionItem;

export const APP_NAME = 'familjecentral-sjalvvardering';

/** Files above this are refused before they are parsed (a real export of years of rounds is a few MB). */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

export interface ExportSource {
  centre: Centre;
  rounds: readonly Round[];
  answers: readonly Answer[];
  reflections: readonly GoalReflection[];
  actions: readonly ExportedAction[];
  ratings: readonly IndividualRating[];
  localItems: readonly LocalItem[];
  /** Instruments the device holds besides the shipped one; those the exported rounds use go in the file. */
  networkInstruments: readonly Instrument[];
  handIns: readonly HandIn[];
  projectPlans: readonly ProjectPlan[];
  yearlyReports: readonly YearlyReport[];
}

function withoutDeleted<T extends { deletedAt?: string }>(record: T): Omit<T, 'deletedAt'> {
  const { deletedAt: _deleted, ...rest } = record;
  return rest;
}

/** Builds the file for a centre, optionally only some of its rounds; soft-deleted rounds never leave. */
export function buildExport(source: ExportSource, appVersion: string, exportedAt: string, roundIds?: readonly string[]): ExportFile {
  const rounds = source.rounds
    .filter((round) => !round.deletedAt && round.centreId === source.centre.id)
    .filter((round) => roundIds === undefined || roundIds.includes(round.id))
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const ids = new Set(rounds.map((round) => round.id));
  const instruments = new Map(rounds.map((round) => [instrumentKey(roundInstrumentRef(round)), roundInstrumentRef(round)]));
  const definitions = [...instruments.values()]
    .map((ref) => findInstrument(source.networkInstruments, ref))
    .filter((instrument): instrument is Instrument => instrument !== undefined);
  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt,
    app: { name: APP_NAME, version: appVersion },
    instruments: [...instruments.values()].map((ref) => ({ id: ref.id, version: ref.version })),
    centre: withoutDeleted(source.centre),
    rounds: rounds.map((round) => withoutDeleted(round)),
    answers: source.answers.filter((answer) => ids.has(answer.roundId)).sort((a, b) => a.roundId.localeCompare(b.roundId) || a.itemId.localeCompare(b.itemId)),
    reflections: source.reflections
      .filter((reflection) => ids.has(reflection.roundId))
      .sort((a, b) => a.roundId.localeCompare(b.roundId) || a.goalId.localeCompare(b.goalId)),
    actions: source.actions
      .filter((action) => ids.has(action.roundId))
      .map((action): ExportedAction => ({ ...action, statusHistory: [...action.statusHistory] }))
      .sort((a, b) => a.roundId.localeCompare(b.roundId) || a.goalId.localeCompare(b.goalId) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)),
    ratings: source.ratings
      .filter((rating) => ids.has(rating.roundId))
      .sort((a, b) => a.roundId.localeCompare(b.roundId) || a.itemId.localeCompare(b.itemId) || a.participantId.localeCompare(b.participantId)),
    localItems: source.localItems
      .filter((item) => item.centreId === source.centre.id)
      .sort((a, b) => a.goalId.localeCompare(b.goalId) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)),
    instrumentDefinitions: definitions,
    audience: 'backup',
    ratingSpread: [],
    // Every document travels, whichever rounds are chosen: a hand-in is the centre's, not a round's.
    handIns: source.handIns
      .filter((handIn) => handIn.centreId === source.centre.id)
      .sort((a, b) => a.sealedAt.localeCompare(b.sealedAt) || a.sequence - b.sequence || a.id.localeCompare(b.id)),
    projectPlans: source.projectPlans.filter((plan) => plan.centreId === source.centre.id).sort((a, b) => a.year - b.year || a.id.localeCompare(b.id)),
    yearlyReports: source.yearlyReports.filter((report) => report.centreId === source.centre.id).sort((a, b) => a.year - b.year || a.id.localeCompare(b.id)),
  };
}

/** "Familjecentralen Fittja – VT 2026 – 2026-05-15.json": centre, period(s) and date, safe on every OS (safeFileName). */
export function exportFileName(file: Pick<ExportFile, 'centre' | 'rounds' | 'exportedAt'>, extension = 'json', suffix = ''): string {
  const periods = [...new Set(file.rounds.map((round) => round.period).filter(Boolean))];
  const period = periods.length === 0 ? '' : periods.length === 1 ? (periods[0] ?? '') : `${periods[0] ?? ''}–${periods[periods.length - 1] ?? ''}`;
  const parts = [file.centre.name || 'familjecentral', period, file.exportedAt.slice(0, 10), suffix].filter(Boolean);
  return safeFileName(parts.join(' – '), extension);
}
