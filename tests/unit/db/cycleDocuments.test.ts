import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TextConflictError } from '@/db/connection';
import { createCycleDocumentRepository } from '@/db/cycleDocuments';
import { createHandInRepository } from '@/db/handIns';
import { SealedHandInError } from '@/db/sealed';
import { createAction, emptyActionInput } from '@/domain/actions';
import { isIntact } from '@/domain/cycle/handIn';
import { buildExport } from '@/domain/exchange/format';
import { parseExportText } from '@/domain/exchange/schema';
import { createCentre, createRound } from '@/domain/records';
import type { Centre } from '@/domain/types';
import { freshDatabase, type TestDatabase } from '../../fixtures/database';
import { smallInstrument } from '../../fixtures/instruments';
import { centreInput, participant, roundInput } from '../../fixtures/records';

let t: TestDatabase;
const shipped = [smallInstrument];
const options = { shipped, current: smallInstrument };
const ORDER = smallInstrument.goals.map((goal) => goal.id);
const documents = () => createCycleDocumentRepository(t.db);
const handIns = () => createHandInRepository(t.db);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-01T08:00:00.000Z'));
  t = freshDatabase();
});

afterEach(() => {
  vi.useRealTimers();
});

async function addCentre(): Promise<Centre> {
  const centre = createCentre(centreInput({ name: 'Familjecentralen Fittja', services: ['bvc', 'bmm', 'openPreschool', 'socialServices'] }));
  await t.repo.addCentre(centre);
  return centre;
}

/** A centre with a round answered in March, an action under goal A and a plan with two sub-goals. */
async function planned() {
  const centre = await addCentre();
  const round = createRound(centre.id, roundInput({ date: '2026-03-01', title: 'Våren 2026', period: 'VT 2026', participants: [participant('Anna Andersson', 'BVC', crypto.randomUUID())] }), smallInstrument);
  await t.repo.addRound(round);
  await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: 2 });
  const action = createAction({ ...emptyActionInput(), what: 'Gemensam öppen mottagning', who: 'BVC', status: 'ongoing' }, centre.id, round.id, 'goal-a');
  await t.repo.putAction(action);
  const edit = (e: Parameters<ReturnType<typeof documents>['editProjectPlan']>[2]) => documents().editProjectPlan(centre.id, 2026, e);
  await edit({ type: 'focus', goalId: 'goal-a', on: true, goalOrder: ORDER });
  await edit({ type: 'goal-note', goalId: 'goal-a', text: 'Samverkan är grunden' });
  await edit({ type: 'add-target', target: { id: 't1', goalId: 'goal-a', itemId: 'a-1', level: 4, startLevel: 2, by: '2026-12-31', services: ['bvc', 'socialServices'], actionIds: [action.id] } });
  await edit({ type: 'add-target', target: { id: 't2', goalId: 'goal-a', itemId: 'a-2', level: 3, startLevel: null, by: '', services: [], actionIds: [] } });
  return { centre, round, action };
}

describe('the project plan while it is written', () => {
  it('is created by its first edit and holds every later one, one plan per centre and year', async () => {
    const { centre, action } = await planned();
    const plan = await documents().getProjectPlan(centre.id, 2026);
    expect(plan).toMatchObject({ centreId: centre.id, year: 2026, goalsInFocus: ['goal-a'], goalNotes: { 'goal-a': 'Samverkan är grunden' } });
    expect(plan?.targets.map((target) => target.id)).toEqual(['t1', 't2']);
    expect(plan?.targets[0]?.actionIds).toEqual([action.id]);
    expect(await t.db.projectPlans.count()).toBe(1);
    expect(await documents().getProjectPlan(centre.id, 2027)).toBeUndefined();
  });

  it('refuses to overwrite a text another tab changed since the edit began', async () => {
    const centre = await addCentre();
    await documents().editProjectPlan(centre.id, 2026, { type: 'summary', text: 'Från surfplattan' });
    await expect(documents().editProjectPlan(centre.id, 2026, { type: 'summary', text: 'Från datorn' }, '')).rejects.toBeInstanceOf(TextConflictError);
    expect((await documents().getProjectPlan(centre.id, 2026))?.summary).toBe('Från surfplattan');
    await documents().editProjectPlan(centre.id, 2026, { type: 'summary', text: 'Från datorn' }, 'Från surfplattan');
    expect((await documents().getProjectPlan(centre.id, 2026))?.summary).toBe('Från datorn');
  });

  it('reads as a document against the newest round, and seals as a project-plan hand-in that no write reaches', async () => {
    const { centre, action } = await planned();
    const preview = await handIns().currentProjectPlan(centre.id, 2026, options);
    expect(preview?.goals.map((goal) => goal.goalId)).toEqual(['goal-a']);
    expect(preview?.goals[0]?.targets[0]).toMatchObject({ itemId: 'a-1', level: 4, now: 2, state: 'not-yet', services: ['bvc', 'socialServices'], actions: [{ actionId: action.id, status: 'ongoing' }] });

    const sealed = await handIns().sealProjectPlan(centre.id, 2026, { ...options, now: '2026-03-30T10:00:00.000Z' });
    expect(sealed).toMatchObject({ kind: 'project-plan', deadlineId: 'project-plan', year: 2026, sequence: 1 });
    expect(sealed && isIntact(sealed)).toBe(true);
    expect(sealed?.roundId).toBeUndefined();
    // The plan can go on changing; the hand-in cannot.
    await documents().editProjectPlan(centre.id, 2026, { type: 'remove-target', targetId: 't2' });
    const again = await t.db.handIns.get(sealed?.id ?? '');
    expect(again).toEqual(sealed);
    if (!again) throw new Error('gone');
    await expect(t.db.handIns.put({ ...again, year: 2030 })).rejects.toBeInstanceOf(SealedHandInError);
    const second = await handIns().sealProjectPlan(centre.id, 2026, { ...options, now: '2026-04-02T10:00:00.000Z' });
    expect(second?.sequence).toBe(2);
    expect(second?.hash).not.toBe(sealed?.hash);
  });
});

