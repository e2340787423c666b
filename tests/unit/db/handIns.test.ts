import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAction, emptyActionInput, withStatus } from '@/domain/actions';
import type { Deadline } from '@/domain/cycle/deadlines';
import { isIntact, type HandIn } from '@/domain/cycle/handIn';
import { DEADLINES_SETTING, TEMPLATE_SETTING } from '@/domain/cycle/settings';
import { DEFAULT_CHECK_IN_TEMPLATE, type CheckInTemplate } from '@/domain/cycle/template';
import { UNDO_WINDOW_MS } from '@/domain/deletions';
import { buildExport } from '@/domain/exchange/format';
import { createLocalItem } from '@/domain/localItems';
import { createCentre, createRound } from '@/domain/records';
import { lastExportKey, reviewSettingKey, showNamesKey } from '@/domain/settingKeys';
import type { Centre, Round } from '@/domain/types';
import { createCycleDocumentRepository } from '@/db/cycleDocuments';
import { createHandInRepository } from '@/db/handIns';
import { SealedHandInError } from '@/db/sealed';
import { freshDatabase, type TestDatabase } from '../../fixtures/database';
import { smallInstrument } from '../../fixtures/instruments';
import { centreInput, participant, roundInput } from '../../fixtures/records';

let t: TestDatabase;
const shipped = [smallInstrument];
const handIns = () => createHandInRepository(t.db);

function at(iso: string): void {
  vi.setSystemTime(new Date(iso));
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  at('2026-05-01T08:00:00.000Z');
  t = freshDatabase();
});

afterEach(() => {
  vi.useRealTimers();
});

async function addCentre(name = 'Familjecentralen Fittja'): Promise<Centre> {
  const centre = createCentre(centreInput({ name, services: ['bvc', 'bmm', 'openPreschool', 'socialServices'] }));
  await t.repo.addCentre(centre);
  return centre;
}

async function addRound(centre: Centre, date: string, title: string): Promise<Round> {
  const round = createRound(centre.id, roundInput({ date, title, period: '', participants: [participant('Anna Andersson', 'BVC'), participant('Bertil Berg', 'BVC')] }), smallInstrument);
  await t.repo.addRound(round);
  return round;
}

async function sealed(roundId: string, deadlineId = 'check-in-spring', now = '2026-05-14T12:00:00.000Z'): Promise<HandIn> {
  const handIn = await handIns().sealHandIn(roundId, deadlineId, { shipped, now });
  if (!handIn) throw new Error('not sealed');
  return handIn;
}

