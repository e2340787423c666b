import type { ActionItem, Answer, Centre, GoalReflection, IndividualRating, Instrument, LocalItem, Round } from '../types';
import { canonicalJson } from '../canonical';
import type { ExportFile } from './format';

/**
 * Merging a file into what the device holds, record by record (matched by UUID; answers also by
 * round and item, reflections by round and goal, since two devices may create the same answer):
 * - not on the device → add;
 * - the same content → skip (importing a file twice changes nothing);
 * - the file's `updatedAt` is newer → update;
 * - otherwise the device's version is kept and the difference is reported as a conflict.
 * Planning is pure; the database applies a plan in one transaction.
 */

export type RecordKind = 'centre' | 'round' | 'answer' | 'reflection' | 'action' | 'rating' | 'localItem';
export type MergeAction = 'add' | 'update' | 'skip';

export interface PlannedRecord<T> {
  readonly action: MergeAction;
  /** The record to write (for `add`/`update`), under the id the device uses. */
  readonly record: T;
  readonly conflict: boolean;
}

export interface MergeConflict {
  readonly kind: RecordKind;
  readonly id: string;
  /** What the record is, for the report: a centre or round title, or "round title / item id". */
  readonly label: string;
  readonly localUpdatedAt: string;
  readonly incomingUpdatedAt: string;
}

export interface ImportPlan {
  readonly centre: PlannedRecord<Centre>;
  readonly rounds: readonly PlannedRecord<Round>[];
  readonly answers: readonly PlannedRecord<Answer>[];
  readonly reflections: readonly PlannedRecord<GoalReflection>[];
  readonly actions: readonly PlannedRecord<ActionItem>[];
  readonly ratings: readonly PlannedRecord<IndividualRating>[];
  readonly localItems: readonly PlannedRecord<LocalItem>[];
  /** Instruments the file carries that the device does not hold yet; they are installed with the import. */
  readonly newInstruments: readonly Instrument[];
  readonly counts: Readonly<Record<MergeAction, number>>;
  readonly conflicts: readonly MergeConflict[];
}

export interface LocalRecords {
  readonly centre: Centre | undefined;
  readonly rounds: readonly Round[];
  readonly answers: readonly Answer[];
  readonly reflections: readonly GoalReflection[];
  readonly actions: readonly ActionItem[];
  readonly ratings: readonly IndividualRating[];
  readonly localItems: readonly LocalItem[];
  /** Every instrument the device holds (shipped and loaded), by which the file's are known or new. */
  readonly instrumentKeys: ReadonlySet<string>;
}

/** JSON with sorted keys, so that two records with the same content compare equal (one definition for the app). */
export const canonical = canonicalJson;

/**
 * What is compared: not device state (where the group last was, a pending deletion), not the id
 * (matched already) and not `updatedAt` (the same content saved twice is not a conflict).
 */
function content<T extends object>(record: T): Omit<T, 'position' | 'deletedAt' | 'id' | 'updatedAt'> {
  const { position: _position, deletedAt: _deleted, id: _id, updatedAt: _updated, ...rest } = record as T & {
    position?: unknown;
    deletedAt?: unknown;
    id?: unknown;
    updatedAt?: unknown;
  };
  return rest;
}

function decide<T extends { id: string; updatedAt: string }>(
  incoming: T,
  local: T | undefined,
  kind: RecordKind,
  label: string,
  conflicts: MergeConflict[],
): PlannedRecord<T> {
  if (!local) return { action: 'add', record: incoming, conflict: false };
  // Written under the device's id, so a record created on two devices stays one record.
  const record = { ...incoming, id: local.id };
  const keepState = (local as { position?: unknown }).position;
  const merged = keepState === undefined ? record : { ...record, position: keepState };
  if (canonical(content(incoming)) === canonical(content(local))) return { action: 'skip', record: local, conflict: false };
  if (incoming.updatedAt > local.updatedAt) return { action: 'update', record: merged, conflict: false };
  conflicts.push({ kind, id: local.id, label, localUpdatedAt: local.updatedAt, incomingUpdatedAt: incoming.updatedAt });
  return { action: 'skip', record: local, conflict: true };
}

