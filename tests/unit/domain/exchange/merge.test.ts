import type { HandIn } from '@/domain/cycle/handIn';
import type { ProjectPlan } from '@/domain/cycle/projectPlan';
import type { YearlyReport } from '@/domain/cycle/yearlyReport';
import { describe, expect, it, vi } from 'vitest';
import type { AppDatabase } from '@/db/database';
import { buildExport, type ExportedAction, type ExportFile } from '@/domain/exchange/format';
import { canonical, planImport, writesOf, type LocalRecords } from '@/domain/exchange/merge';
import type { Answer, Centre, GoalReflection, IndividualRating, Instrument, LocalItem, Round } from '@/domain/types';
import { freshDatabase } from '../../../fixtures/database';
import { makeLocalItem, networkVersion } from '../../../fixtures/localItems';
import { instrumentKey } from '@/domain/instruments';
import { makeCentre, makeRound } from '../../../fixtures/records';
import { parseExportText } from '@/domain/exchange/schema';
import { parseInstrument } from '@/domain/instrument';
import defaultInstrumentJson from '@/instrument/default-instrument.json';
import fixtureText from '../../../fixtures/exports/export-v4.json?raw';

/**
 * Merging a file into what a device holds: planImport decides per record, writesOf lists what a
 * plan writes, and repository.importFile applies a plan in one transaction.
 */

const T0 = '2026-03-10T08:00:00.000Z';
const T1 = '2026-03-10T09:00:00.000Z';
const T2 = '2026-03-10T10:00:00.000Z';

interface Data {
  centre: Centre;
  rounds: Round[];
  answers: Answer[];
  reflections: GoalReflection[];
  actions: ExportedAction[];
  ratings: IndividualRating[];
  localItems: LocalItem[];
  handIns: HandIn[];
  projectPlans: ProjectPlan[];
  yearlyReports: YearlyReport[];
}

function data(): Data {
  const centre = makeCentre({ id: 'centre-a', updatedAt: T0 });
  const participants = [
    { id: 'participant-anna', name: 'Anna', role: 'BVC' },
    { id: 'participant-bo', name: 'Bo', role: 'BMM' },
  ];
  const autumn = makeRound(centre.id, { id: 'round-autumn', title: 'Hösten', date: '2025-10-10', period: 'HT 2025', participants, updatedAt: T0 });
  const spring = makeRound(centre.id, { id: 'round-spring', title: 'Våren', date: '2026-03-10', participants, updatedAt: T0, position: { goalId: 'goal-1', itemId: 'g1-information' } });
  const answer = (id: string, roundId: string, itemId: string, value: Answer['value'], note = ''): Answer => ({ id, roundId, itemId, value, note, updatedAt: T0 });
  return {
    centre,
    rounds: [autumn, spring],
    answers: [
      answer('answer-1', autumn.id, 'g1-open-to-all', 2),
      answer('answer-2', autumn.id, 'g1-information', 'dont-know', 'Vet ej; fråga BVC'),
      answer('answer-3', spring.id, 'g1-open-to-all', 3),
      answer('answer-4', spring.id, 'g1-information', null, 'Oense'),
    ],
    reflections: [
      { id: 'reflection-1', roundId: autumn.id, goalId: 'goal-1', notRelevant: false, note: 'Bra start', updatedAt: T0 },
      { id: 'reflection-2', roundId: spring.id, goalId: 'goal-4', notRelevant: true, note: '', updatedAt: T0 },
    ],
    actions: [
      action('action-autumn', autumn.id, 'goal-2', 'Skriva samverkansavtal', { status: 'ongoing', due: '2025-12-15' }),
      action('action-carried', spring.id, 'goal-2', 'Skriva samverkansavtal', { status: 'planned', due: '', carriedFromId: 'action-autumn' }),
      action('action-spring', spring.id, 'goal-1', 'Föräldragrupp på lördagar', { who: 'Öppna förskolan', status: 'done', due: '2026-03-01' }),
    ],
    ratings: [
      rating('rating-1', spring.id, 'g1-open-to-all', 'participant-anna', 3),
      rating('rating-2', spring.id, 'g1-open-to-all', 'participant-bo', 2),
      rating('rating-3', spring.id, 'g1-information', 'participant-anna', 'dont-know'),
    ],
    localItems: [],
    handIns: [],
    projectPlans: [],
    yearlyReports: [],
  };
}