describe('sealHandIn', () => {
  it('seals the committed round as a check-in document with its hash, for the deadline and year', async () => {
    const centre = await addCentre();
    const round = await addRound(centre, '2026-05-05', 'Våren 2026');
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: 3, note: 'Vi har kommit igång' });
    await t.repo.saveReflection(round.id, 'goal-a', { note: 'Bra samtal' });
    const handIn = await sealed(round.id);

    expect(handIn).toMatchObject({ centreId: centre.id, roundId: round.id, deadlineId: 'check-in-spring', year: 2026, sequence: 1, kind: 'check-in', sealedAt: '2026-05-14T12:00:00.000Z' });
    expect(handIn.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(isIntact(handIn)).toBe(true);
    const document = handIn.document;
    if (document.kind !== 'check-in') throw new Error('kind');
    expect(document.goals[0]).toMatchObject({ reflection: 'Bra samtal', items: [{ itemId: 'a-1', answer: 3, note: 'Vi har kommit igång' }, { itemId: 'a-2', answer: null }] });
    // Participants as roles only: no name is in the sealed document.
    expect(document.participants).toEqual([{ role: 'BVC', count: 2 }]);
    expect(JSON.stringify(handIn)).not.toContain('Anna');

    const stored = await handIns().getHandIn(handIn.id);
    expect(stored).toEqual(handIn);
    expect(await handIns().listHandIns(centre.id)).toEqual([handIn]);
  });

  it('numbers a second hand-in for the same deadline 2 and keeps the first as it was', async () => {
    const centre = await addCentre();
    const round = await addRound(centre, '2026-05-05', 'Våren 2026');
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: 2 });
    const first = await sealed(round.id);
    at('2026-05-20T08:00:00.000Z');
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: 4 });
    const second = await sealed(round.id, 'check-in-spring', '2026-05-20T09:00:00.000Z');
    expect(second.sequence).toBe(2);
    expect(second.hash).not.toBe(first.hash);
    const [storedFirst] = await handIns().listHandIns(centre.id);
    expect(storedFirst).toEqual(first);
    expect(isIntact(first)).toBe(true);
  });

  it('builds the same document again from unchanged data, so an unchanged round is not "changed after hand-in"', async () => {
    const centre = await addCentre();
    const round = await addRound(centre, '2026-05-05', 'Våren 2026');
    await t.repo.saveAnswer(round.id, 'goal-b', 'b-1', { value: 1 });
    const handIn = await sealed(round.id);
    expect(await handIns().currentCheckIn(round.id, shipped, '2026-06-01T08:00:00.000Z')).toEqual(handIn.document);
  });

  it('keeps the May status in the May hand-in when October marks the action done; October lists it as done since May', async () => {
    const centre = await addCentre();
    const may = await addRound(centre, '2026-05-05', 'Våren 2026');
    at('2026-05-05T09:00:00.000Z');
    const action = createAction({ ...emptyActionInput(), what: 'Föräldragrupp på lördagar', who: 'Öppna förskolan', status: 'ongoing' }, centre.id, may.id, 'goal-a');
    await t.repo.putAction(action);
    const mayHandIn = await sealed(may.id);

    at('2026-10-08T09:00:00.000Z');
    const october = await addRound(centre, '2026-10-08', 'Hösten 2026');
    // The October review marks May's action done: recorded as done in October.
    await t.repo.putAction(withStatus(action, 'done', '2026-10-08T09:05:00.000Z', october.id));
    const stored = (await t.repo.listCentreActions(centre.id))[0];
    expect(stored?.statusHistory.map((entry) => [entry.status, entry.roundId])).toEqual([
      ['ongoing', may.id],
      ['done', october.id],
    ]);

    const octoberHandIn = await sealed(october.id, 'check-in-autumn', '2026-10-14T12:00:00.000Z');
    const octoberDoc = octoberHandIn.document;
    if (octoberDoc.kind !== 'check-in') throw new Error('kind');
    expect(octoberDoc.previous).toMatchObject({ roundId: may.id, since: mayHandIn.sealedAt });
    expect(octoberDoc.goals[0]?.sinceLast).toEqual([expect.objectContaining({ actionId: action.id, kind: 'done', then: 'ongoing', status: 'done' })]);

    // The May hand-in reads as it was: ongoing, and the May round is not "changed" by October's review.
    const reread = await handIns().getHandIn(mayHandIn.id);
    expect(reread).toEqual(mayHandIn);
    const mayDoc = reread?.document;
    if (mayDoc?.kind !== 'check-in') throw new Error('kind');
    expect(mayDoc.goals[0]?.nextSteps).toEqual([expect.objectContaining({ actionId: action.id, status: 'ongoing' })]);
    expect(await handIns().currentCheckIn(may.id, shipped, '2026-10-20T08:00:00.000Z')).toEqual(mayHandIn.document);
  });

  it('a May round edited after the October review is changed after its hand-in until handed in again; the review itself never is', async () => {
    const centre = await addCentre();
    const may = await addRound(centre, '2026-05-05', 'Våren 2026');
    at('2026-05-05T09:00:00.000Z');
    const action = createAction({ ...emptyActionInput(), what: 'Föräldragrupp', status: 'ongoing' }, centre.id, may.id, 'goal-a');
    await t.repo.putAction(action);
    const first = await sealed(may.id);
    at('2026-10-08T09:00:00.000Z');
    const october = await addRound(centre, '2026-10-08', 'Hösten 2026');
    await t.repo.putAction(withStatus(action, 'done', '2026-10-08T09:05:00.000Z', october.id));
    expect((await handIns().changesAfterHandIns(centre.id, shipped)).get(may.id)).toEqual({ changed: false, changes: [] });

    await t.repo.saveAnswer(may.id, 'goal-a', 'a-1', { value: 1 });
    const after = (await handIns().changesAfterHandIns(centre.id, shipped)).get(may.id);
    expect(after?.changes).toEqual([{ kind: 'answer', goalId: 'goal-a', itemId: 'a-1', own: false, from: null, to: 1 }]);

    const second = await sealed(may.id, 'check-in-spring', '2026-10-20T08:00:00.000Z');
    expect(second.sequence).toBe(2);
    expect((await handIns().changesAfterHandIns(centre.id, shipped)).get(may.id)).toEqual({ changed: false, changes: [] });
    const doc = second.document;
    if (doc.kind !== 'check-in') throw new Error('kind');
    // Still May's own status: the October review belongs to October.
    expect(doc.goals[0]?.nextSteps).toEqual([expect.objectContaining({ actionId: action.id, status: 'ongoing' })]);
    expect(await handIns().getHandIn(first.id)).toEqual(first);
  });

  it('reads the round inside its own transaction: a write that commits before the seal is in it', async () => {
    const centre = await addCentre();
    const round = await addRound(centre, '2026-05-05', 'Våren 2026');
    const write = t.repo.saveAnswer(round.id, 'goal-c', 'c-1', { value: 4 });
    const handIn = await sealed(round.id);
    await write;
    const document = handIn.document;
    if (document.kind !== 'check-in') throw new Error('kind');
    expect(document.goals[2]?.items[0]?.answer).toBe(4);
  });

  it('seals nothing for a deleted round, and refuses a deadline that is not a check-in', async () => {
    const centre = await addCentre();
    const round = await addRound(centre, '2026-05-05', 'Våren 2026');
    await expect(handIns().sealHandIn(round.id, 'yearly-report', { shipped })).rejects.toThrow(RangeError);
    await t.repo.softDeleteRound(round.id);
    expect(await handIns().sealHandIn(round.id, 'check-in-spring', { shipped })).toBeUndefined();
    expect(await t.db.handIns.count()).toBe(0);
  });
});

