import type { Answer, Centre, GoalReflection, IndividualRating, Instrument, LocalItem, Round } from '../types';
import { canonicalJson } from '../canonical';
import type { ExportedAction, ExportFile } from './format';
import type { HandIn } from '../cycle/handIn';
import type { ProjectPlan } from '../cycle/projectPlan';
import type { YearlyReport } from '../cycle/yearlyReport';
import { recordStatus, type ActionHistory } from '../cycle/actionHistory';

/**
 * Merging a file into what the device holds, record by record (matched by UUID; answers also by
 * round and item, reflections by round and goal, since two devices may create the same answer).
 * First, though, the file may only touch records of its own centre: an id that the device already
 * uses for a record of another centre (by accident or on purpose) is a collision, and a plan with a
 * collision writes nothing at all. Otherwise:
 * - not on the device → add;
 * - the same content → skip (importing a file twice changes nothing);
 * - the file's `updatedAt` is newer → update;
 * - otherwise the device's version is kept and the difference is reported as a conflict.
 * Hand-ins are records of what was sent and are never merged: a new one is added, the same one
 * (same id and hash) is a skip, and a different one under an id the device holds is a collision.
 * Project plans and yearly reports are one per centre and year, matched by id or by that pair.
 * Planning is pure; the database applies a plan in one transaction.
 */

export type RecordKind = 'centre' | 'round' | 'answer' | 'reflection' | 'action' | 'rating' | 'localItem' | 'handIn' | 'projectPlan' | 'yearlyReport';
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

/**
 * An id in the file that this device already uses for a record that is not the file centre's (or,
 * for a round's records, not that round's): refused, never merged.
 */
export interface IdCollision {
  readonly kind: Exclude<RecordKind, 'centre'>;
  readonly id: string;
  /** Where in the file, like `answers[3].id`. */
  readonly path: string;
  /**
   * Whose the device's record is: another centre (or none), or another round of this centre; for a
   * hand-in, `sealed` is one of this centre's that the device holds with other content (a hash that differs).
   */
  readonly owner: 'otherCentre' | 'otherRound' | 'sealed';
  /** The other centre's name, or the other round's title, when the device knows it. */
  readonly ownerName?: string;
}

export interface ImportPlan {
  readonly centre: PlannedRecord<Centre>;
  readonly rounds: readonly PlannedRecord<Round>[];
  readonly answers: readonly PlannedRecord<Answer>[];
  readonly reflections: readonly PlannedRecord<GoalReflection>[];
  readonly actions: readonly PlannedRecord<ExportedAction>[];
  readonly ratings: readonly PlannedRecord<IndividualRating>[];
  readonly localItems: readonly PlannedRecord<LocalItem>[];
  /** Only ever `add` or `skip`: a hand-in on the device is never written again. */
  readonly handIns: readonly PlannedRecord<HandIn>[];
  readonly projectPlans: readonly PlannedRecord<ProjectPlan>[];
  readonly yearlyReports: readonly PlannedRecord<YearlyReport>[];
  /** Instruments the file carries that the device does not hold yet; they are installed with the import. */
  readonly newInstruments: readonly Instrument[];
  readonly counts: Readonly<Record<MergeAction, number>>;
  /** What each kind of record would see: "3 rounds, 105 answers added". */
  readonly countsByKind: Readonly<Record<RecordKind, Readonly<Record<MergeAction, number>>>>;
  readonly conflicts: readonly MergeConflict[];
  /** Ids that belong to another centre or round on this device; when there is one, nothing is written. */
  readonly collisions: readonly IdCollision[];
  /**
   * Deletions on this device that the import ends (their undo window has not passed): the file's
   * centre, and how many of the file's rounds. The import brings them back with everything they had,
   * or they would be purged with what was imported into them; the preview says so first.
   */
  readonly restores: { readonly centre: boolean; readonly rounds: number };
}