function action(id: string, roundId: string, goalId: string, what: string, overrides: Partial<ExportedAction> = {}): ExportedAction {
  const made = { id, centreId: 'centre-a', roundId, goalId, what, who: 'BVC', due: '', status: 'planned' as const, createdAt: T0, updatedAt: T0, ...overrides };
  return { ...made, statusHistory: overrides.statusHistory ?? [{ status: made.status, at: made.createdAt, roundId }] };
}

function rating(id: string, roundId: string, itemId: string, participantId: string, value: IndividualRating['value']): IndividualRating {
  return { id, roundId, itemId, participantId, value, updatedAt: T0 };
}

function fileOf(records: Data, networkInstruments: readonly Instrument[] = []): ExportFile {
  return buildExport({ ...records, networkInstruments }, 'test', '2026-03-11T12:00:00.000Z');
}

function local(records: Data, instrumentKeys: ReadonlySet<string> = new Set()): LocalRecords {
  return { ...records, instrumentKeys };
}

const EMPTY: LocalRecords = { centre: undefined, rounds: [], answers: [], reflections: [], actions: [], ratings: [], localItems: [], instrumentKeys: new Set() };

function total(records: Data): number {
  return 1 + records.rounds.length + records.answers.length + records.reflections.length + records.actions.length + records.ratings.length + records.localItems.length;
}

type Snapshot = Record<string, unknown[]>;

async function snapshot(db: AppDatabase): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const table of db.tables) {
    const rows: unknown[] = await table.toArray();
    out[table.name] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return out;
}

async function storeAll(db: AppDatabase, records: Data): Promise<void> {
  await db.centres.put(records.centre);
  await db.rounds.bulkPut(records.rounds);
  await db.answers.bulkPut(records.answers);
  await db.reflections.bulkPut(records.reflections);
  await db.actions.bulkPut(records.actions.map((action) => ({ ...action, statusHistory: [{ status: action.status, at: action.updatedAt, roundId: action.roundId }] })));
  await db.ratings.bulkPut(records.ratings);
  await db.localItems.bulkPut(records.localItems);
}

