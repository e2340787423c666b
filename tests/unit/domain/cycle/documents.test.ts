import { describe, expect, it } from 'vitest';
import { documentChanges } from '@/domain/cycle/changes';
import { buildProjectPlan, type ProjectPlan } from '@/domain/cycle/projectPlan';
import { buildYearlyReport, type YearlyReport } from '@/domain/cycle/yearlyReport';
import type { CheckInDocument, CheckInDocumentV2 } from '@/domain/cycle/checkIn';
import { legacyCheckIn } from '../../../fixtures/documents';
import { centreYear, mayValues, octoberValues, PARTICIPANT_NAMES } from '../../../fixtures/cycle';

function planFor(year: ReturnType<typeof centreYear>, overrides: Partial<ProjectPlan> = {}): ProjectPlan {
  return {
    id: 'plan-2026',
    centreId: year.centre.id,
    year: 2026,
    goalsInFocus: ['goal-2', 'goal-3'],
    goalNotes: { 'goal-2': 'Samverkan med BVC först.' },
    targets: year.targets,
    summary: 'Vi tar steg mot samlokalisering.',
    createdAt: '2026-03-20T08:00:00.000Z',
    updatedAt: '2026-03-20T08:00:00.000Z',
    ...overrides,
  };
}

describe('the local project plan', () => {
  function aPlan() {
    const year = centreYear();
    const own = year.ownStatement('goal-2', 'BVC och öppna förskolan har gemensamma öppettider');
    const march = year.round('2026-03-10', 'Start', { ...mayValues(), [own.id]: 1 });
    const visits = year.action(march, 'goal-2', 'Gemensamma öppettider', 'BVC', 'planned', '2026-06-30');
    year.target('goal-2', own.id, 3, '2026-12-31', ['BVC', 'Öppna förskolan'], [visits.id], 1);
    year.target('goal-4', 'g4-parent-views', 3, '2026-12-31', ['Socialtjänst']);
    return { year, own, march, visits };
  }

  it('lists the goals in focus in the plan’s order, each sub-goal with its target, date, services and actions', () => {
    const { year, own, visits } = aPlan();
    const document = buildProjectPlan({ centre: year.centre, plan: planFor(year), instrument: year.instrument, localItems: year.localItems, actions: year.actions, asOf: '2026-03-28T08:00:00.000Z' });
    expect(document).toMatchObject({ kind: 'project-plan', year: 2026, summary: 'Vi tar steg mot samlokalisering.', measuredIn: null });
    expect(document.goals.map((g) => [g.goalId, g.number, g.note])).toEqual([
      ['goal-2', 2, 'Samverkan med BVC först.'],
      ['goal-3', 3, ''],
    ]);
    // The target under goal 4 is not in a goal in focus, so it is not in the plan.
    expect(document.goals.flatMap((g) => g.targets)).toHaveLength(1);
    expect(document.goals[0]?.targets[0]).toMatchObject({
      itemId: own.id,
      statement: { sv: own.text, en: own.text },
      level: 3,
      startLevel: 1,
      by: '2026-12-31',
      services: ['BVC', 'Öppna förskolan'],
      actions: [{ actionId: visits.id, what: 'Gemensamma öppettider', who: 'BVC', due: '2026-06-30', status: 'planned' }],
      now: null,
      state: 'no-data',
    });
  });

  it('shows each target against now when given the latest round', () => {
    const { year, own } = aPlan();
    const may = year.round('2026-05-06', 'Vår', { ...mayValues(), [own.id]: 2 });
    const answers = new Map(may.answers.map((a) => [a.itemId, a]));
    const document = buildProjectPlan({
      centre: year.centre,
      plan: planFor(year),
      instrument: year.instrument,
      localItems: year.localItems,
      actions: year.actions,
      latest: { roundId: may.round.id, title: may.round.title, date: may.round.date, answers },
      asOf: '2026-05-06T15:00:00.000Z',
    });
    expect(document.goals[0]?.targets[0]).toMatchObject({ now: 2, state: 'on-the-way' });
    expect(document.measuredIn).toEqual({ roundId: may.round.id, title: 'Vår', date: '2026-05-06' });
  });

  it('tells what changed between two hand-ins of the plan', () => {
    const { year } = aPlan();
    const input = { centre: year.centre, instrument: year.instrument, localItems: year.localItems, actions: year.actions, asOf: '2026-03-28T08:00:00.000Z' };
    const first = buildProjectPlan({ ...input, plan: planFor(year) });
    const second = buildProjectPlan({ ...input, plan: planFor(year, { goalsInFocus: ['goal-2', 'goal-4'], summary: 'Vi börjar med delaktighet.' }) });
    expect(documentChanges(first, second)).toEqual([
      { kind: 'focus-added', goalId: 'goal-4' },
      { kind: 'focus-removed', goalId: 'goal-3' },
      { kind: 'text', field: 'summary', from: 'Vi tar steg mot samlokalisering.', to: 'Vi börjar med delaktighet.' },
    ]);
  });
});

