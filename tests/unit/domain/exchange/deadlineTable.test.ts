import { describe, expect, it } from 'vitest';
import { centreCycles, changedRoundsOfFile, cycleYears, deadlineTable, defaultCycleYear, handInsAlike } from '@/domain/exchange/handInsAcross';
import { instrument } from '../../../fixtures/cycle';
import { districtFile } from '../../../fixtures/handInFiles';

const GOAL3 = { reflection: 'Vi delar lokal.', action: 'Gemensam reception' };

/** Rinkeby on time in May, Alby late in May (20 May), Kista never; all exported 20 October. */
const rinkeby = districtFile({ id: 'c-rinkeby', name: 'Familjecentralen Rinkeby', mayAt: '2026-05-12T09:00:00.000Z', octoberAt: '2026-10-09T09:00:00.000Z', goal3: GOAL3 }, '2026-10-20T10:00:00.000Z');
const alby = districtFile({ id: 'c-alby', name: 'Familjecentralen Alby', mayAt: '2026-05-20T09:00:00.000Z', goal3: GOAL3 }, '2026-10-20T10:00:00.000Z');
const kista = districtFile({ id: 'c-kista', name: 'Familjecentralen Kista', goal3: GOAL3 }, '2026-10-20T10:00:00.000Z');

const cycles = () => centreCycles([rinkeby, alby, kista], [instrument]);
const cell = (table: ReturnType<typeof deadlineTable>, name: string, deadlineId: string) => {
  const row = table.rows.find((r) => r.name === name);
  return row?.cells.find((c) => c.deadline.id === deadlineId);
};

