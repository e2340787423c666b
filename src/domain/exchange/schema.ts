import * as v from 'valibot';
import { issuePath } from '../issuePath';
import { UUID_PATTERN } from '../ids';
import { isIsoDate } from '../period';
import { isTimestamp, normalizeTimestamp } from '../timestamps';
import { decodeFileBytes, jsonErrorPlace } from '../fileText';
import { MAX_NAME, MAX_PERIOD, MAX_TEXT } from '../records';
import { checkInstrument } from '../instrument';
import { instrumentKey, roundInstrumentRef, sameInstrument } from '../instruments';
import { MAX_LOCAL_ITEM_TEXT } from '../localItems';
import { ACTION_STATUSES, BASE_SERVICES, CO_LOCATION, type Instrument } from '../types';
import { EXPORT_AUDIENCES, EXPORT_FORMAT, EXPORT_FORMAT_VERSION, MAX_IMPORT_BYTES, type ExportFile } from './format';
import { isIntact, type HandInDocument } from '../cycle/handIn';

export { MAX_IMPORT_BYTES, MAX_NAME, MAX_TEXT };
import { upgradeToCurrent } from './upgrade';
import { reasonOf, type FieldFormat, type FieldReason } from '../fieldReason';

export { reasonOf, type FieldFormat, type FieldReason };

/**
 * Import validation: everything is checked before anything is written. The problems carry a code
 * (the UI words it in the user's language) and the path of the field, like `rounds[2].date`.
 * This module (and valibot with it) is loaded with the import feature, not on first visit.
 */

export const MAX_DEPTH = 12;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type ImportProblemCode =
  | 'tooLarge'
  | 'notText'
  | 'notJson'
  | 'notExport'
  | 'unsupportedVersion'
  | 'tooDeep'
  | 'forbiddenKey'
  | 'invalidField'
  | 'duplicateId'
  | 'unknownReference'
  | 'unknownInstrument'
  | 'unknownItem'
  | 'invalidValue'
  | 'invalidInstrument'
  | 'instrumentConflict'
  | 'tamperedHandIn'
  /** A network document with revisions on the server that say different things (CouchDB's `_conflicts`). */
  | 'revisionConflict';

export interface ImportProblem {
  readonly code: ImportProblemCode;
  /** Dotted path to the field; empty for the whole file. */
  readonly path: string;
  /** Extra detail for the message: the id, the version, the size. */
  readonly detail?: string;
  readonly reason?: FieldReason;
  /** For `notJson`: where in the text the JSON breaks (1-based). */
  readonly line?: number;
  readonly column?: number;
}

export type ImportParseResult = { ok: true; file: ExportFile; upgradedFrom?: number } | { ok: false; problems: ImportProblem[] };

// Messages are format codes (see FieldFormat): the UI words them in the user's language.
const uuid = v.pipe(v.string(), v.regex(UUID_PATTERN, 'uuid'));
// The one rule of src/domain/timestamps.ts: checked here, so that nothing that passes can throw later,
// and stored in one form (UTC with milliseconds), so that comparing two timestamps as text is comparing times.
const timestamp = v.pipe(v.string(), v.check(isTimestamp, 'timestamp'), v.transform((value) => normalizeTimestamp(value) ?? value));
const isoDate = v.pipe(v.string(), v.check(isIsoDate, 'date'));
const name = v.pipe(v.string(), v.maxLength(MAX_NAME));
const text = v.pipe(v.string(), v.maxLength(MAX_TEXT));
const stableId = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'id'), v.maxLength(100));
const version = v.pipe(v.string(), v.regex(/^\d+\.\d+\.\d+$/, 'version'));

const answerValue = v.nullable(v.union([v.pipe(v.number(), v.integer('integer')), v.picklist(['dont-know', 'not-relevant'])]));