export function planImport(file: ExportFile, local: LocalRecords): ImportPlan {
  const conflicts: MergeConflict[] = [];
  const centre = decide<Centre>(file.centre, local.centre, 'centre', file.centre.name, conflicts);

  const localRounds = new Map(local.rounds.map((round) => [round.id, round]));
  const rounds = file.rounds.map((round) => decide<Round>(round, localRounds.get(round.id), 'round', round.title, conflicts));
  const titles = new Map(file.rounds.map((round) => [round.id, round.title]));

  const answersById = new Map(local.answers.map((answer) => [answer.id, answer]));
  const answersByPair = new Map(local.answers.map((answer) => [`${answer.roundId}/${answer.itemId}`, answer]));
  const answers = file.answers.map((answer) =>
    decide<Answer>(
      answer,
      answersById.get(answer.id) ?? answersByPair.get(`${answer.roundId}/${answer.itemId}`),
      'answer',
      `${titles.get(answer.roundId) ?? ''} / ${answer.itemId}`,
      conflicts,
    ),
  );

  const reflectionsById = new Map(local.reflections.map((reflection) => [reflection.id, reflection]));
  const reflectionsByPair = new Map(local.reflections.map((reflection) => [`${reflection.roundId}/${reflection.goalId}`, reflection]));
  const reflections = file.reflections.map((reflection) =>
    decide<GoalReflection>(
      reflection,
      reflectionsById.get(reflection.id) ?? reflectionsByPair.get(`${reflection.roundId}/${reflection.goalId}`),
      'reflection',
      `${titles.get(reflection.roundId) ?? ''} / ${reflection.goalId}`,
      conflicts,
    ),
  );

  const localActions = new Map(local.actions.map((action) => [action.id, action]));
  const actions = file.actions.map((action) =>
    decide<ActionItem>(action, localActions.get(action.id), 'action', `${titles.get(action.roundId) ?? ''} / ${action.what}`, conflicts),
  );

  const ratingKey = (r: IndividualRating) => `${r.roundId}/${r.itemId}/${r.participantId}`;
  const ratingsById = new Map(local.ratings.map((rating) => [rating.id, rating]));
  const ratingsByKey = new Map(local.ratings.map((rating) => [ratingKey(rating), rating]));
  const ratings = file.ratings.map((rating) =>
    decide<IndividualRating>(
      rating,
      ratingsById.get(rating.id) ?? ratingsByKey.get(ratingKey(rating)),
      'rating',
      `${titles.get(rating.roundId) ?? ''} / ${rating.itemId}`,
      conflicts,
    ),
  );

  const localItemsById = new Map(local.localItems.map((item) => [item.id, item]));
  const localItems = file.localItems.map((item) => decide<LocalItem>(item, localItemsById.get(item.id), 'localItem', item.text, conflicts));

  const newInstruments = file.instrumentDefinitions.filter((instrument) => !local.instrumentKeys.has(`${instrument.id}@${instrument.version}`));

  const counts: Record<MergeAction, number> = { add: 0, update: 0, skip: 0 };
  for (const planned of [centre, ...rounds, ...answers, ...reflections, ...actions, ...ratings, ...localItems]) counts[planned.action] += 1;
  return { centre, rounds, answers, reflections, actions, ratings, localItems, newInstruments, counts, conflicts };
}

/** The records a plan writes; an empty list means the import changes nothing. */
export function writesOf(plan: ImportPlan): {
  centres: Centre[];
  rounds: Round[];
  answers: Answer[];
  reflections: GoalReflection[];
  actions: ActionItem[];
  ratings: IndividualRating[];
  localItems: LocalItem[];
  instruments: Instrument[];
} {
  const pick = <T>(records: readonly PlannedRecord<T>[]) => records.filter((p) => p.action !== 'skip').map((p) => p.record);
  return {
    centres: pick([plan.centre]),
    rounds: pick(plan.rounds),
    answers: pick(plan.answers),
    reflections: pick(plan.reflections),
    actions: pick(plan.actions),
    ratings: pick(plan.ratings),
    localItems: pick(plan.localItems),
    instruments: [...plan.newInstruments],
  };
}