describe('planImport', () => {
  it('adds everything into an empty device, and writesOf lists it all', () => {
    const records = data();
    const plan = planImport(fileOf(records), EMPTY);
    expect(plan.counts).toEqual({ add: total(records), update: 0, skip: 0 });
    expect(plan.conflicts).toEqual([]);
    expect(plan.centre).toEqual({ action: 'add', record: records.centre, conflict: false });
    const writes = writesOf(plan);
    expect(writes.centres).toEqual([records.centre]);
    expect(writes.rounds.map((r) => r.id).sort()).toEqual(['round-autumn', 'round-spring']);
    expect(writes.answers).toHaveLength(4);
    expect(writes.reflections).toHaveLength(2);
    const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(writes.actions)).toEqual(byId(records.actions));
    expect(byId(writes.ratings)).toEqual(byId(records.ratings));
  });

  it('skips every record of a file the device already holds (the same file twice): nothing to write', () => {
    const records = data();
    const plan = planImport(fileOf(records), local(data()));
    expect(plan.counts).toEqual({ add: 0, update: 0, skip: total(records) });
    expect(plan.conflicts).toEqual([]);
    expect(writesOf(plan)).toEqual({ centres: [], rounds: [], answers: [], reflections: [], actions: [], ratings: [], localItems: [], handIns: [], projectPlans: [], yearlyReports: [], instruments: [] });
  });

  it('treats a record as the same whatever the order of its keys', () => {
    const records = data();
    const reordered = { ...records, centre: Object.fromEntries(Object.entries(records.centre).reverse()) as unknown as Centre };
    expect(canonical(reordered.centre)).toBe(canonical(records.centre));
    expect(planImport(fileOf(records), local(reordered)).centre.action).toBe('skip');
  });

  it('updates a record whose incoming updatedAt is newer, keeping the round position of the device', () => {
    const mine = data();
    const theirs = data();
    const spring = theirs.rounds[1];
    if (!spring) throw new Error('fixture');
    theirs.rounds[1] = { ...spring, title: 'Våren – efter mötet', updatedAt: T1, position: { goalId: 'goal-5' } };
    const plan = planImport(fileOf(theirs), local(mine));
    const planned = plan.rounds.find((p) => p.record.id === 'round-spring');
    expect(planned?.action).toBe('update');
    expect(planned?.conflict).toBe(false);
    expect(planned?.record).toEqual({ ...spring, title: 'Våren – efter mötet', updatedAt: T1, position: { goalId: 'goal-1', itemId: 'g1-information' } });
    expect(plan.counts).toEqual({ add: 0, update: 1, skip: total(mine) - 1 });
  });

  it('takes the incoming position when the device has none for the round', () => {
    const mine = data();
    const theirs = data();
    const autumn = theirs.rounds[0];
    if (!autumn) throw new Error('fixture');
    theirs.rounds[0] = { ...autumn, updatedAt: T1, status: 'complete', completedAt: T1, position: { goalId: 'goal-2' } };
    const planned = planImport(fileOf(theirs), local(mine)).rounds.find((p) => p.record.id === 'round-autumn');
    expect(planned?.action).toBe('update');
    expect(planned?.record.position).toEqual({ goalId: 'goal-2' });
  });

  it('a different position alone is device state, not content: skipped without a conflict', () => {
    const mine = data();
    const theirs = data();
    const spring = theirs.rounds[1];
    if (!spring) throw new Error('fixture');
    theirs.rounds[1] = { ...spring, position: { goalId: 'goal-3' } };
    const plan = planImport(fileOf(theirs), local(mine));
    expect(plan.counts.skip).toBe(total(mine));
    expect(plan.conflicts).toEqual([]);
  });

  it('keeps the device record when the incoming one is older and different, and reports the conflict with both times', () => {
    const mine = data();
    const answer = mine.answers[0];
    if (!answer) throw new Error('fixture');
    mine.answers[0] = { ...answer, value: 4, updatedAt: T2 };
    const theirs = data();
    const older = theirs.answers[0];
    if (!older) throw new Error('fixture');
    theirs.answers[0] = { ...older, value: 1, updatedAt: T1 };
    const plan = planImport(fileOf(theirs), local(mine));
    const planned = plan.answers.find((p) => p.record.id === 'answer-1');
    expect(planned).toEqual({ action: 'skip', record: mine.answers[0], conflict: true });
    expect(plan.conflicts).toEqual([{ kind: 'answer', id: 'answer-1', label: 'Hösten / g1-open-to-all', localUpdatedAt: T2, incomingUpdatedAt: T1 }]);
    expect(plan.counts).toEqual({ add: 0, update: 0, skip: total(mine) });
    expect(writesOf(plan).answers).toEqual([]);
  });

  it('keeps the device record on equal updatedAt with different content, and reports a conflict', () => {
    const mine = data();
    const theirs = data();
    theirs.centre = { ...theirs.centre, name: 'Familjecentralen Alby' };
    const plan = planImport(fileOf(theirs), local(mine));
    expect(plan.centre).toEqual({ action: 'skip', record: mine.centre, conflict: true });
    expect(plan.conflicts).toEqual([{ kind: 'centre', id: 'centre-a', label: 'Familjecentralen Alby', localUpdatedAt: T0, incomingUpdatedAt: T0 }]);
  });

  it('reports conflicts for rounds and reflections too, labelled by round title', () => {
    const mine = data();
    const theirs = data();
    const round = theirs.rounds[0];
    const reflection = theirs.reflections[1];
    if (!round || !reflection) throw new Error('fixture');
    theirs.rounds[0] = { ...round, title: 'Hösten (rättad)' };
    theirs.reflections[1] = { ...reflection, notRelevant: false };
    const plan = planImport(fileOf(theirs), local(mine));
    expect(plan.conflicts.map((c) => [c.kind, c.label])).toEqual([
      ['round', 'Hösten (rättad)'],
      ['reflection', 'Våren / goal-4'],
    ]);
  });

  it('matches an answer created on another device (other id, same round and item) and writes it under the local id', () => {
    const mine = data();
    const theirs = data();
    const answer = theirs.answers[2];
    if (!answer) throw new Error('fixture');
    theirs.answers[2] = { ...answer, id: 'answer-from-tablet-2', value: 4, note: 'Från den andra surfplattan', updatedAt: T1 };
    const plan = planImport(fileOf(theirs), local(mine));
    const planned = plan.answers.find((p) => p.record.itemId === 'g1-open-to-all' && p.record.roundId === 'round-spring');
    expect(planned?.action).toBe('update');
    expect(planned?.record).toEqual({ ...theirs.answers[2], id: 'answer-3' });
    expect(plan.counts.add).toBe(0);
    expect(writesOf(plan).answers).toEqual([{ ...theirs.answers[2], id: 'answer-3' }]);
  });

  it('matches the same answer under another id with the same content as a skip', () => {
    const mine = data();
    const theirs = data();
    const answer = theirs.answers[1];
    if (!answer) throw new Error('fixture');
    theirs.answers[1] = { ...answer, id: 'another-id' };
    const plan = planImport(fileOf(theirs), local(mine));
    expect(plan.counts).toEqual({ add: 0, update: 0, skip: total(mine) });
  });

  it('matches a reflection by round and goal the same way', () => {
    const mine = data();
    const theirs = data();
    const reflection = theirs.reflections[0];
    if (!reflection) throw new Error('fixture');
    theirs.reflections[0] = { ...reflection, id: 'reflection-elsewhere', note: 'Bra start, nu med BMM', updatedAt: T1 };
    const planned = planImport(fileOf(theirs), local(mine)).reflections.find((p) => p.record.goalId === 'goal-1');
    expect(planned).toEqual({ action: 'update', record: { ...theirs.reflections[0], id: 'reflection-1' }, conflict: false });
  });

  it('counts a mixed file: add, update and skip, and writesOf holds only the adds and updates', () => {
    const mine = data();
    const theirs = data();
    const centre = theirs.centre;
    theirs.centre = { ...centre, district: 'Norra Fittja', updatedAt: T1 }; // update
    theirs.rounds.push(makeRound(centre.id, { id: 'round-new', title: 'Extra', date: '2026-04-01', participants: [] })); // add
    theirs.answers.push({ id: 'answer-new', roundId: 'round-new', itemId: 'g2-working-group', value: 'not-relevant', note: '', updatedAt: T1 }); // add
    const older = theirs.answers[0];
    if (!older) throw new Error('fixture');
    theirs.answers[0] = { ...older, value: 1, updatedAt: '2026-01-01T00:00:00.000Z' }; // older: conflict, skip
    const plan = planImport(fileOf(theirs), local(mine));
    expect(plan.counts).toEqual({ add: 2, update: 1, skip: total(theirs) - 3 });
    expect(plan.conflicts).toHaveLength(1);
    const writes = writesOf(plan);
    expect(writes.centres.map((c) => c.district)).toEqual(['Norra Fittja']);
    expect(writes.rounds.map((r) => r.id)).toEqual(['round-new']);
    expect(writes.answers.map((a) => a.id)).toEqual(['answer-new']);
    expect(writes.reflections).toEqual([]);
    expect(writes.actions).toEqual([]);
    expect(writes.ratings).toEqual([]);
    const planned = [plan.centre, ...plan.rounds, ...plan.answers, ...plan.reflections, ...plan.actions, ...plan.ratings];
    expect(planned.filter((p) => p.action !== 'skip')).toHaveLength(
      writes.centres.length + writes.rounds.length + writes.answers.length + writes.reflections.length + writes.actions.length + writes.ratings.length,
    );
  });
});

