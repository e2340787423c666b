import { describe, expect, it } from 'vitest';
import { buildCheckIn, pathStepChanges, unansweredInCheckIn, type DocumentPathProfile } from '@/domain/cycle/checkIn';
import { DEFAULT_CHECK_IN_TEMPLATE } from '@/domain/cycle/template';
import { centreYear, mayValues, octoberValues, PARTICIPANT_NAMES } from '../../../fixtures/cycle';

const MAY_HANDED_IN = '2026-05-12T09:00:00.000Z';
const OCTOBER_WRITTEN = '2026-10-08T12:00:00.000Z';

/** A centre's year: the May round and its actions, the May hand-in, and the October review. */
function aYear() {
  const year = centreYear();
  const own = year.ownStatement('goal-2', 'Vi har en gemensam rutin för hembesök');
  const may = year.round('2026-05-06', 'Avstämning våren 2026', { ...mayValues(), [own.id]: 2 }, {
    reflections: { 'goal-1': 'Föräldragrupperna är igång.', 'goal-2': 'Vi behöver träffas oftare.' },
    notes: { 'g2-joint-training': 'Ingen gemensam utbildning än.' },
  });
  const groups = year.action(may, 'goal-1', 'Starta föräldragrupp på arabiska', 'Öppna förskolan', 'ongoing', '2026-09-30');
  const visits = year.action(may, 'goal-2', 'BVC besöker öppna förskolan varje vecka', 'BVC', 'planned', '2026-08-31');
  const target = year.target('goal-2', own.id, 3, '2026-12-31', ['BVC', 'Socialtjänst'], [visits.id], 2);
  const mayHandIn = year.handIn(year.checkIn(may, MAY_HANDED_IN), 'check-in-spring', MAY_HANDED_IN);

  const october = year.round('2026-10-08', 'Avstämning hösten 2026', { ...octoberValues(), [own.id]: 3 }, { previous: may, reflections: { 'goal-1': 'Gruppen är klar och var välbesökt.' } });
  year.review(groups, 'done', october, '2026-10-08T09:30:00.000Z');
  const visitsNow = year.carry(visits, october, '2026-10-08T09:00:00.000Z');
  year.review(visitsNow, 'ongoing', october, '2026-10-08T09:10:00.000Z');
  return { year, own, may, october, groups, visits, visitsNow, target, mayHandIn };
}