describe('a hand-in names no one', () => {
  it("writes a 'who' that is a participant's name as the participant's role in the check-in, the plan and the report, and leaves the stored actions as written", async () => {
    const centre = await addCentre();
    const round = await addRound(centre, '2026-03-05', 'Våren 2026');
    const action = createAction({ ...emptyActionInput(), what: 'Gemensam föräldragrupp', who: ' anna andersson ' }, centre.id, round.id, 'goal-a');
    await t.repo.putAction(action);
    await t.repo.putAction(createAction({ ...emptyActionInput(), what: 'Hembesök', who: 'Öppna förskolan' }, centre.id, round.id, 'goal-a'));
    const checkIn = await sealed(round.id);
    const text = JSON.stringify(checkIn.document);
    expect(text).not.toMatch(/anna|bertil|andersson|berg\b/i);
    expect(checkIn.document.kind === 'check-in' && checkIn.document.goals[0]?.nextSteps.map((step) => step.who).sort()).toEqual(['BVC', 'Öppna förskolan']);
    expect((await t.repo.listActions(round.id)).find((a) => a.id === action.id)?.who).toBe('anna andersson');

    const documents = createCycleDocumentRepository(t.db);
    await documents.editProjectPlan(centre.id, 2026, { type: 'focus', goalId: 'goal-a', on: true, goalOrder: ['goal-a'] });
    await documents.editYearlyReport(centre.id, 2026, { type: 'add-action', action: { id: 'next', goalId: 'goal-a', what: 'Fortsätta gruppen', who: 'Bertil Berg', when: 'VT 2027' } });
    const options = { shipped, current: smallInstrument, now: '2026-10-30T10:00:00.000Z' };
    const plan = await handIns().sealProjectPlan(centre.id, 2026, options);
    const report = await handIns().sealYearlyReport(centre.id, 2026, options);
    expect(JSON.stringify(plan?.document)).not.toMatch(/anna|bertil/i);
    expect(JSON.stringify(report?.document)).not.toMatch(/anna|bertil/i);
    expect(report?.document.kind === 'yearly-report' && report.document.nextYear.actions.map((a) => a.who)).toEqual(['BVC']);
  });
});