/** What the device's records with the file's ids belong to, so that a collision can be told and named. */
export interface LocalOwners {
  /** The rounds those records belong to (any centre, deleted ones too). */
  readonly rounds: readonly Pick<Round, 'id' | 'centreId' | 'title'>[];
  readonly centreNames: ReadonlyMap<string, string>;
}

/**
 * What the device holds of a file's records: the centre; the records with the file's ids, whatever
 * centre they belong to; and the records of the file's rounds (matched by round and item as well).
 */
export interface LocalRecords {
  readonly centre: Centre | undefined;
  readonly rounds: readonly Round[];
  readonly answers: readonly Answer[];
  readonly reflections: readonly GoalReflection[];
  readonly actions: readonly ExportedAction[];
  readonly ratings: readonly IndividualRating[];
  readonly localItems: readonly LocalItem[];
  /** The device's hand-ins with the file's ids, any centre's. */
  readonly handIns?: readonly HandIn[];
  /** The device's plans and reports with the file's ids, or of the file centre's years. */
  readonly projectPlans?: readonly ProjectPlan[];
  readonly yearlyReports?: readonly YearlyReport[];
  /** Without it, a record whose round is not among `rounds` counts as another centre's: refused, never merged. */
  readonly owners?: LocalOwners;
  /** Every instrument the device holds (shipped and loaded), by which the file's are known or new. */
  readonly instrumentKeys: ReadonlySet<string>;
}

/** JSON with sorted keys, so that two records with the same content compare equal (one definition for the app). */
export const canonical = canonicalJson;

/**
 * What is compared: not device state (where the group last was, a pending deletion), not the id
 * (matched already) and not `updatedAt` (the same content saved twice is not a conflict).
 */
function content<T extends object>(record: T): Omit<T, 'position' | 'deletedAt' | 'id' | 'updatedAt' | 'statusHistory'> {
  // An action's status history is the device's (format 3 does not carry it): not content either.
  const { position: _position, deletedAt: _deleted, id: _id, updatedAt: _updated, statusHistory: _history, ...rest } = record as T & {
    position?: unknown;
    deletedAt?: unknown;
    id?: unknown;
    updatedAt?: unknown;
    statusHistory?: unknown;
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
    decide<ExportedAction>(action, localActions.get(action.id), 'action', `${titles.get(action.roundId) ?? ''} / ${action.what}`, conflicts),
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

  const localHandIns = new Map((local.handIns ?? []).map((handIn) => [handIn.id, handIn]));
  const handIns = file.handIns.map((handIn): PlannedRecord<HandIn> => {
    const there = localHandIns.get(handIn.id);
    // A different one under the same id is a collision (findCollisions), never an update.
    return there ? { action: 'skip', record: there, conflict: false } : { action: 'add', record: handIn, conflict: false };
  });
  const byYear = <T extends { id: string; centreId: string; year: number; updatedAt: string }>(kind: RecordKind, incoming: readonly T[], there: readonly T[]) => {
    const byId = new Map(there.map((record) => [record.id, record]));
    const ofYear = new Map(there.filter((record) => record.centreId === file.centre.id).map((record) => [record.year, record]));
    return incoming.map((record) => decide<T>(record, byId.get(record.id) ?? ofYear.get(record.year), kind, String(record.year), conflicts));
  };
  const projectPlans = byYear<ProjectPlan>('projectPlan', file.projectPlans, local.projectPlans ?? []);
  const yearlyReports = byYear<YearlyReport>('yearlyReport', file.yearlyReports, local.yearlyReports ?? []);

  const newInstruments = file.instrumentDefinitions.filter((instrument) => !local.instrumentKeys.has(`${instrument.id}@${instrument.version}`));

  const counts: Record<MergeAction, number> = { add: 0, update: 0, skip: 0 };
  const countsByKind = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, { add: 0, update: 0, skip: 0 }])) as Record<RecordKind, Record<MergeAction, number>>;
  const byKind: [RecordKind, readonly PlannedRecord<unknown>[]][] = [
    ['centre', [centre]],
    ['round', rounds],
    ['answer', answers],
    ['reflection', reflections],
    ['action', actions],
    ['rating', ratings],
    ['localItem', localItems],
    ['handIn', handIns],
    ['projectPlan', projectPlans],
    ['yearlyReport', yearlyReports],
  ];
  for (const [kind, planned] of byKind) {
    for (const record of planned) {
      counts[record.action] += 1;
      countsByKind[kind][record.action] += 1;
    }
  }
  const collisions = findCollisions(file, local);
  const restores = {
    centre: Boolean(local.centre?.deletedAt),
    rounds: local.rounds.filter((round) => round.deletedAt && round.centreId === file.centre.id).length,
  };
  return { centre, rounds, answers, reflections, actions, ratings, localItems, handIns, projectPlans, yearlyReports, newInstruments, counts, countsByKind, conflicts, collisions, restores };
}