describe('the October check-in', () => {
  it('lists under "since the last check-in" the actions marked done since May, "ongoing → done"', () => {
    const { year, october, groups } = aYear();
    const document = year.checkIn(october, OCTOBER_WRITTEN);
    const goal1 = document.goals.find((g) => g.goalId === 'goal-1');
    expect(goal1?.sinceLast).toEqual([
      { actionId: groups.id, goalId: 'goal-1', what: 'Starta föräldragrupp på arabiska', who: 'Öppna förskolan', due: '2026-09-30', status: 'done', kind: 'done', then: 'ongoing' },
    ]);
    // Done is not a next step any more.
    expect(goal1?.nextSteps).toEqual([]);
  });

  it('counts "since" from the May hand-in, and names the May round as the previous check-in', () => {
    const { year, october, may } = aYear();
    const document = year.checkIn(october, OCTOBER_WRITTEN);
    expect(document.previous).toEqual({ roundId: may.round.id, title: 'Avstämning våren 2026', date: '2026-05-06', period: 'VT 2026', since: MAY_HANDED_IN });
  });

  it('shows a carried action started since May once, as its October copy, with who and when as next step', () => {
    const { year, october, visitsNow } = aYear();
    const goal2 = year.checkIn(october, OCTOBER_WRITTEN).goals.find((g) => g.goalId === 'goal-2');
    expect(goal2?.sinceLast.map((c) => [c.actionId, c.then, c.status, c.kind])).toEqual([[visitsNow.id, 'planned', 'ongoing', 'started']]);
    expect(goal2?.nextSteps).toEqual([
      { actionId: visitsNow.id, goalId: 'goal-2', what: 'BVC besöker öppna förskolan varje vecka', who: 'BVC', due: '2026-08-31', status: 'ongoing' },
    ]);
  });

  it('says where each goal stands: score, coverage and the change since May', () => {
    const { year, october } = aYear();
    const document = year.checkIn(october, OCTOBER_WRITTEN);
    const goal2 = document.goals.find((g) => g.goalId === 'goal-2');
    expect(goal2?.figures).toMatchObject({ mean: 3, rated: 7, applicable: 7, coverage: 1 });
    expect(goal2?.previousMean).toBe(2);
    expect(goal2?.change).toBe(1);
    expect(document.overall.previousMean).toBeCloseTo(2, 9);
    expect(document.overall.mean).toBeCloseTo(2.6, 9);
  });

  it('gives the profile of the four steps now and at the previous check-in, each read with its round’s rules', () => {
    const { year, october } = aYear();
    const document = year.checkIn(october, OCTOBER_WRITTEN);
    expect(document.documentVersion).toBe(2);
    expect(document).not.toHaveProperty('stage');
    const statuses = (profile: DocumentPathProfile | null) => profile?.steps.map((step) => step.status);
    // May (near, all four services): goal 1 at 3 but the joint activities at 2 → step 1 on the way;
    // goal 2 at 2 → step 2 on the way; goal 3 at 1 and close cooperation at 2 → step 3 on the way;
    // near is part of step 4's way. October: goal 2 at 3 → steps 1 and 2 taken; goal 3 at 2 → 3 on the way.
    expect(statuses(document.path.previous)).toEqual(['onTheWay', 'onTheWay', 'onTheWay', 'onTheWay']);
    expect(statuses(document.path.now)).toEqual(['taken', 'taken', 'onTheWay', 'onTheWay']);
    expect(document.path.now.rulesVersion).toBe('default-1');
    expect(document.path.now.steps[3]?.seed.sv).toBe('”Samlokalisering = Familjecentral!”');
    expect(document.path.now.contradictions).toEqual([]);
    expect(pathStepChanges(document.path.previous, document.path.now)).toEqual([
      { step: 1, from: 'onTheWay', to: 'taken' },
      { step: 2, from: 'onTheWay', to: 'taken' },
    ]);
  });

  it('carries the reflections, every statement with its answer and note, and the own statements apart', () => {
    const { year, may, own } = aYear();
    const document = year.checkIn(may, MAY_HANDED_IN);
    const goal2 = document.goals.find((g) => g.goalId === 'goal-2');
    expect(goal2?.reflection).toBe('Vi behöver träffas oftare.');
    expect(goal2?.items.find((i) => i.itemId === 'g2-joint-training')).toMatchObject({ answer: 2, note: 'Ingen gemensam utbildning än.' });
    expect(goal2?.ownStatements).toEqual([{ itemId: own.id, statement: { sv: own.text, en: own.text }, answer: 2, note: '' }]);
    expect(goal2?.ownFigures?.mean).toBe(2);
    // The own statement is not in the goal's score.
    expect(goal2?.figures.mean).toBe(2);
  });

  it('shows each local sub-goal’s target against this round’s answer', () => {
    const { year, october, may, target, visitsNow, visits } = aYear();
    const inMay = year.checkIn(may, MAY_HANDED_IN).goals.find((g) => g.goalId === 'goal-2')?.targets[0];
    expect(inMay).toMatchObject({ targetId: target.id, level: 3, by: '2026-12-31', services: ['BVC', 'Socialtjänst'], answer: 2, state: 'not-yet' });
    expect(inMay?.actions.map((a) => a.actionId)).toEqual([visits.id]);
    const inOctober = year.checkIn(october, OCTOBER_WRITTEN).goals.find((g) => g.goalId === 'goal-2')?.targets[0];
    expect(inOctober).toMatchObject({ answer: 3, state: 'met' });
    expect(visitsNow.carriedFromId).toBe(visits.id);
  });

  it('names participants by service or role only, with how many took part in each', () => {
    const { year, october } = aYear();
    const document = year.checkIn(october, OCTOBER_WRITTEN);
    expect(document.participants).toEqual([
      { role: 'BVC', count: 1 },
      { role: 'Socialtjänst', count: 2 },
      { role: 'Öppna förskolan', count: 1 },
      { role: 'BMM', count: 1 },
    ]);
    const text = JSON.stringify(document);
    for (const name of PARTICIPANT_NAMES) expect(text).not.toContain(name);
  });

  it('is written in the default template unless the network gives its own, which it then carries', () => {
    const { year, october } = aYear();
    expect(year.checkIn(october, OCTOBER_WRITTEN).template).toBe(DEFAULT_CHECK_IN_TEMPLATE);
  });

  it('has no "since last" and no change in the first round of all', () => {
    const year = centreYear();
    const first = year.round('2026-03-10', 'Första', mayValues());
    year.action(first, 'goal-1', 'Något', 'BVC', 'done');
    const document = year.checkIn(first);
    expect(document.previous).toBeNull();
    expect(document.path.previous).toBeNull();
    expect(pathStepChanges(document.path.previous, document.path.now)).toEqual([]);
    expect(document.goals.every((g) => g.sinceLast.length === 0 && g.change === null)).toBe(true);
  });

  it('marks a goal not relevant this round as skipped, with no score (not zero)', () => {
    const year = centreYear();
    const round = year.round('2026-05-06', 'Vår', mayValues(), { skipped: ['goal-3'] });
    const goal3 = year.checkIn(round).goals.find((g) => g.goalId === 'goal-3');
    expect(goal3).toMatchObject({ skipped: true, figures: { mean: null, coverage: null } });
  });

  it('is the same document when built again from the same data: the moment of writing is not in it', () => {
    const { year, october } = aYear();
    expect(year.checkIn(october, '2026-10-08T12:00:00.000Z')).toEqual(year.checkIn(october, '2026-10-08T13:00:00.000Z'));
  });

  it('reads the previous round with its own instrument version when given', () => {
    const { year, october, may } = aYear();
    const document = buildCheckIn({
      centre: year.centre,
      instrument: year.instrument,
      round: october.round,
      answers: october.answers,
      reflections: october.reflections,
      previous: { round: may.round, answers: may.answers, reflections: may.reflections, instrument: { ...year.instrument, goals: year.instrument.goals.slice(0, 1) } },
      actions: year.actions,
      localItems: year.localItems,
      asOf: OCTOBER_WRITTEN,
    });
    // Only goal 1 existed in that (older) version: the others have no previous score.
    expect(document.goals.map((g) => g.previousMean)).toEqual([3, null, null, null, null]);
    // Without a hand-in, "since" is when the May round was completed.
    expect(document.previous?.since).toBe(may.round.completedAt);
  });
});