describe('removing a centre for good', () => {
  /** Everything a centre can leave on the device, in every table, the cycle's and the network's included. */
  async function fill(name: string) {
    const centre = await addCentre(name);
    const round = await addRound(centre, '2026-05-05', `${name} våren`);
    const who = round.participants[0];
    if (!who) throw new Error('participant');
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: 3, note: 'En anteckning' });
    await t.repo.saveReflection(round.id, 'goal-a', { note: 'En reflektion' });
    await t.repo.putAction(createAction({ ...emptyActionInput(), what: 'Gemensam föräldragrupp', who: 'BVC' }, centre.id, round.id, 'goal-a'));
    await t.repo.saveRating(round.id, 'a-1', who.id, 2);
    await t.repo.putLocalItem(createLocalItem(centre.id, 'goal-a', { text: 'Eget påstående', levels: [] }, 4));
    const handIn = await sealed(round.id);
    await t.db.projectPlans.add({ id: `plan-${centre.id}`, centreId: centre.id, year: 2026, goalsInFocus: [], goalNotes: {}, targets: [], summary: '', createdAt: '', updatedAt: '' });
    await t.db.yearlyReports.add({ id: `report-${centre.id}`, centreId: centre.id, year: 2026, achieved: {}, nextYear: { goalsInFocus: [], actions: [], costs: '' }, createdAt: '', updatedAt: '' });
    await t.db.outbox.add({ handInId: handIn.id, centreId: centre.id, status: 'waiting', queuedAt: '2026-05-14T12:00:00.000Z', attempts: 0, nextAttemptAt: '' });
    const source = await t.repo.exportSource(centre.id);
    if (!source) throw new Error('source');
    await t.repo.putWorkspaceEntries([{ id: centre.id, fileName: `${name}.json`, importedAt: '2026-05-16T08:00:00.000Z', file: buildExport(source, 'test', '2026-05-16T08:00:00.000Z') }]);
    await t.repo.setSetting(lastExportKey(centre.id), '2026-05-16T08:00:00.000Z');
    await t.repo.setSetting(showNamesKey(round.id), '1');
    await t.repo.setSetting(reviewSettingKey(round.id), 'done');
    return { centre, round };
  }

  /** Every record on the device as text, per table, so that a table added later is searched too. */
  async function everything(): Promise<Record<string, string[]>> {
    const tables = await Promise.all(t.db.tables.map(async (table) => [table.name, (await table.toArray()).map((record) => JSON.stringify(record))] as const));
    return Object.fromEntries(tables);
  }

  it('removes all of its data from every table after the undo window, and nothing of another centre', async () => {
    const doomed = await fill('Fittja');
    const kept = await fill('Alby');
    const login = { user: 'fittja', password: 'hemligt' };
    await t.db.settings.put({ key: 'network', value: JSON.stringify({ address: '/couchdb', databases: [], centres: { [doomed.centre.id]: { db: 'fc-fittja', login }, [kept.centre.id]: { db: 'fc-alby', login: { user: 'alby', password: 'x' } } } }) });
    const before = await everything();
    const mentions = (dump: Record<string, string[]>, ids: readonly string[]) =>
      Object.fromEntries(Object.entries(dump).map(([table, records]) => [table, records.filter((record) => ids.some((id) => record.includes(id))).length]));
    // Every table that holds anything holds some of the doomed centre's data: the test covers them all.
    expect(Object.entries(mentions(before, [doomed.centre.id, doomed.round.id])).filter(([, count]) => count === 0).map(([table]) => table)).toEqual(['instruments']);

    at('2026-05-16T09:00:00.000Z');
    await t.repo.softDeleteCentre(doomed.centre.id);
    expect(await t.repo.purgeExpired(Date.now() + UNDO_WINDOW_MS - 1)).toEqual([]);
    expect(await everything()).toEqual({ ...before, centres: expect.any(Array) });
    await t.repo.purgeExpired(Date.now() + UNDO_WINDOW_MS + 1);

    const after = await everything();
    expect(Object.values(mentions(after, [doomed.centre.id, doomed.round.id, 'hemligt'])).every((count) => count === 0)).toBe(true);
    expect(mentions(after, [kept.centre.id, kept.round.id])).toEqual(mentions(before, [kept.centre.id, kept.round.id]));
    expect(JSON.parse((await t.repo.getSetting('network')) ?? '{}')).toEqual({ address: '/couchdb', databases: [], centres: { [kept.centre.id]: { db: 'fc-alby', login: { user: 'alby', password: 'x' } } } });
  });
});

