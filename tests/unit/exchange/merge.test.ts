import { describe, expect, it, vi } from 'vitest';
import type { AppDatabase } from '@/db/database';
import { buildExport, type ExportFile } from '@/domain/exchange/format';
import { canonical, planImport, writesOf, type LocalRecords } from '@/domain/exchange/merge';
import type { Answer, Centre, GoalReflection, Round } from '@/domain/types';
import { freshDatabase } from '../../fixtures/database';
import { makeCentre, makeRound } from '../../fixtures/records';
import { parseExportText } from '@/domain/exchange/schema';
import { parseInstrument } from '@/domain/instrument';
import defaultInstrumentJson from '@/instrument/default-instrument.json';
import fixtureText from '../../fixtures/exports/export-v1.json?raw';

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
}

function data(): Data {
  const centre = makeCentre({ id: 'centre-a', updatedAt: T0 });
  const participants = [{ id: 'participant-anna', name: 'Anna', role: 'BVC' }];
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
  };
}

function fileOf(records: Data): ExportFile {
  return buildExport(records, 'test', '2026-03-11T12:00:00.000Z');
}

function local(records: Data): LocalRecords {
  return records;
}

const EMPTY: LocalRecords = { centre: undefined, rounds: [], answers: [], reflections: [] };

function total(records: Data): number {
  return 1 + records.rounds.length + records.answers.length + records.reflections.length;
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
  });

  it('skips every record of a file the device already holds (the same file twice): nothing to write', () => {
    const records = data();
    const plan = planImport(fileOf(records), local(data()));
    expect(plan.counts).toEqual({ add: 0, update: 0, skip: total(records) });
    expect(plan.conflicts).toEqual([]);
    expect(writesOf(plan)).toEqual({ centres: [], rounds: [], answers: [], reflections: [] });
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
    const planned = [plan.centre, ...plan.rounds, ...plan.answers, ...plan.reflections];
    expect(planned.filter((p) => p.action !== 'skip')).toHaveLength(writes.centres.length + writes.rounds.length + writes.answers.length + writes.reflections.length);
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
    const plan = planImport(parsed.file, { centre: mine.centre, rounds: mine.rounds, answers: [kept, ...mine.answers.slice(1)], reflections: mine.reflections });
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

  it('writes nothing when a write fails half way: the transaction is rolled back as a whole', async () => {
    const { db, repo } = freshDatabase();
    // Something else on the device, which must survive untouched.
    const other = data();
    other.centre = { ...other.centre, id: 'centre-other', name: 'Familjecentralen Alby' };
    other.rounds = other.rounds.map((round) => ({ ...round, id: `other-${round.id}`, centreId: 'centre-other' }));
    other.answers = other.answers.map((answer) => ({ ...answer, id: `other-${answer.id}`, roundId: `other-${answer.roundId}` }));
    other.reflections = other.reflections.map((reflection) => ({ ...reflection, id: `other-${reflection.id}`, roundId: `other-${reflection.roundId}` }));
    await storeAll(db, other);
    // And an older version of the centre being imported, so that the import would both add and update.
    const mine = data();
    mine.answers = mine.answers.slice(0, 1);
    mine.rounds = mine.rounds.slice(0, 1);
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

  it('rolls back when the last table fails, too (reflections after everything else)', async () => {
    const { db, repo } = freshDatabase();
    const before = await snapshot(db);
    vi.spyOn(db.reflections, 'bulkPut').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(repo.importFile(fileOf(data()))).rejects.toThrow('QuotaExceededError');
    expect(await snapshot(db)).toEqual(before);
    expect(await db.centres.count()).toBe(0);
  });
});