export const RECORD_KINDS: readonly RecordKind[] = ['centre', 'round', 'answer', 'reflection', 'action', 'rating', 'localItem', 'handIn', 'projectPlan', 'yearlyReport'];

/**
 * An imported action's history: the device's, with every change the file knows and the device does
 * not, in time order. Nothing the device recorded is dropped, whichever copy is newer.
 */
export function mergeHistories(device: ActionHistory | undefined, incoming: ActionHistory): ActionHistory {
  if (!device || device.length === 0) return [...incoming];
  const known = new Set(device.map((entry) => `${entry.at}/${entry.status}/${entry.roundId}`));
  return incoming.filter((entry) => !known.has(`${entry.at}/${entry.status}/${entry.roundId}`)).reduce((history, entry) => recordStatus(history, entry), device);
}

/**
 * Every id of the file that the device uses for a record of another centre, or (for a round's
 * answers, reflections, actions and ratings) of another round: merging it would change that
 * record, so the file is refused. A record whose round is gone from the device belongs to the file's
 * centre when the file brings that round back, and to no centre otherwise.
 */
function findCollisions(file: ExportFile, local: LocalRecords): IdCollision[] {
  const centreId = file.centre.id;
  const names = local.owners?.centreNames ?? new Map<string, string>();
  const roundsOnDevice = new Map<string, Pick<Round, 'id' | 'centreId' | 'title'>>();
  for (const round of [...(local.owners?.rounds ?? []), ...local.rounds]) roundsOnDevice.set(round.id, round);
  const fileRounds = new Set(file.rounds.map((round) => round.id));
  const centreOfRound = (roundId: string): string | undefined => roundsOnDevice.get(roundId)?.centreId ?? (fileRounds.has(roundId) ? centreId : undefined);
  const collisions: IdCollision[] = [];
  const otherCentre = (kind: IdCollision['kind'], id: string, path: string, owner: string | undefined) => {
    const name = owner === undefined ? undefined : names.get(owner);
    collisions.push(name === undefined ? { kind, id, path, owner: 'otherCentre' } : { kind, id, path, owner: 'otherCentre', ownerName: name });
  };
  const otherRound = (kind: IdCollision['kind'], id: string, path: string, roundId: string) => {
    const title = roundsOnDevice.get(roundId)?.title;
    collisions.push(title === undefined ? { kind, id, path, owner: 'otherRound' } : { kind, id, path, owner: 'otherRound', ownerName: title });
  };

  const roundsById = new Map(local.rounds.map((round) => [round.id, round]));
  file.rounds.forEach((round, index) => {
    const there = roundsById.get(round.id);
    if (there && there.centreId !== centreId) otherCentre('round', round.id, `rounds[${String(index)}].id`, there.centreId);
  });
  /** A round's record: another centre's when its round is, another round's when it moved. */
  const inRound = <T extends { id: string; roundId: string }>(kind: IdCollision['kind'], list: string, incoming: readonly T[], there: readonly T[]) => {
    const byId = new Map(there.map((record) => [record.id, record]));
    incoming.forEach((record, index) => {
      const found = byId.get(record.id);
      if (!found) return;
      const path = `${list}[${String(index)}].id`;
      const owner = centreOfRound(found.roundId);
      if (owner !== centreId) otherCentre(kind, record.id, path, owner);
      else if (found.roundId !== record.roundId) otherRound(kind, record.id, path, found.roundId);
    });
  };
  inRound('answer', 'answers', file.answers, local.answers);
  inRound('reflection', 'reflections', file.reflections, local.reflections);
  inRound('rating', 'ratings', file.ratings, local.ratings);
  const actionsById = new Map(local.actions.map((action) => [action.id, action]));
  file.actions.forEach((action, index) => {
    const found = actionsById.get(action.id);
    if (!found) return;
    const path = `actions[${String(index)}].id`;
    // An action names its centre itself; its round must be this centre's too.
    const owner = found.centreId === centreId ? centreOfRound(found.roundId) : found.centreId;
    if (owner !== centreId) otherCentre('action', action.id, path, owner);
    else if (found.roundId !== action.roundId) otherRound('action', action.id, path, found.roundId);
  });
  const itemsById = new Map(local.localItems.map((item) => [item.id, item]));
  file.localItems.forEach((item, index) => {
    const found = itemsById.get(item.id);
    if (found && found.centreId !== centreId) otherCentre('localItem', item.id, `localItems[${String(index)}].id`, found.centreId);
  });
  const handInsById = new Map((local.handIns ?? []).map((handIn) => [handIn.id, handIn]));
  file.handIns.forEach((handIn, index) => {
    const found = handInsById.get(handIn.id);
    if (!found) return;
    const path = `handIns[${String(index)}].id`;
    if (found.centreId !== centreId) otherCentre('handIn', handIn.id, path, found.centreId);
    else if (found.hash !== handIn.hash) collisions.push({ kind: 'handIn', id: handIn.id, path, owner: 'sealed', ownerName: `${found.deadlineId} ${String(found.year)} #${String(found.sequence)}` });
  });
  const yearly = (kind: 'projectPlan' | 'yearlyReport', list: string, incoming: readonly { id: string }[], there: readonly { id: string; centreId: string }[]) => {
    const byId = new Map(there.map((record) => [record.id, record]));
    incoming.forEach((record, index) => {
      const found = byId.get(record.id);
      if (found && found.centreId !== centreId) otherCentre(kind, record.id, `${list}[${String(index)}].id`, found.centreId);
    });
  };
  yearly('projectPlan', 'projectPlans', file.projectPlans, local.projectPlans ?? []);
  yearly('yearlyReport', 'yearlyReports', file.yearlyReports, local.yearlyReports ?? []);
  return collisions;
}