describe('deadlineTable', () => {
  it('has the centres in name order and the four deadlines in date order', () => {
    const table = deadlineTable(cycles(), 2026, '2026-10-20');
    expect(table.rows.map((r) => r.name)).toEqual(['Familjecentralen Alby', 'Familjecentralen Kista', 'Familjecentralen Rinkeby']);
    expect(table.deadlines.map((d) => d.id)).toEqual(['project-plan', 'check-in-spring', 'check-in-autumn', 'yearly-report']);
    expect(table.rows.every((r) => r.cells.length === 4)).toBe(true);
  });

  it('before 15 May: the spring check-in is not yet due, and due soon in its last two weeks', () => {
    const april = deadlineTable(cycles(), 2026, '2026-04-20');
    expect(cell(april, 'Familjecentralen Kista', 'check-in-spring')?.state).toBe('upcoming');
    expect(cell(april, 'Familjecentralen Kista', 'project-plan')?.state).toBe('late');
    expect(cell(april, 'Familjecentralen Kista', 'yearly-report')?.state).toBe('upcoming');
    const early = deadlineTable(cycles(), 2026, '2026-05-05');
    expect(cell(early, 'Familjecentralen Kista', 'check-in-spring')).toMatchObject({ state: 'due-soon', daysLeft: 10, handIns: 0, firstDay: null });
  });

  it('handed in on time, handed in late, and missing once the day has passed', () => {
    const table = deadlineTable(cycles(), 2026, '2026-10-20');
    expect(cell(table, 'Familjecentralen Rinkeby', 'check-in-spring')).toMatchObject({ state: 'on-time', firstDay: '2026-05-12', latestDay: '2026-05-12', handIns: 1 });
    expect(cell(table, 'Familjecentralen Alby', 'check-in-spring')).toMatchObject({ state: 'handed-in-late', firstDay: '2026-05-20' });
    expect(cell(table, 'Familjecentralen Kista', 'check-in-spring')?.state).toBe('late');
    expect(cell(table, 'Familjecentralen Alby', 'check-in-autumn')?.state).toBe('late');
    expect(cell(table, 'Familjecentralen Rinkeby', 'check-in-autumn')?.state).toBe('on-time');
    expect(cell(table, 'Familjecentralen Rinkeby', 'yearly-report')).toMatchObject({ state: 'due-soon', daysLeft: 11 });
  });

  it('a hand-in sealed at 23:30 on 15 May in Stockholm is on time', () => {
    const late = districtFile({ id: 'c-late', name: 'Familjecentralen Sent', mayAt: '2026-05-15T21:30:00.000Z', goal3: GOAL3 }, '2026-10-20T10:00:00.000Z');
    const table = deadlineTable(centreCycles([late], [instrument]), 2026, '2026-06-01');
    expect(cell(table, 'Familjecentralen Sent', 'check-in-spring')).toMatchObject({ state: 'on-time', firstDay: '2026-05-15' });
  });

  it('says when the centre changed a round after handing it in, and not before', () => {
    expect(changedRoundsOfFile(rinkeby, [instrument]).size).toBe(0);
    expect(cell(deadlineTable(cycles(), 2026, '2026-10-20'), 'Familjecentralen Rinkeby', 'check-in-spring')?.changedAfterHandIn).toBe(false);
    const edited = structuredClone(rinkeby);
    const mayRound = edited.rounds.find((r) => r.title === 'Avstämning våren 2026');
    const reflection = edited.reflections.find((r) => r.roundId === mayRound?.id && r.goalId === 'goal-3');
    if (!reflection) throw new Error('no reflection');
    reflection.note = 'Omskriven efter inlämningen.';
    expect([...changedRoundsOfFile(edited, [instrument])]).toEqual([mayRound?.id]);
    const table = deadlineTable(centreCycles([edited], [instrument]), 2026, '2026-10-20');
    expect(cell(table, 'Familjecentralen Rinkeby', 'check-in-spring')?.changedAfterHandIn).toBe(true);
    expect(cell(table, 'Familjecentralen Rinkeby', 'check-in-autumn')?.changedAfterHandIn).toBe(false);
  });

  it('the October review of a May action is not a change of the May round', () => {
    // The fixture marks the May action done in October; the May hand-in keeps "ongoing" and stays unchanged.
    const mayHandIn = rinkeby.handIns.find((h) => h.deadlineId === 'check-in-spring');
    expect(mayHandIn?.document.kind === 'check-in' && mayHandIn.document.goals.find((g) => g.goalId === 'goal-3')?.nextSteps[0]?.status).toBe('ongoing');
    expect(changedRoundsOfFile(rinkeby, [instrument]).has(mayHandIn?.roundId ?? '')).toBe(false);
  });

  it('a round deleted after hand-in is a change; one whose instrument the device lacks is not guessed at', () => {
    expect(changedRoundsOfFile(rinkeby, []).size).toBe(0);
    const deleted = structuredClone(rinkeby);
    const [may] = deleted.rounds;
    deleted.rounds = deleted.rounds.slice(1);
    // October's check-in counted from May, so without May it reads differently too.
    expect(changedRoundsOfFile(deleted, [instrument])).toEqual(new Set([may?.id, deleted.rounds[0]?.id]));
  });
});

describe('years and hand-ins of one deadline', () => {
  it('offers every year with a hand-in and this year, newest first; shows this year when it has hand-ins', () => {
    const c = cycles();
    expect(cycleYears(c, '2027-01-10')).toEqual([2027, 2026]);
    expect(defaultCycleYear(c, '2027-01-10')).toBe(2026);
    expect(defaultCycleYear(c, '2026-10-20')).toBe(2026);
    expect(defaultCycleYear([], '2026-10-20')).toBe(2026);
  });

  it('lists the hand-ins of the same deadline and year, first first', () => {
    const [first] = rinkeby.handIns;
    if (!first) throw new Error('no hand-in');
    const second = { ...first, id: 'second', sequence: 2, sealedAt: '2026-05-14T09:00:00.000Z' };
    const other = rinkeby.handIns.find((h) => h.deadlineId === 'check-in-autumn');
    const all = [second, ...(other ? [other] : []), first];
    expect(handInsAlike(all, second).map((h) => h.id)).toEqual([first.id, 'second']);
  });
});