describe('planImport: action plans and individual ratings (format version 2)', () => {
  function plannedAction(plan: ReturnType<typeof planImport>, id: string) {
    return plan.actions.find((p) => p.record.id === id);
  }

  it('adds actions and ratings the device does not have, next to records it already holds', () => {
    const mine = data();
    mine.actions = [];
    mine.ratings = [];
    const theirs = data();
    const plan = planImport(fileOf(theirs), local(mine));
    expect(plan.actions.map((p) => [p.record.id, p.action])).toEqual([
      ['action-autumn', 'add'],
      ['action-spring', 'add'],
      ['action-carried', 'add'],
    ]);
    expect(plan.ratings.every((p) => p.action === 'add' && !p.conflict)).toBe(true);
    expect(plan.counts).toEqual({ add: 6, update: 0, skip: total(theirs) - 6 });
    const writes = writesOf(plan);
    // Written as they are in the file: carriedFromId, an empty due date and every status kept.
    expect(writes.actions.find((a) => a.id === 'action-carried')).toEqual(theirs.actions[1]);
    expect([...writes.ratings].sort((a, b) => a.id.localeCompare(b.id))).toEqual(theirs.ratings);
  });

  it('skips an action and a rating with the same content, whatever their updatedAt', () => {
    const mine = data();
    const theirs = data();
    theirs.actions = theirs.actions.map((action) => ({ ...action, updatedAt: T2 }));
    theirs.ratings = theirs.ratings.map((rating) => ({ ...rating, updatedAt: T2 }));
    const plan = planImport(fileOf(theirs), local(mine));
    expect(plan.counts).toEqual({ add: 0, update: 0, skip: total(mine) });
    expect(plan.conflicts).toEqual([]);
    expect(writesOf(plan)).toMatchObject({ actions: [], ratings: [] });
  });

  it('updates an action whose incoming updatedAt is newer (status and due date moved on)', () => {
    const mine = data();
    const theirs = data();
    const carried = theirs.actions[1];
    if (!carried) throw new Error('fixture');
    theirs.actions[1] = { ...carried, status: 'ongoing', due: '2026-06-30', updatedAt: T1 };
    const plan = planImport(fileOf(theirs), local(mine));
    expect(plannedAction(plan, 'action-carried')).toEqual({ action: 'update', record: theirs.actions[1], conflict: false });
    expect(writesOf(plan).actions).toEqual([theirs.actions[1]]);
    expect(plan.counts).toEqual({ add: 0, update: 1, skip: total(mine) - 1 });
  });

  it('keeps the device action when the incoming one is older and different, reported as a conflict labelled round / what', () => {
    const mine = data();
    const newer = mine.actions[2];
    if (!newer) throw new Error('fixture');
    mine.actions[2] = { ...newer, status: 'dropped', updatedAt: T2 };
    const theirs = data();
    const older = theirs.actions[2];
    if (!older) throw new Error('fixture');
    theirs.actions[2] = { ...older, status: 'ongoing', updatedAt: T1 };
    const plan = planImport(fileOf(theirs), local(mine));
    expect(plannedAction(plan, 'action-spring')).toEqual({ action: 'skip', record: mine.actions[2], conflict: true });
    expect(plan.conflicts).toEqual([{ kind: 'action', id: 'action-spring', label: 'Våren / Föräldragrupp på lördagar', localUpdatedAt: T2, incomingUpdatedAt: T1 }]);
    expect(writesOf(plan).actions).toEqual([]);
  });

  it('matches actions by id only: the same words under another id are another action', () => {
    const mine = data();
    const theirs = data();
    const spring = theirs.actions[2];
    if (!spring) throw new Error('fixture');
    theirs.actions.push({ ...spring, id: 'action-from-tablet-2' });
    const plan = planImport(fileOf(theirs), local(mine));
    expect(plannedAction(plan, 'action-from-tablet-2')?.action).toBe('add');
    expect(plan.counts).toEqual({ add: 1, update: 0, skip: total(mine) });
  });

  it('updates a rating whose incoming updatedAt is newer, and keeps the newer one of the device as a conflict', () => {
    const mine = data();
    const mineBo = mine.ratings[1];
    if (!mineBo) throw new Error('fixture');
    mine.ratings[1] = { ...mineBo, value: 4, updatedAt: T2 };
    const theirs = data();
    const [anna, bo] = theirs.ratings;
    if (!anna || !bo) throw new Error('fixture');
    theirs.ratings[0] = { ...anna, value: 4, updatedAt: T1 };
    theirs.ratings[1] = { ...bo, value: 1, updatedAt: T1 };
    const plan = planImport(fileOf(theirs), local(mine));
    expect(plan.ratings.find((p) => p.record.id === 'rating-1')).toEqual({ action: 'update', record: theirs.ratings[0], conflict: false });
    expect(plan.ratings.find((p) => p.record.id === 'rating-2')).toEqual({ action: 'skip', record: mine.ratings[1], conflict: true });
    expect(plan.conflicts).toEqual([{ kind: 'rating', id: 'rating-2', label: 'Våren / g1-open-to-all', localUpdatedAt: T2, incomingUpdatedAt: T1 }]);
    expect(writesOf(plan).ratings).toEqual([theirs.ratings[0]]);
  });

  it('matches a rating given on another device (other id, same round, item and participant) and writes it under the local id', () => {
    const mine = data();
    const theirs = data();
    const bo = theirs.ratings[1];
    if (!bo) throw new Error('fixture');
    theirs.ratings[1] = { ...bo, id: 'rating-from-tablet-2', value: 'not-relevant', updatedAt: T1 };
    const plan = planImport(fileOf(theirs), local(mine));
    const planned = plan.ratings.find((p) => p.record.participantId === 'participant-bo');
    expect(planned).toEqual({ action: 'update', record: { ...theirs.ratings[1], id: 'rating-2' }, conflict: false });
    expect(plan.counts.add).toBe(0);
    expect(writesOf(plan).ratings).toEqual([{ ...theirs.ratings[1], id: 'rating-2' }]);
  });

  it('matches the same rating under another id with the same content as a skip', () => {
    const mine = data();
    const theirs = data();
    theirs.ratings = theirs.ratings.map((rating) => ({ ...rating, id: `elsewhere-${rating.id}` }));
    const plan = planImport(fileOf(theirs), local(mine));
    expect(plan.counts).toEqual({ add: 0, update: 0, skip: total(mine) });
    expect(plan.ratings.map((p) => p.record.id).sort()).toEqual(['rating-1', 'rating-2', 'rating-3']);
  });

  it('does not match a rating of another participant or another item: each is a rating of its own', () => {
    const mine = data();
    mine.ratings = mine.ratings.filter((rating) => rating.id === 'rating-1');
    const theirs = data();
    const plan = planImport(fileOf(theirs), local(mine));
    expect(plan.ratings.map((p) => [p.record.id, p.action])).toEqual([
      ['rating-3', 'add'],
      ['rating-1', 'skip'],
      ['rating-2', 'add'],
    ]);
  });
});