const centreSchema = v.strictObject({
  id: uuid,
  name: v.pipe(name, v.trim(), v.minLength(1)),
  municipality: name,
  district: name,
  services: v.pipe(v.array(v.picklist(BASE_SERVICES)), v.maxLength(BASE_SERVICES.length)),
  otherServices: name,
  coLocation: v.picklist(CO_LOCATION),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const roundSchema = v.strictObject({
  id: uuid,
  centreId: uuid,
  title: v.pipe(name, v.trim(), v.minLength(1)),
  date: isoDate,
  period: v.pipe(v.string(), v.maxLength(MAX_PERIOD)),
  participants: v.pipe(
    v.array(v.strictObject({ id: uuid, name, role: name })),
    v.maxLength(100),
  ),
  instrumentId: stableId,
  instrumentVersion: version,
  status: v.picklist(['in-progress', 'complete']),
  completedAt: v.exactOptional(timestamp),
  position: v.exactOptional(v.strictObject({ goalId: stableId, itemId: v.exactOptional(stableId) })),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const answerSchema = v.strictObject({
  id: uuid,
  roundId: uuid,
  itemId: stableId,
  value: answerValue,
  note: text,
  updatedAt: timestamp,
});

const reflectionSchema = v.strictObject({
  id: uuid,
  roundId: uuid,
  goalId: stableId,
  notRelevant: v.boolean(),
  note: text,
  updatedAt: timestamp,
});

const actionSchema = v.strictObject({
  id: uuid,
  centreId: uuid,
  roundId: uuid,
  goalId: stableId,
  what: v.pipe(text, v.trim(), v.minLength(1)),
  who: name,
  due: v.union([v.literal(''), isoDate]),
  status: v.picklist(ACTION_STATUSES),
  carriedFromId: v.exactOptional(uuid),
  statusHistory: v.pipe(
    v.array(v.strictObject({ status: v.picklist(ACTION_STATUSES), at: timestamp, roundId: uuid })),
    v.minLength(1),
    v.maxLength(1000),
  ),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const ratingSchema = v.strictObject({
  id: uuid,
  roundId: uuid,
  itemId: stableId,
  participantId: uuid,
  value: answerValue,
  updatedAt: timestamp,
});

const localItemSchema = v.strictObject({
  id: uuid,
  centreId: uuid,
  goalId: stableId,
  text: v.pipe(v.string(), v.maxLength(MAX_LOCAL_ITEM_TEXT), v.trim(), v.minLength(1)),
  levels: v.pipe(v.array(text), v.maxLength(20)),
  retired: v.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

// A value of a rating as a spread's key: a whole scale step or one of the two answers that are not one.
const spreadKey = v.union([v.pipe(v.string(), v.regex(/^-?\d{1,3}$/, 'integer')), v.picklist(['dont-know', 'not-relevant'])]);
const count = v.pipe(v.number(), v.integer('integer'), v.minValue(0), v.maxValue(1000));
const spreadCounts = v.record(spreadKey, count);
const ratingSpreadSchema = v.strictObject({
  roundId: uuid,
  itemId: stableId,
  counts: spreadCounts,
});

const year = v.pipe(v.number(), v.integer('integer'), v.minValue(2000), v.maxValue(2100));
const localId = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const HAND_IN_KINDS = ['check-in', 'project-plan', 'yearly-report'] as const;

/**
 * A hand-in's document is not checked field by field: it is the record of what was sent, read as it
 * is, and its hash (checked in consistencyProblems) says whether it is still what was sealed.
 * Timestamps inside it are not normalised either, since that would change what the hash covers.
 */
const handInDocument = v.custom<HandInDocument>(
  (value) => value !== null && typeof value === 'object' && !Array.isArray(value) && HAND_IN_KINDS.some((kind) => kind === (value as { kind?: unknown }).kind),
  'document',
);

const handInSchema = v.strictObject({
  id: uuid,
  centreId: uuid,
  deadlineId: stableId,
  year,
  roundId: v.exactOptional(uuid),
  kind: v.picklist(HAND_IN_KINDS),
  sequence: v.pipe(v.number(), v.integer('integer'), v.minValue(1), v.maxValue(1000)),
  // As sealed, not normalised: the record is shown as it was handed in.
  sealedAt: v.pipe(v.string(), v.check(isTimestamp, 'timestamp')),
  document: handInDocument,
  hash: v.pipe(v.string(), v.regex(/^sha256:[0-9a-f]{64}$/, 'hash')),
});

const itemTargetSchema = v.strictObject({
  id: localId,
  goalId: stableId,
  itemId: localId,
  level: v.pipe(v.number(), v.integer('integer')),
  startLevel: v.nullable(v.pipe(v.number(), v.integer('integer'))),
  by: v.union([v.literal(''), isoDate]),
  services: v.pipe(v.array(name), v.maxLength(50)),
  actionIds: v.pipe(v.array(uuid), v.maxLength(500)),
});

const projectPlanSchema = v.strictObject({
  id: uuid,
  centreId: uuid,
  year,
  goalsInFocus: v.pipe(v.array(stableId), v.maxLength(50)),
  goalNotes: v.record(stableId, text),
  targets: v.pipe(v.array(itemTargetSchema), v.maxLength(500)),
  summary: text,
  createdAt: timestamp,
  updatedAt: timestamp,
});

const yearlyReportSchema = v.strictObject({
  id: uuid,
  centreId: uuid,
  year,
  achieved: v.record(stableId, text),
  nextYear: v.strictObject({
    goalsInFocus: v.pipe(v.array(stableId), v.maxLength(50)),
    actions: v.pipe(v.array(v.strictObject({ id: localId, goalId: stableId, what: text, who: name, when: name })), v.maxLength(500)),
    costs: text,
  }),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const carriedInstrument = v.unknown();

const fileSchema = v.strictObject({
  format: v.literal(EXPORT_FORMAT),
  formatVersion: v.literal(EXPORT_FORMAT_VERSION),
  exportedAt: timestamp,
  app: v.strictObject({ name: name, version: v.pipe(v.string(), v.maxLength(50)) }),
  instruments: v.pipe(v.array(v.strictObject({ id: stableId, version: v.pipe(v.string(), v.maxLength(50)) })), v.maxLength(50)),
  centre: centreSchema,
  rounds: v.pipe(v.array(roundSchema), v.maxLength(1000)),
  answers: v.pipe(v.array(answerSchema), v.maxLength(200_000)),
  reflections: v.pipe(v.array(reflectionSchema), v.maxLength(50_000)),
  actions: v.pipe(v.array(actionSchema), v.maxLength(50_000)),
  ratings: v.pipe(v.array(ratingSchema), v.maxLength(500_000)),
  localItems: v.pipe(v.array(localItemSchema), v.maxLength(2000)),
  // Checked one by one with the instrument schema, so that problems carry the instrument's own paths.
  instrumentDefinitions: v.pipe(v.array(carriedInstrument), v.maxLength(20)),
  audience: v.picklist(EXPORT_AUDIENCES),
  ratingSpread: v.pipe(v.array(ratingSpreadSchema), v.maxLength(200_000)),
  handIns: v.pipe(v.array(handInSchema), v.maxLength(1000)),
  projectPlans: v.pipe(v.array(projectPlanSchema), v.maxLength(200)),
  yearlyReports: v.pipe(v.array(yearlyReportSchema), v.maxLength(200)),
});

type ParsedFile = v.InferOutput<typeof fileSchema>;

/**
 * The current format and its parts under the names the published JSON Schema gives them:
 * scripts/jsonSchemas.ts generates public/schema/export-v4.schema.json from these, so the schema
 * and the importer have one source. Not used by the app itself.
 */
export const exportFileSchema = fileSchema;
export const exportSchemaParts = {
  uuid,
  timestamp,
  sealedTimestamp: handInSchema.entries.sealedAt,
  localId,
  year,
  date: isoDate,
  stableId,
  name,
  text,
  answerValue,
  centre: centreSchema,
  round: roundSchema,
  answer: answerSchema,
  reflection: reflectionSchema,
  action: actionSchema,
  rating: ratingSchema,
  localItem: localItemSchema,
  ratingSpread: ratingSpreadSchema,
  handIn: handInSchema,
  handInDocument,
  projectPlan: projectPlanSchema,
  yearlyReport: yearlyReportSchema,
  carriedInstrument,
  spreadCounts,
} as const;

/**
 * The instruments the file carries, validated like an instrument file. One that has the id and
 * version of an instrument this device holds must be that instrument: a version never changes.
 */
function checkDefinitions(file: ParsedFile, known: readonly Instrument[]): { definitions: Instrument[]; problems: ImportProblem[] } {
  const definitions: Instrument[] = [];
  const problems: ImportProblem[] = [];
  file.instrumentDefinitions.forEach((data, index) => {
    const at = `instrumentDefinitions[${String(index)}]`;
    const checked = checkInstrument(data);
    if (!checked.ok) {
      for (const problem of checked.problems) {
        const path = problem.path ? `${at}.${problem.path}` : at;
        problems.push(
          problem.kind === 'field' && problem.reason
            ? { code: 'invalidField', path, reason: problem.reason }
            : { code: 'invalidInstrument', path, detail: problem.detail ?? problem.message },
        );
      }
      return;
    }
    const existing = known.find((instrument) => instrumentKey(instrument) === instrumentKey(checked.instrument));
    if (existing && !sameInstrument(existing, checked.instrument)) {
      problems.push({ code: 'instrumentConflict', path: `${at}.version`, detail: `${checked.instrument.id} ${checked.instrument.version}` });
      return;
    }
    if (definitions.some((instrument) => instrumentKey(instrument) === instrumentKey(checked.instrument))) {
      problems.push({ code: 'duplicateId', path: `${at}.version`, detail: instrumentKey(checked.instrument) });
      return;
    }
    definitions.push(checked.instrument);
  });
  return { definitions, problems };
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  return issuePath(issue.path);
}

/** Walks parsed JSON once: refuses prototype keys and nesting deeper than any real export has. */
function structuralProblems(value: unknown): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const stack: { node: unknown; path: string; depth: number }[] = [{ node: value, path: '', depth: 0 }];
  while (stack.length > 0 && problems.length < 20) {
    const { node, path, depth } = stack.pop() ?? { node: undefined, path: '', depth: 0 };
    if (node === null || typeof node !== 'object') continue;
    if (depth > MAX_DEPTH) {
      problems.push({ code: 'tooDeep', path });
      continue;
    }
    if (Array.isArray(node)) {
      node.forEach((child, index) => stack.push({ node: child, path: `${path}[${String(index)}]`, depth: depth + 1 }));
      continue;
    }
    for (const key of Object.keys(node)) {
      const childPath = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push({ code: 'forbiddenKey', path: childPath, detail: key });
        continue;
      }
      stack.push({ node: (node as Record<string, unknown>)[key], path: childPath, depth: depth + 1 });
    }
  }
  return problems;
}

/** Cross-record rules: unique ids, references inside the file, known instruments, items and ratings. */
function consistencyProblems(file: ExportFile, instruments: readonly Instrument[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const seen = new Map<string, string>();
  const unique = (id: string, path: string) => {
    if (seen.has(id)) problems.push({ code: 'duplicateId', path, detail: id });
    else seen.set(id, path);
  };
  unique(file.centre.id, 'centre.id');
  const known = new Map([...instruments, ...file.instrumentDefinitions].map((instrument) => [instrumentKey(instrument), instrument]));
  const roundInstrument = new Map<string, Instrument>();
  // The group's own items: answerable in a round whose instrument has the item's goal.
  const localGoal = new Map<string, string>();
  file.localItems.forEach((item, index) => {
    const at = `localItems[${String(index)}]`;
    unique(item.id, `${at}.id`);
    if (item.centreId !== file.centre.id) problems.push({ code: 'unknownReference', path: `${at}.centreId`, detail: item.centreId });
    if (![...known.values()].some((instrument) => instrument.goals.some((goal) => goal.id === item.goalId))) {
      problems.push({ code: 'unknownItem', path: `${at}.goalId`, detail: item.goalId });
    }
    localGoal.set(item.id, item.goalId);
  });
  const itemInRound = (instrument: Instrument, itemId: string): boolean => {
    const goalId = localGoal.get(itemId);
    if (goalId !== undefined) return instrument.goals.some((goal) => goal.id === goalId);
    return instrument.goals.some((goal) => goal.items.some((item) => item.id === itemId));
  };
  file.rounds.forEach((round, index) => {
    unique(round.id, `rounds[${String(index)}].id`);
    round.participants.forEach((participant, p) => unique(participant.id, `rounds[${String(index)}].participants[${String(p)}].id`));
    if (round.centreId !== file.centre.id) problems.push({ code: 'unknownReference', path: `rounds[${String(index)}].centreId`, detail: round.centreId });
    const instrument = known.get(instrumentKey(roundInstrumentRef(round)));
    if (!instrument) {
      problems.push({ code: 'unknownInstrument', path: `rounds[${String(index)}].instrumentId`, detail: `${round.instrumentId} ${round.instrumentVersion}` });
    } else roundInstrument.set(round.id, instrument);
  });
  // Looked up once per answer and reflection: a set, so a file of many rounds is checked in linear time.
  const roundIds = new Set(file.rounds.map((round) => round.id));
  const pairs = new Set<string>();
  file.answers.forEach((answer, index) => {
    const at = `answers[${String(index)}]`;
    unique(answer.id, `${at}.id`);
    const instrument = roundInstrument.get(answer.roundId);
    if (!roundIds.has(answer.roundId)) {
      problems.push({ code: 'unknownReference', path: `${at}.roundId`, detail: answer.roundId });
      return;
    }
    const pair = `${answer.roundId}/${answer.itemId}`;
    if (pairs.has(pair)) problems.push({ code: 'duplicateId', path: `${at}.itemId`, detail: pair });
    pairs.add(pair);
    if (!instrument) return;
    if (!itemInRound(instrument, answer.itemId)) {
      problems.push({ code: 'unknownItem', path: `${at}.itemId`, detail: answer.itemId });
    }
    if (typeof answer.value === 'number' && !instrument.scale.levels.some((level) => level.value === answer.value)) {
      problems.push({ code: 'invalidValue', path: `${at}.value`, detail: String(answer.value) });
    }
  });
  const goalPairs = new Set<string>();
  file.reflections.forEach((reflection, index) => {
    const at = `reflections[${String(index)}]`;
    unique(reflection.id, `${at}.id`);
    const instrument = roundInstrument.get(reflection.roundId);
    if (!roundIds.has(reflection.roundId)) {
      problems.push({ code: 'unknownReference', path: `${at}.roundId`, detail: reflection.roundId });
      return;
    }
    const pair = `${reflection.roundId}/${reflection.goalId}`;
    if (goalPairs.has(pair)) problems.push({ code: 'duplicateId', path: `${at}.goalId`, detail: pair });
    goalPairs.add(pair);
    if (instrument && !instrument.goals.some((goal) => goal.id === reflection.goalId)) {
      problems.push({ code: 'unknownItem', path: `${at}.goalId`, detail: reflection.goalId });
    }
  });
  const roundsById = new Map(file.rounds.map((round) => [round.id, round]));
  file.actions.forEach((action, index) => {
    const at = `actions[${String(index)}]`;
    unique(action.id, `${at}.id`);
    if (action.centreId !== file.centre.id) problems.push({ code: 'unknownReference', path: `${at}.centreId`, detail: action.centreId });
    if (!roundsById.has(action.roundId)) {
      problems.push({ code: 'unknownReference', path: `${at}.roundId`, detail: action.roundId });
      return;
    }
    const instrument = roundInstrument.get(action.roundId);
    if (instrument && !instrument.goals.some((goal) => goal.id === action.goalId)) {
      problems.push({ code: 'unknownItem', path: `${at}.goalId`, detail: action.goalId });
    }
  });
  const ratingKeys = new Set<string>();
  file.ratings.forEach((rating, index) => {
    const at = `ratings[${String(index)}]`;
    unique(rating.id, `${at}.id`);
    const round = roundsById.get(rating.roundId);
    if (!round) {
      problems.push({ code: 'unknownReference', path: `${at}.roundId`, detail: rating.roundId });
      return;
    }
    if (!round.participants.some((participant) => participant.id === rating.participantId)) {
      problems.push({ code: 'unknownReference', path: `${at}.participantId`, detail: rating.participantId });
    }
    const key = `${rating.roundId}/${rating.itemId}/${rating.participantId}`;
    if (ratingKeys.has(key)) problems.push({ code: 'duplicateId', path: `${at}.participantId`, detail: key });
    ratingKeys.add(key);
    const instrument = roundInstrument.get(rating.roundId);
    if (!instrument) return;
    if (!itemInRound(instrument, rating.itemId)) {
      problems.push({ code: 'unknownItem', path: `${at}.itemId`, detail: rating.itemId });
    }
    if (typeof rating.value === 'number' && !instrument.scale.levels.some((level) => level.value === rating.value)) {
      problems.push({ code: 'invalidValue', path: `${at}.value`, detail: String(rating.value) });
    }
  });
  const spreadKeys = new Set<string>();
  file.ratingSpread.forEach((spread, index) => {
    const at = `ratingSpread[${String(index)}]`;
    if (!roundsById.has(spread.roundId)) problems.push({ code: 'unknownReference', path: `${at}.roundId`, detail: spread.roundId });
    const key = `${spread.roundId}/${spread.itemId}`;
    if (spreadKeys.has(key)) problems.push({ code: 'duplicateId', path: `${at}.itemId`, detail: key });
    spreadKeys.add(key);
  });
  file.handIns.forEach((handIn, index) => {
    const at = `handIns[${String(index)}]`;
    unique(handIn.id, `${at}.id`);
    if (handIn.centreId !== file.centre.id) problems.push({ code: 'unknownReference', path: `${at}.centreId`, detail: handIn.centreId });
    // Named by its deadline, year and number, so that the user knows which hand-in was changed.
    if (!isIntact(handIn)) problems.push({ code: 'tamperedHandIn', path: `${at}.hash`, detail: `${handIn.deadlineId} ${String(handIn.year)} #${String(handIn.sequence)}` });
  });
  const years = (list: string, records: readonly { id: string; centreId: string; year: number }[]) => {
    const seenYears = new Set<number>();
    records.forEach((record, index) => {
      const at = `${list}[${String(index)}]`;
      unique(record.id, `${at}.id`);
      if (record.centreId !== file.centre.id) problems.push({ code: 'unknownReference', path: `${at}.centreId`, detail: record.centreId });
      // One plan and one report per centre and year (the device's unique index says the same).
      if (seenYears.has(record.year)) problems.push({ code: 'duplicateId', path: `${at}.year`, detail: String(record.year) });
      seenYears.add(record.year);
    });
  };
  years('projectPlans', file.projectPlans);
  years('yearlyReports', file.yearlyReports);
  return problems;
}

/**
 * Only a whole number above what this app knows asks the user to update the app; anything else
 * (`"3"`, `1.5`, `0`, missing) is a broken file, said as such.
 */
function formatVersionProblem(version: unknown): ImportProblem | undefined {
  if (typeof version === 'number' && Number.isInteger(version) && version >= 1) return undefined;
  if (version === undefined) return { code: 'invalidField', path: 'formatVersion', reason: { kind: 'missing' } };
  if (typeof version === 'number') return { code: 'invalidField', path: 'formatVersion', reason: { kind: 'notAllowed', received: String(version) } };
  return { code: 'invalidField', path: 'formatVersion', reason: { kind: 'type', expected: 'number', received: receivedType(version) } };
}

/** Worded like valibot's `received`, so that the UI translates both the same way. */
function receivedType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'Array';
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 40));
  return typeof value === 'object' ? 'Object' : typeof value;
}

/** Validates parsed JSON as an export file of any known format version. */
export function parseExport(data: unknown, instruments: readonly Instrument[]): ImportParseResult {
  const structural = structuralProblems(data);
  if (structural.length > 0) return { ok: false, problems: structural };
  if (data === null || typeof data !== 'object' || Array.isArray(data) || (data as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, problems: [{ code: 'notExport', path: '' }] };
  }
  const versionProblem = formatVersionProblem((data as { formatVersion?: unknown }).formatVersion);
  if (versionProblem) return { ok: false, problems: [versionProblem] };
  const upgraded = upgradeToCurrent(data as Record<string, unknown>);
  if (!upgraded.ok) return { ok: false, problems: [{ code: 'unsupportedVersion', path: 'formatVersion', detail: upgraded.version }] };
  const result = v.safeParse(fileSchema, upgraded.data);
  if (!result.success) {
    return {
      ok: false,
      problems: result.issues.map((issue) => ({ code: 'invalidField' as const, path: pathOf(issue), reason: reasonOf(issue) })),
    };
  }
  const { definitions, problems: definitionProblems } = checkDefinitions(result.output, instruments);
  if (definitionProblems.length > 0) return { ok: false, problems: definitionProblems };
  const file: ExportFile = { ...result.output, instrumentDefinitions: definitions };
  const problems = consistencyProblems(file, instruments);
  if (problems.length > 0) return { ok: false, problems };
  return upgraded.from === EXPORT_FORMAT_VERSION ? { ok: true, file } : { ok: true, file, upgradedFrom: upgraded.from };
}

/** Validates a file's text: size first (before parsing), then JSON, then the export schema. */
export function parseExportText(text: string, instruments: readonly Instrument[], byteLength = text.length): ImportParseResult {
  if (byteLength > MAX_IMPORT_BYTES) return { ok: false, problems: [{ code: 'tooLarge', path: '', detail: String(byteLength) }] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // The engine's message is English and differs per browser: the place is worked out instead.
    const place = jsonErrorPlace(text) ?? { line: 1, column: 1, atEnd: false };
    return { ok: false, problems: [{ code: 'notJson', path: '', line: place.line, column: place.column, detail: place.atEnd ? 'end' : 'character' }] };
  }
  return parseExport(data, instruments);
}

/** Validates a file's bytes: size, then the encoding (UTF-8, or UTF-16 with a byte-order mark), then the text. */
export function parseExportBytes(bytes: Uint8Array, instruments: readonly Instrument[], byteLength = bytes.length): ImportParseResult {
  if (byteLength > MAX_IMPORT_BYTES) return { ok: false, problems: [{ code: 'tooLarge', path: '', detail: String(byteLength) }] };
  const decoded = decodeFileBytes(bytes);
  if (!decoded.ok) return { ok: false, problems: [{ code: 'notText', path: '' }] };
  return parseExportText(decoded.text, instruments, byteLength);
}