describe("sealing reads the network's template and deadlines where it seals", () => {
  const networkTemplate: CheckInTemplate = {
    ...DEFAULT_CHECK_IN_TEMPLATE,
    id: 'stadens-mall',
    title: { sv: 'Stadens avstämning', en: "The city's check-in" },
    perGoal: [{ id: 'reflection', heading: { sv: 'Våra tankar', en: 'Our thoughts' } }, ...DEFAULT_CHECK_IN_TEMPLATE.perGoal.filter((s) => s.id !== 'reflection')],
  };
  const networkDeadlines: Deadline[] = [
    { id: 'plan-march', kind: 'project-plan', monthDay: '03-15', title: { sv: 'Plan', en: 'Plan' } },
    { id: 'check-in-may-20', kind: 'check-in', monthDay: '05-20', title: { sv: 'Avstämning 20 maj', en: 'Check-in 20 May' } },
    { id: 'report-november', kind: 'yearly-report', monthDay: '11-05', title: { sv: 'Rapport', en: 'Report' } },
  ];

  it('seals a check-in in the template stored on the device, with no template handed in by the caller', async () => {
    await t.repo.setSetting(TEMPLATE_SETTING, JSON.stringify(networkTemplate));
    await t.repo.setSetting(DEADLINES_SETTING, JSON.stringify(networkDeadlines));
    const centre = await addCentre();
    const round = await addRound(centre, '2026-05-05', 'Våren 2026');
    const handIn = await sealed(round.id, 'check-in-may-20');
    const document = handIn.document;
    if (document.kind !== 'check-in') throw new Error('kind');
    expect(document.template).toEqual(networkTemplate);
    expect(handIn).toMatchObject({ deadlineId: 'check-in-may-20', year: 2026 });
    // The preview reads the same template, so it shows what a hand-in would seal.
    expect((await handIns().currentCheckIn(round.id, shipped))?.template).toEqual(networkTemplate);
  });

  it('refuses a deadline the network does not have, even one of the defaults', async () => {
    await t.repo.setSetting(DEADLINES_SETTING, JSON.stringify(networkDeadlines));
    const centre = await addCentre();
    const round = await addRound(centre, '2026-05-05', 'Våren 2026');
    await expect(handIns().sealHandIn(round.id, 'check-in-spring', { shipped })).rejects.toThrow(RangeError);
    expect(await t.db.handIns.count()).toBe(0);
  });

  it('a template stored in the same moment as the seal is started is in it: both go through the database', async () => {
    const centre = await addCentre();
    const round = await addRound(centre, '2026-05-05', 'Våren 2026');
    const write = t.repo.setSetting(TEMPLATE_SETTING, JSON.stringify(networkTemplate));
    const handIn = await sealed(round.id);
    await write;
    expect(handIn.document.kind === 'check-in' && handIn.document.template.id).toBe('stadens-mall');
  });

  it('uses the default template when what is stored is empty or no longer passes', async () => {
    const centre = await addCentre();
    const round = await addRound(centre, '2026-05-05', 'Våren 2026');
    await t.repo.setSetting(TEMPLATE_SETTING, '{"id":"broken"');
    const handIn = await sealed(round.id);
    expect(handIn.document.kind === 'check-in' && handIn.document.template).toEqual(DEFAULT_CHECK_IN_TEMPLATE);
  });

  it("seals a project plan and yearly report for the network's own deadlines of their kind", async () => {
    await t.repo.setSetting(DEADLINES_SETTING, JSON.stringify(networkDeadlines));
    const centre = await addCentre();
    const options = { shipped, current: smallInstrument, now: '2026-03-10T10:00:00.000Z' };
    expect(await handIns().sealProjectPlan(centre.id, 2026, options)).toMatchObject({ deadlineId: 'plan-march', kind: 'project-plan' });
    expect(await handIns().sealYearlyReport(centre.id, 2026, options)).toMatchObject({ deadlineId: 'report-november', kind: 'yearly-report' });
  });
});