describe('planImport: own items and network instruments (format version 3)', () => {
  const instrument = parseInstrument(defaultInstrumentJson);
  const network = networkVersion(instrument, '1.1.0');
  function withOwn(): Data {
    const records = data();
    const own = makeLocalItem('centre-a', 'goal-2', { id: 'own-1', text: 'Gemensamt väntrum', updatedAt: T0 });
    records.localItems = [own];
    records.answers.push({ id: 'answer-own', roundId: 'round-spring', itemId: own.id, value: 3, note: '', updatedAt: T0 });
    return records;
  }

  it('adds own items the device does not have, and skips those it holds with the same content', () => {
    const records = withOwn();
    expect(planImport(fileOf(records), EMPTY).localItems).toEqual([{ action: 'add', record: records.localItems[0], conflict: false }]);
    const again = planImport(fileOf(records), local(withOwn()));
    expect(again.localItems.map((planned) => planned.action)).toEqual(['skip']);
    expect(writesOf(again).localItems).toEqual([]);
  });

  it('updates an own item reworded or retired later on another device, and reports an older different one as a conflict', () => {
    const theirs = withOwn();
    const [own] = theirs.localItems;
    if (!own) throw new Error('fixture');
    theirs.localItems = [{ ...own, text: 'Gemensamt väntrum för alla', retired: true, updatedAt: T1 }];
    const newer = planImport(fileOf(theirs), local(withOwn()));
    expect(newer.localItems[0]).toMatchObject({ action: 'update', record: { text: 'Gemensamt väntrum för alla', retired: true } });

    const mine = withOwn();
    mine.localItems = [{ ...own, text: 'Mitt nyare', updatedAt: T2 }];
    const older = planImport(fileOf(theirs), local(mine));
    expect(older.localItems[0]).toMatchObject({ action: 'skip', conflict: true, record: { text: 'Mitt nyare' } });
    expect(older.conflicts).toContainEqual({ kind: 'localItem', id: own.id, label: 'Gemensamt väntrum för alla', localUpdatedAt: T2, incomingUpdatedAt: T1 });
  });

  it('installs a carried instrument the device lacks, and not one it holds (or the shipped one)', () => {
    const records = data();
    const spring = records.rounds[1];
    if (!spring) throw new Error('fixture');
    records.rounds[1] = { ...spring, instrumentVersion: network.version };
    const file = fileOf(records, [network]);
    expect(file.instrumentDefinitions).toEqual([network]);
    expect(planImport(file, EMPTY).newInstruments).toEqual([network]);
    expect(writesOf(planImport(file, EMPTY)).instruments).toEqual([network]);
    expect(planImport(file, local(data(), new Set([instrumentKey(network)]))).newInstruments).toEqual([]);
    // A file that only uses the shipped version carries nothing.
    expect(fileOf(data(), [network]).instrumentDefinitions).toEqual([]);
  });

  it('repository.importFile writes own items, their answers and a new instrument in the one transaction', async () => {
    const { db, repo } = freshDatabase();
    const records = withOwn();
    const spring = records.rounds[1];
    if (!spring) throw new Error('fixture');
    records.rounds[1] = { ...spring, instrumentVersion: network.version };
    await repo.importFile(fileOf(records, [network]), [instrumentKey(instrument)]);
    expect(await repo.listLocalItems('centre-a')).toEqual(records.localItems);
    expect(await db.answers.get('answer-own')).toMatchObject({ itemId: 'own-1', value: 3 });
    expect((await repo.listInstalledInstruments()).map((entry) => entry.instrument)).toEqual([network]);

    // A failing write of the instruments rolls back everything, own items included.
    const other = freshDatabase();
    vi.spyOn(other.db.instruments, 'bulkAdd').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(other.repo.importFile(fileOf(records, [network]))).rejects.toThrow('QuotaExceededError');
    expect(await other.db.localItems.count()).toBe(0);
    expect(await other.db.centres.count()).toBe(0);
  });
});