/** The records a plan writes; an empty list means the import changes nothing (always so for a plan with collisions). */
export function writesOf(plan: ImportPlan): {
  centres: Centre[];
  rounds: Round[];
  answers: Answer[];
  reflections: GoalReflection[];
  actions: ExportedAction[];
  ratings: IndividualRating[];
  localItems: LocalItem[];
  handIns: HandIn[];
  projectPlans: ProjectPlan[];
  yearlyReports: YearlyReport[];
  instruments: Instrument[];
} {
  // A collision refuses the whole file: nothing of it is written, not even the records that do not collide.
  const refused = plan.collisions.length > 0;
  const pick = <T>(records: readonly PlannedRecord<T>[]) => (refused ? [] : records.filter((p) => p.action !== 'skip').map((p) => p.record));
  return {
    centres: pick([plan.centre]),
    rounds: pick(plan.rounds),
    answers: pick(plan.answers),
    reflections: pick(plan.reflections),
    actions: pick(plan.actions),
    ratings: pick(plan.ratings),
    localItems: pick(plan.localItems),
    handIns: pick(plan.handIns),
    projectPlans: pick(plan.projectPlans),
    yearlyReports: pick(plan.yearlyReports),
    instruments: refused ? [] : [...plan.newInstruments],
  };
}
