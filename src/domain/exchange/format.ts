import { findInstrument, instrumentKey, roundInstrumentRef } from '../instruments';
import type { ActionItem, Answer, Centre, GoalReflection, IndividualRating, Instrument, LocalItem, Round } from '../types';

/**
 * The export file: one centre with its rounds, answers and reflections, as stored (UUIDs and
 * `updatedAt` kept) so that files from several devices can be merged. Records are flat arrays that
 * reference each other by id. Published as JSON Schema in public/schema/ and described in the README.
 */
export const EXPORT_FORMAT = 'familjecentral-export';
/**
 * 2 added action plans (`actions`) and individual ratings (`ratings`); 3 added the group's own items
 * (`localItems`) and the full text of network instruments (`instrumentDefinitions`). Older files
 * are upgraded on import.
 */
export const EXPORT_FORMAT_VERSION = 3;

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
}

export type ExportedCentre = Omit<Centre, 'deletedAt'>;
export type ExportedRound = Omit<Round, 'deletedAt'>;
export type ExportedAnswer = Answer;
export type ExportedReflection = GoalReflection;
/**
 * Format 3 has no place for an action's status history (the device keeps it since schema v7): the
 * file carries the status as it is, and an import records that status into the device's history.
 */
export type ExportedAction = Omit<ActionItem, 'statusHistory'>;

export const APP_NAME = 'familjecentral-sjalvvardering';

/** Files above this are refused before they are parsed (a real export of years of rounds is a few MB). */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

export interface ExportSource {
  centre: Centre;
  rounds: readonly Round[];
  answers: readonly Answer[];
  reflections: readonly GoalReflection[];
  /** Stored actions carry their history; the file does not (see ExportedAction). */
  actions: readonly (ExportedAction & { readonly statusHistory?: unknown })[];
  ratings: readonly IndividualRating[];
  localItems: readonly LocalItem[];
  /** Instruments the device holds besides the shipped one; those the exported rounds use go in the file. */
  networkInstruments: readonly Instrument[];
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
      .map(({ statusHistory: _history, ...action }): ExportedAction => action)
      .sort((a, b) => a.roundId.localeCompare(b.roundId) || a.goalId.localeCompare(b.goalId) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)),
    ratings: source.ratings
      .filter((rating) => ids.has(rating.roundId))
      .sort((a, b) => a.roundId.localeCompare(b.roundId) || a.itemId.localeCompare(b.itemId) || a.participantId.localeCompare(b.participantId)),
    localItems: source.localItems
      .filter((item) => item.centreId === source.centre.id)
      .sort((a, b) => a.goalId.localeCompare(b.goalId) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)),
    instrumentDefinitions: definitions,
  };
}

/** "Familjecentralen Fittja – VT 2026 – 2026-05-15.json": centre, period(s) and date, safe on every OS. */
export function exportFileName(file: Pick<ExportFile, 'centre' | 'rounds' | 'exportedAt'>, extension = 'json', suffix = ''): string {
  const periods = [...new Set(file.rounds.map((round) => round.period).filter(Boolean))];
  const period = periods.length === 0 ? '' : periods.length === 1 ? (periods[0] ?? '') : `${periods[0] ?? ''}–${periods[periods.length - 1] ?? ''}`;
  const parts = [file.centre.name || 'familjecentral', period, file.exportedAt.slice(0, 10), suffix].filter(Boolean);
  const safe = parts.join(' – ').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').replace(/\s+/g, ' ').trim();
  // Cut by characters, not UTF-16 units, so an emoji is never split in half.
  return `${Array.from(safe).slice(0, 150).join('').trim()}.${extension}`;
}