describe('newer means later in time, whatever ISO form the file uses', () => {
  const instruments = [parseInstrument(defaultInstrumentJson)];

  // The validator accepts any ISO 8601 timestamp (offsets, no milliseconds, a space for T); the app
  // itself always writes toISOString(). Comparing such strings as text picks the wrong record.
  it.each([
    ['an offset, older in time but later as text', '2025-10-08T12:00:00+02:00', '2025-10-08T11:00:00.000Z', 'skip'],
    ['no milliseconds, older in time but later as text', '2025-10-08T11:00:00Z', '2025-10-08T11:00:00.500Z', 'skip'],
    ['a space for T, newer in time but earlier as text', '2025-10-08 11:30:00Z', '2025-10-08T11:00:00.000Z', 'update'],
  ] as const)('an incoming answer with %s is ordered by time', (_form, incomingAt, localAt, action) => {
    expect(Date.parse(incomingAt.replace(' ', 'T')) > Date.parse(localAt) ? 'update' : 'skip').toBe(action);
    const data = JSON.parse(fixtureText) as ExportFile;
    const answer = data.answers[0];
    if (!answer) throw new Error('fixture');
    data.answers[0] = { ...answer, value: 1, updatedAt: incomingAt };
    const parsed = parseExportText(JSON.stringify(data), instruments);
    // Refusing such a timestamp is a correct answer too; accepting it must order it by time.
    if (!parsed.ok) return;
    const mine = JSON.parse(fixtureText) as ExportFile;
    const kept = { ...answer, value: 4, updatedAt: localAt };
    const plan = planImport(parsed.file, {
      centre: mine.centre,
      rounds: mine.rounds,
      answers: [kept, ...mine.answers.slice(1)],
      reflections: mine.reflections,
      actions: mine.actions,
      ratings: mine.ratings,
      localItems: mine.localItems,
      instrumentKeys: new Set(),
    });
    expect(plan.answers[0]?.action).toBe(action);
  });
});