describe('a sealed hand-in cannot be written', () => {
  async function setUp(): Promise<{ centre: Centre; handIn: HandIn }> {
    const centre = await addCentre();
    const round = await addRound(centre, '2026-05-05', 'Våren 2026');
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: 3 });
    return { centre, handIn: await sealed(round.id) };
  }

  async function expectUnchanged(handIn: HandIn): Promise<void> {
    const stored = await t.db.handIns.get(handIn.id);
    expect(stored).toEqual(handIn);
    if (!stored) throw new Error('gone');
    expect(isIntact(stored)).toBe(true);
    expect(await t.db.handIns.count()).toBe(1);
  }

  const writes: [string, (handIn: HandIn) => Promise<unknown>][] = [
    ['put', (h) => t.db.handIns.put({ ...h, sequence: 9 })],
    ['put of a changed document', (h) => t.db.handIns.put({ ...h, document: { ...h.document, centre: { ...h.document.centre, name: 'Ändrad' } }, hash: 'sha256:0' })],
    ['update', (h) => t.db.handIns.update(h.id, { sealedAt: '2020-01-01T00:00:00.000Z' })],
    ['update of a nested field', (h) => t.db.handIns.update(h.id, { 'document.round.title': 'Ändrad' })],
    ['delete', (h) => t.db.handIns.delete(h.id)],
    ['bulkPut', (h) => t.db.handIns.bulkPut([{ ...h, year: 1999 }])],
    ['bulkDelete', (h) => t.db.handIns.bulkDelete([h.id])],
    ['bulkUpdate', (h) => t.db.handIns.bulkUpdate([{ key: h.id, changes: { sequence: 5 } }])],
    ['modify', () => t.db.handIns.toCollection().modify({ hash: 'sha256:0' })],
    ['modify with a function', () => t.db.handIns.where('id').above('').modify((h) => { Object.assign(h, { year: 1999 }); })],
    ['collection delete', () => t.db.handIns.where('centreId').above('').delete()],
    ['clear', () => t.db.handIns.clear()],
    ['add under the same id', (h) => t.db.handIns.add({ ...h })],
    ['put inside a transaction with the centres table', (h) => t.db.transaction('rw', t.db.handIns, t.db.centres, () => t.db.handIns.put({ ...h, sequence: 3 }))],
    ['delete inside a transaction with the centres table', (h) => t.db.transaction('rw', t.db.handIns, t.db.centres, () => t.db.handIns.delete(h.id))],
  ];

  for (const [name, write] of writes) {
    it(`refuses ${name}`, async () => {
      const { handIn } = await setUp();
      await expect(write(handIn)).rejects.toThrow();
      await expectUnchanged(handIn);
    });
  }

  it('says why', async () => {
    const { handIn } = await setUp();
    await expect(t.db.handIns.put({ ...handIn, sequence: 2 })).rejects.toBeInstanceOf(SealedHandInError);
  });

  it('refuses the whole transaction, so nothing written with it lands either', async () => {
    const { centre, handIn } = await setUp();
    await expect(
      t.db.transaction('rw', t.db.handIns, t.db.centres, async () => {
        await t.db.centres.update(centre.id, { name: 'Ändrad' });
        await t.db.handIns.delete(handIn.id);
      }),
    ).rejects.toThrow();
    expect((await t.db.centres.get(centre.id))?.name).toBe(centre.name);
    await expectUnchanged(handIn);
  });

  it('adds a new hand-in beside it', async () => {
    const { handIn } = await setUp();
    await t.db.handIns.add({ ...handIn, id: 'another', sequence: 2 });
    expect(await t.db.handIns.count()).toBe(2);
  });

  it('goes with its centre: the purge of a deleted centre removes its hand-ins, plans and reports, and only its', async () => {
    const { centre, handIn } = await setUp();
    const other = await addCentre('Familjecentralen Alby');
    const otherRound = await addRound(other, '2026-05-06', 'Alby våren');
    const kept = await sealed(otherRound.id);
    await t.db.projectPlans.add({ id: 'plan', centreId: centre.id, year: 2026, goalsInFocus: [], goalNotes: {}, targets: [], summary: '', createdAt: '', updatedAt: '' });
    await t.db.yearlyReports.add({ id: 'report', centreId: centre.id, year: 2026, achieved: {}, nextYear: { goalsInFocus: [], actions: [], costs: '' }, createdAt: '', updatedAt: '' });

    at('2026-05-15T08:00:00.000Z');
    await t.repo.softDeleteCentre(centre.id);
    // Within the undo window the hand-in stays, and undo brings the centre back with it.
    expect(await t.repo.purgeExpired(Date.now() + UNDO_WINDOW_MS - 1)).toEqual([]);
    expect(await t.db.handIns.get(handIn.id)).toEqual(handIn);
    await t.repo.purgeExpired(Date.now() + UNDO_WINDOW_MS + 1);
    expect(await t.db.handIns.get(handIn.id)).toBeUndefined();
    expect(await t.db.projectPlans.count()).toBe(0);
    expect(await t.db.yearlyReports.count()).toBe(0);
    expect(await t.db.handIns.toArray()).toEqual([kept]);
  });
});