describe('the yearly report', () => {
  function aYear() {
    const year = centreYear();
    const may = year.round('2026-05-06', 'Avstämning våren 2026', mayValues());
    const groups = year.action(may, 'goal-1', 'Starta föräldragrupp', 'Öppna förskolan', 'ongoing');
    const mayHandIn = year.handIn(year.checkIn(may, '2026-05-12T09:00:00.000Z'), 'check-in-spring', '2026-05-12T09:00:00.000Z');
    const october = year.round('2026-10-08', 'Avstämning hösten 2026', octoberValues(), { previous: may });
    year.review(groups, 'done', october, '2026-10-08T09:30:00.000Z');
    const octoberHandIn = year.handIn(year.checkIn(october, '2026-10-09T09:00:00.000Z'), 'check-in-autumn', '2026-10-09T09:00:00.000Z');
    const report: YearlyReport = {
      id: 'report-2026',
      centreId: year.centre.id,
      year: 2026,
      achieved: { 'goal-1': 'Två föräldragrupper har genomförts.' },
      nextYear: {
        goalsInFocus: ['goal-3', 'goal-4'],
        actions: [{ id: 'p1', goalId: 'goal-3', what: 'Fasta tider för BVC i lokalen', who: 'BVC', when: 'VT 2027' }],
        costs: 'Hyra för gemensam lokal: 120 000 kr. Utbildningsdag: 15 000 kr.',
      },
      createdAt: '2026-10-20T08:00:00.000Z',
      updatedAt: '2026-10-20T08:00:00.000Z',
    };
    const sealed = [octoberHandIn, mayHandIn].map((h) => ({ ...h, document: h.document as CheckInDocument }));
    return { year, report, sealed, mayHandIn, octoberHandIn };
  }

  it('sets the year’s check-ins side by side, oldest first, each named by its hand-in and hash', () => {
    const { year, report, sealed, mayHandIn, octoberHandIn } = aYear();
    const document = buildYearlyReport({ centre: year.centre, report, instrument: year.instrument, checkIns: sealed });
    expect(document.checkIns.map((c) => [c.handInId, c.deadlineId, c.hash, c.period])).toEqual([
      [mayHandIn.id, 'check-in-spring', mayHandIn.hash, 'VT 2026'],
      [octoberHandIn.id, 'check-in-autumn', octoberHandIn.hash, 'HT 2026'],
    ]);
    expect(document.goals.find((g) => g.goalId === 'goal-2')?.means).toEqual([2, 3]);
  });

  it('says per goal what was achieved and which actions were done, and gives next year’s plan with its costs', () => {
    const { year, report, sealed } = aYear();
    const document = buildYearlyReport({ centre: year.centre, report, instrument: year.instrument, checkIns: sealed });
    expect(document.goals[0]).toMatchObject({ goalId: 'goal-1', achieved: 'Två föräldragrupper har genomförts.', done: ['Starta föräldragrupp'] });
    expect(document.nextYear.goalsInFocus.map((g) => g.number)).toEqual([3, 4]);
    expect(document.nextYear.actions).toEqual([{ id: 'p1', goalId: 'goal-3', what: 'Fasta tider för BVC i lokalen', who: 'BVC', when: 'VT 2027', goalNumber: 3 }]);
    expect(document.nextYear.costs).toContain('120 000 kr');
    const text = JSON.stringify(document);
    for (const name of PARTICIPANT_NAMES) expect(text).not.toContain(name);
  });

  it('carries each check-in’s profile as four step statuses, and a version-1 check-in’s single stage as it was', () => {
    const { year, report, mayHandIn, octoberHandIn } = aYear();
    const oldMay = { ...mayHandIn, document: legacyCheckIn(mayHandIn.document as CheckInDocumentV2, { now: 1, previous: null }) };
    const document = buildYearlyReport({ centre: year.centre, report, instrument: year.instrument, checkIns: [oldMay, { ...octoberHandIn, document: octoberHandIn.document as CheckInDocument }] });
    expect(document.checkIns[0]).toMatchObject({ stage: 1 });
    expect(document.checkIns[0]).not.toHaveProperty('path');
    expect(document.checkIns[1]).not.toHaveProperty('stage');
    expect(document.checkIns[1]?.path).toEqual([
      { step: 1, status: 'taken' },
      { step: 2, status: 'taken' },
      { step: 3, status: 'onTheWay' },
      { step: 4, status: 'onTheWay' },
    ]);
  });

  it('uses only the newest hand-in when a deadline was handed in twice', () => {
    const { year, report, sealed, octoberHandIn } = aYear();
    const again = { ...octoberHandIn, id: 'again', sequence: 2, sealedAt: '2026-10-12T09:00:00.000Z', document: octoberHandIn.document as CheckInDocument };
    const document = buildYearlyReport({ centre: year.centre, report, instrument: year.instrument, checkIns: [...sealed, again] });
    expect(document.checkIns.map((c) => c.handInId)).toEqual([sealed[1]?.id, 'again']);
  });
});

describe('changes between check-ins of the two document versions', () => {
  function twoCheckIns() {
    const year = centreYear();
    const may = year.round('2026-05-06', 'Våren', mayValues());
    const october = year.round('2026-10-08', 'Hösten', octoberValues(), { previous: may });
    return { may: year.checkIn(may), october: year.checkIn(october) };
  }

  it('names each step of the profile that moved between two version-2 check-ins', () => {
    const { may, october } = twoCheckIns();
    const changes = documentChanges(may, october).filter((change) => change.kind === 'path-step');
    expect(changes).toEqual([
      { kind: 'path-step', step: 1, from: 'onTheWay', to: 'taken' },
      { kind: 'path-step', step: 2, from: 'onTheWay', to: 'taken' },
    ]);
  });

  it('compares the stage numbers of two version-1 check-ins, as before', () => {
    const { may, october } = twoCheckIns();
    const changes = documentChanges(legacyCheckIn(may, { now: 1, previous: null }), legacyCheckIn(october, { now: 3, previous: 1 }));
    expect(changes.filter((change) => change.kind === 'stage' || change.kind === 'path-step')).toEqual([{ kind: 'stage', from: 1, to: 3 }]);
  });

  it('does not call a version-1 hand-in "changed" only because the round now reads as a profile', () => {
    const { october } = twoCheckIns();
    expect(documentChanges(legacyCheckIn(october, { now: 3, previous: 1 }), october)).toEqual([]);
  });
});