describe('repository.importFile', () => {
  it('applies a plan: an incoming answer under another id lands on the local record, the unique index holds', async () => {
    const { db, repo } = freshDatabase();
    const mine = data();
    await storeAll(db, mine);
    const theirs = data();
    const answer = theirs.answers[2];
    const spring = theirs.rounds[1];
    if (!answer || !spring) throw new Error('fixture');
    theirs.answers[2] = { ...answer, id: 'answer-from-tablet-2', value: 4, updatedAt: T1 };
    theirs.rounds[1] = { ...spring, title: 'Våren – efter mötet', updatedAt: T1, position: { goalId: 'goal-5' } };
    const plan = await repo.importFile(fileOf(theirs));
    expect(plan.counts).toEqual({ add: 0, update: 2, skip: total(mine) - 2 });
    expect(await db.answers.get('answer-from-tablet-2')).toBeUndefined();
    expect(await db.answers.get('answer-3')).toMatchObject({ value: 4, updatedAt: T1 });
    expect(await db.answers.count()).toBe(4);
    expect(await db.rounds.get('round-spring')).toMatchObject({ title: 'Våren – efter mötet', position: { goalId: 'goal-1', itemId: 'g1-information' } });
  });

  it('applies actions and ratings: a rating under another id lands on the local record, the unique index holds', async () => {
    const { db, repo } = freshDatabase();
    await storeAll(db, data());
    const theirs = data();
    const [anna] = theirs.ratings;
    const carried = theirs.actions[1];
    if (!anna || !carried) throw new Error('fixture');
    theirs.ratings[0] = { ...anna, id: 'rating-from-tablet-2', value: 1, updatedAt: T1 };
    theirs.actions[1] = { ...carried, status: 'done', updatedAt: T1 };
    const fresh = action('action-new', 'round-spring', 'goal-3', 'Ritningar till nästa möte', { who: 'BMM', createdAt: T1, updatedAt: T1 });
    theirs.actions.push(fresh);
    const plan = await repo.importFile(fileOf(theirs));
    expect(plan.counts).toEqual({ add: 1, update: 2, skip: total(theirs) - 3 });
    expect(await db.ratings.get('rating-from-tablet-2')).toBeUndefined();
    expect(await db.ratings.get('rating-1')).toMatchObject({ value: 1, updatedAt: T1 });
    expect(await db.ratings.count()).toBe(3);
    expect(await db.actions.get('action-carried')).toMatchObject({ status: 'done', carriedFromId: 'action-autumn' });
    expect(await db.actions.get('action-new')).toEqual({ ...fresh, statusHistory: [{ status: fresh.status, at: fresh.updatedAt, roundId: fresh.roundId }] });
    expect(await repo.listActions('round-spring')).toHaveLength(3);
  });

  it('writes nothing when a write fails half way: the transaction is rolled back as a whole', async () => {
    const { db, repo } = freshDatabase();
    // Something else on the device, which must survive untouched.
    const other = data();
    other.centre = { ...other.centre, id: 'centre-other', name: 'Familjecentralen Alby' };
    other.rounds = other.rounds.map((round) => ({ ...round, id: `other-${round.id}`, centreId: 'centre-other' }));
    other.answers = other.answers.map((answer) => ({ ...answer, id: `other-${answer.id}`, roundId: `other-${answer.roundId}` }));
    other.reflections = other.reflections.map((reflection) => ({ ...reflection, id: `other-${reflection.id}`, roundId: `other-${reflection.roundId}` }));
    other.actions = other.actions.map((action) => ({ ...action, id: `other-${action.id}`, centreId: 'centre-other', roundId: `other-${action.roundId}` }));
    other.ratings = other.ratings.map((rating) => ({ ...rating, id: `other-${rating.id}`, roundId: `other-${rating.roundId}` }));
    await storeAll(db, other);
    // And an older version of the centre being imported, so that the import would both add and update.
    const mine = data();
    mine.answers = mine.answers.slice(0, 1);
    mine.rounds = mine.rounds.slice(0, 1);
    mine.actions = mine.actions.filter((action) => action.roundId === 'round-autumn');
    mine.ratings = [];
    await storeAll(db, mine);
    const theirs = data();
    theirs.centre = { ...theirs.centre, name: 'Familjecentralen Fittja (ny)', updatedAt: T2 };

    const before = await snapshot(db);
    const bulkPut = vi.spyOn(db.answers, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    await expect(repo.importFile(fileOf(theirs))).rejects.toThrow('disk full');
    expect(bulkPut).toHaveBeenCalledTimes(1);
    expect(await snapshot(db)).toEqual(before);
    expect((await db.centres.get('centre-a'))?.name).toBe('Familjecentralen Fittja');
    expect(await db.rounds.get('round-spring')).toBeUndefined();

    // The same import goes through once the disk has room again.
    const plan = await repo.importFile(fileOf(theirs));
    expect(plan.counts.add).toBe(total(theirs) - total(mine));
    expect((await db.centres.get('centre-a'))?.name).toBe('Familjecentralen Fittja (ny)');
  });

  it.each(['reflections', 'actions', 'ratings'] as const)('rolls back when a later table fails, too (%s; ratings are written last)', async (table) => {
    const { db, repo } = freshDatabase();
    const before = await snapshot(db);
    vi.spyOn(db[table], 'bulkPut').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(repo.importFile(fileOf(data()))).rejects.toThrow('QuotaExceededError');
    expect(await snapshot(db)).toEqual(before);
    expect(await db.centres.count()).toBe(0);
  });
});