describe('the yearly report', () => {
  it('puts the year’s sealed check-ins side by side with next year’s plan and its cost description, and seals', async () => {
    const { centre, round } = await planned();
    await t.repo.saveReflection(round.id, 'goal-a', { note: 'Bra samtal' });
    const checkIn = await handIns().sealHandIn(round.id, 'check-in-spring', { shipped, now: '2026-05-10T10:00:00.000Z' });
    const edit = (e: Parameters<ReturnType<typeof documents>['editYearlyReport']>[2]) => documents().editYearlyReport(centre.id, 2026, e);
    await edit({ type: 'achieved', goalId: 'goal-a', text: 'Öppen mottagning varje vecka' });
    await edit({ type: 'focus', goalId: 'goal-b', on: true, goalOrder: ORDER });
    await edit({ type: 'add-action', action: { id: 'p1', goalId: 'goal-b', what: 'Föräldraråd', who: 'Öppna förskolan', when: 'VT 2027' } });
    await edit({ type: 'costs', text: 'En halvtidstjänst som samordnare, 300 000 kr' });

    const sealed = await handIns().sealYearlyReport(centre.id, 2026, { ...options, now: '2026-10-30T10:00:00.000Z' });
    const document = sealed?.document;
    if (document?.kind !== 'yearly-report') throw new Error('kind');
    expect(document.checkIns).toEqual([expect.objectContaining({ handInId: checkIn?.id, hash: checkIn?.hash, deadlineId: 'check-in-spring' })]);
    expect(document.goals[0]).toMatchObject({ goalId: 'goal-a', achieved: 'Öppen mottagning varje vecka' });
    expect(document.nextYear).toMatchObject({ goalsInFocus: [{ goalId: 'goal-b' }], actions: [{ id: 'p1', what: 'Föräldraråd', goalNumber: 2 }], costs: 'En halvtidstjänst som samordnare, 300 000 kr' });
    expect(sealed).toMatchObject({ kind: 'yearly-report', deadlineId: 'yearly-report', year: 2026 });
    expect(JSON.stringify(sealed)).not.toContain('Anna Andersson');
  });
});

describe('export and import', () => {
  it('carries edited plans, reports and their hand-ins to another device unchanged', async () => {
    const { centre } = await planned();
    await documents().editYearlyReport(centre.id, 2026, { type: 'costs', text: 'Lokalhyra 40 000 kr' });
    await handIns().sealProjectPlan(centre.id, 2026, { ...options, now: '2026-03-30T10:00:00.000Z' });
    await handIns().sealYearlyReport(centre.id, 2026, { ...options, now: '2026-10-30T10:00:00.000Z' });

    const source = await t.repo.exportSource(centre.id);
    if (!source) throw new Error('no source');
    const text = `${JSON.stringify(buildExport(source, 'test', '2026-11-01T10:00:00.000Z'), null, 2)}\n`;
    const parsed = parseExportText(text, shipped, new TextEncoder().encode(text).length);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 3)));

    const other = freshDatabase();
    await other.repo.importFile(parsed.file);
    const sorted = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    expect(await other.db.projectPlans.toArray()).toEqual(await t.db.projectPlans.toArray());
    expect(await other.db.yearlyReports.toArray()).toEqual(await t.db.yearlyReports.toArray());
    const imported = sorted(await other.db.handIns.toArray());
    expect(imported).toEqual(sorted(await t.db.handIns.toArray()));
    expect(imported.map((handIn) => handIn.kind).sort()).toEqual(['project-plan', 'yearly-report']);
    expect(imported.every((handIn) => isIntact(handIn))).toBe(true);
    // And the editor goes on from the imported plan.
    const plan = await createCycleDocumentRepository(other.db).editProjectPlan(centre.id, 2026, { type: 'summary', text: 'Vidare' });
    expect(plan.targets.map((target) => target.id)).toEqual(['t1', 't2']);
  });
});

describe('a goal taken out of focus', () => {
  it('keeps its sub-goals in the draft, but the check-in and the plan no longer show them', async () => {
    const { centre, round } = await planned();
    const withTargets = await handIns().currentCheckIn(round.id, shipped, '2026-03-02T08:00:00.000Z');
    expect(withTargets?.goals[0]?.targets.map((target) => target.targetId)).toEqual(['t1', 't2']);
    await documents().editProjectPlan(centre.id, 2026, { type: 'focus', goalId: 'goal-a', on: false, goalOrder: ORDER });
    expect((await documents().getProjectPlan(centre.id, 2026))?.targets).toHaveLength(2);
    const without = await handIns().currentCheckIn(round.id, shipped, '2026-03-02T08:00:00.000Z');
    expect(without?.goals[0]?.targets).toEqual([]);
    expect((await handIns().currentProjectPlan(centre.id, 2026, options))?.goals).toEqual([]);
  });
});