describe('a sub-goal’s linked actions in the check-in', () => {
  it('show the status they had when the check-in was written, following the action into later rounds', () => {
    const { year, may, october, visitsNow } = aYear();
    year.review(visitsNow, 'done', october, '2026-10-08T11:00:00.000Z');
    const inOctober = year.checkIn(october, OCTOBER_WRITTEN).goals.find((g) => g.goalId === 'goal-2')?.targets[0];
    // The target names the May copy; the check-in shows the action as it stands, as its October copy.
    expect(inOctober?.actions.map((a) => [a.actionId, a.status])).toEqual([[visitsNow.id, 'done']]);
    // The May check-in written again today still says what it said in May.
    const inMay = year.checkIn(may, MAY_HANDED_IN).goals.find((g) => g.goalId === 'goal-2')?.targets[0];
    expect(inMay?.actions.map((a) => a.status)).toEqual(['planned']);
  });
});

describe('unansweredInCheckIn', () => {
  it('counts the statements left unanswered, own ones apart, and not those of a goal marked not relevant', () => {
    const year = centreYear();
    const own = year.ownStatement('goal-1', 'Eget');
    const values = { ...mayValues(), 'g1-open-to-all': null, 'g2-working-group': 'dont-know' as const };
    delete (values as Record<string, unknown>)['g1-information'];
    delete (values as Record<string, unknown>)['g3-fixed-hours'];
    const round = year.round('2026-05-06', 'Vår', values, { skipped: ['goal-3'] });
    expect(unansweredInCheckIn(year.checkIn(round))).toEqual({ common: 2, own: 1, total: 3 });
    year.answer(round, own.id, 3);
    expect(unansweredInCheckIn(year.checkIn(round)).own).toBe(0);
  });
});
