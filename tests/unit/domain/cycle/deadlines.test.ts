import { describe, expect, it } from 'vitest';
import {
  checkInPunctuality,
  checkDeadlines,
  cycleStatus,
  deadlineStatus,
  DEFAULT_DEADLINES,
  findDeadline,
  localDay,
  nextDue,
  suggestDeadline,
  type Deadline,
  type HandInRef,
} from '@/domain/cycle/deadlines';

function deadline(id: string): Deadline {
  const found = findDeadline(id);
  if (!found) throw new Error(id);
  return found;
}
const spring = deadline('check-in-spring');

function handIn(deadlineId: string, sealedAt: string, sequence = 1, roundId = 'round-may'): HandInRef {
  return { id: `h-${deadlineId}-${String(sequence)}`, deadlineId, year: 2026, sealedAt, sequence, roundId };
}

describe('the default deadlines (seed 002)', () => {
  it('are the project plan on 1 April, check-ins on 15 May and 15 October and the yearly report on 31 October', () => {
    expect(DEFAULT_DEADLINES.map((d) => [d.id, d.kind, d.monthDay])).toEqual([
      ['project-plan', 'project-plan', '04-01'],
      ['check-in-spring', 'check-in', '05-15'],
      ['check-in-autumn', 'check-in', '10-15'],
      ['yearly-report', 'yearly-report', '10-31'],
    ]);
  });
});

describe('localDay', () => {
  it('is the calendar day in Stockholm, not in UTC: 23:30 on 15 May in Stockholm is still 15 May', () => {
    // Summer time: UTC+2. 21:30Z is 23:30 in Stockholm.
    expect(localDay('2026-05-15T21:30:00.000Z')).toBe('2026-05-15');
    // 22:30Z is 00:30 on 16 May in Stockholm, though still 15 May in UTC.
    expect(localDay('2026-05-15T22:30:00.000Z')).toBe('2026-05-16');
  });

  it('follows winter time too (UTC+1)', () => {
    expect(localDay('2026-01-31T22:59:00.000Z')).toBe('2026-01-31');
    expect(localDay('2026-01-31T23:00:00.000Z')).toBe('2026-02-01');
  });

  it('refuses what is not a timestamp', () => {
    expect(() => localDay('i maj')).toThrow(RangeError);
  });
});

describe('suggestDeadline', () => {
  it('suggests the spring check-in for a round before 15 May and the autumn one after it', () => {
    expect(suggestDeadline('2026-03-10')).toMatchObject({ deadline: { id: 'check-in-spring' }, year: 2026, due: '2026-05-15' });
    expect(suggestDeadline('2026-05-15')?.deadline.id).toBe('check-in-spring');
    expect(suggestDeadline('2026-05-16')?.deadline.id).toBe('check-in-autumn');
  });

  it('suggests next spring for a round after 15 October', () => {
    expect(suggestDeadline('2026-11-20')).toMatchObject({ deadline: { id: 'check-in-spring' }, year: 2027, due: '2027-05-15' });
  });

  it('reads a network’s own dates, and has nothing to suggest without check-ins', () => {
    const own: Deadline[] = [{ id: 'mid-year', kind: 'check-in', monthDay: '06-30', title: { sv: 'Halvår', en: 'Half year' } }];
    expect(suggestDeadline('2026-05-20', own)?.due).toBe('2026-06-30');
    expect(suggestDeadline('2026-05-20', [deadline('yearly-report')])).toBeUndefined();
  });
});

describe('deadlineStatus of the spring check-in', () => {
  it('is upcoming in March and due soon from 1 May (14 days before)', () => {
    expect(deadlineStatus(spring, 2026, [], '2026-03-01')).toMatchObject({ state: 'upcoming', due: '2026-05-15', daysLeft: 75 });
    expect(deadlineStatus(spring, 2026, [], '2026-04-30').state).toBe('upcoming');
    expect(deadlineStatus(spring, 2026, [], '2026-05-01').state).toBe('due-soon');
    expect(deadlineStatus(spring, 2026, [], '2026-05-15')).toMatchObject({ state: 'due-soon', daysLeft: 0 });
  });

  it('is late from 16 May with nothing handed in', () => {
    expect(deadlineStatus(spring, 2026, [], '2026-05-16')).toMatchObject({ state: 'late', daysLeft: -1, handIns: 0 });
  });

  it('is on time when handed in by the end of 15 May in Stockholm, late from just after midnight', () => {
    expect(deadlineStatus(spring, 2026, [handIn('check-in-spring', '2026-05-15T21:59:00.000Z')], '2026-06-01').state).toBe('on-time');
    expect(deadlineStatus(spring, 2026, [handIn('check-in-spring', '2026-05-15T22:01:00.000Z')], '2026-06-01').state).toBe('handed-in-late');
  });

  it('stays on time when a corrected hand-in follows after the deadline; the newest is the one to read', () => {
    const status = deadlineStatus(
      spring,
      2026,
      [handIn('check-in-spring', '2026-05-20T08:00:00.000Z', 2), handIn('check-in-spring', '2026-05-12T08:00:00.000Z', 1)],
      '2026-06-01',
    );
    expect(status).toMatchObject({ state: 'on-time', handIns: 2, first: { sequence: 1 }, latest: { sequence: 2 } });
  });

  it('counts only hand-ins for this deadline and year', () => {
    const other = [handIn('check-in-autumn', '2026-05-10T08:00:00.000Z'), { ...handIn('check-in-spring', '2025-05-10T08:00:00.000Z'), year: 2025 }];
    expect(deadlineStatus(spring, 2026, other, '2026-05-20').state).toBe('late');
  });

  it('says when the round was changed after its newest hand-in', () => {
    const handIns = [handIn('check-in-spring', '2026-05-12T08:00:00.000Z')];
    expect(deadlineStatus(spring, 2026, handIns, '2026-06-01').changedAfterHandIn).toBe(false);
    expect(deadlineStatus(spring, 2026, handIns, '2026-06-01', new Set(['round-may']))).toMatchObject({ state: 'on-time', changedAfterHandIn: true });
    expect(deadlineStatus(spring, 2026, handIns, '2026-06-01', new Set(['round-other'])).changedAfterHandIn).toBe(false);
  });

  it('reads a timestamp for today as a Stockholm day', () => {
    // 22:30Z on 15 May is already 16 May in Stockholm.
    expect(deadlineStatus(spring, 2026, [], '2026-05-15T22:30:00.000Z').state).toBe('late');
  });
});

describe('cycleStatus and nextDue', () => {
  const handIns = [handIn('project-plan', '2026-03-28T10:00:00.000Z', 1, 'none'), handIn('check-in-spring', '2026-05-12T10:00:00.000Z')];

  it('lists the year in date order with each deadline’s state', () => {
    expect(cycleStatus(2026, handIns, '2026-10-05').map((s) => [s.deadline.id, s.state])).toEqual([
      ['project-plan', 'on-time'],
      ['check-in-spring', 'on-time'],
      ['check-in-autumn', 'due-soon'],
      ['yearly-report', 'upcoming'],
    ]);
  });

  it('names the next deadline not yet handed in, skipping the ones already in', () => {
    const planOnly = handIns.slice(0, 1);
    expect(nextDue('2026-03-30', planOnly)).toMatchObject({ deadline: { id: 'check-in-spring' }, due: '2026-05-15' });
    expect(nextDue('2026-03-01')).toMatchObject({ deadline: { id: 'project-plan' }, due: '2026-04-01' });
    expect(nextDue('2026-05-20', handIns)?.deadline.id).toBe('check-in-autumn');
  });

  it('goes on into next year after 31 October', () => {
    expect(nextDue('2026-11-02', handIns)).toMatchObject({ deadline: { id: 'project-plan' }, year: 2027, due: '2027-04-01' });
  });
});

describe('a network’s own deadlines', () => {
  it('accepts the defaults and dates of its own', () => {
    expect(checkDeadlines(DEFAULT_DEADLINES)).toEqual({ ok: true, deadlines: DEFAULT_DEADLINES });
    expect(checkDeadlines([{ id: 'plan', kind: 'project-plan', monthDay: '02-29', title: { sv: 'Plan', en: 'Plan' } }]).ok).toBe(true);
  });

  it('refuses a day that does not exist, an unknown kind and an id used twice, naming where', () => {
    const bad = [
      { id: 'a', kind: 'check-in', monthDay: '02-30', title: { sv: 'A', en: 'A' } },
      { id: 'b', kind: 'budget', monthDay: '05-15', title: { sv: 'B', en: 'B' } },
    ];
    expect(checkDeadlines(bad)).toEqual({ ok: false, paths: ['[0].monthDay', '[1].kind'] });
    const twice = [DEFAULT_DEADLINES[0], DEFAULT_DEADLINES[0]];
    expect(checkDeadlines(twice).ok).toBe(false);
  });
});

describe('checkInPunctuality: the goal-5 fact "hand-ins on time"', () => {
  it('counts only the year’s written check-ins whose due day has passed or that are handed in', () => {
    // 1 June: the spring check-in (15 May) is due, the autumn one (15 October) is not; the project plan
    // (1 April) is past but is not a check-in.
    expect(checkInPunctuality(2026, [], '2026-06-01')).toEqual({ year: 2026, due: 1, onTime: 0, late: 0, missing: 1 });
    expect(checkInPunctuality(2026, [handIn('check-in-spring', '2026-05-15T20:00:00.000Z')], '2026-06-01')).toEqual({ year: 2026, due: 1, onTime: 1, late: 0, missing: 0 });
  });

  it('reads on time or late from the first hand-in, a Stockholm day, like the deadline table', () => {
    // 22:30 UTC on 15 May is 00:30 on 16 May in Stockholm: late. A correction later does not change it.
    const late = [handIn('check-in-spring', '2026-05-15T22:30:00.000Z'), handIn('check-in-spring', '2026-05-20T08:00:00.000Z', 2)];
    expect(checkInPunctuality(2026, late, '2026-11-01')).toEqual({ year: 2026, due: 2, onTime: 0, late: 1, missing: 1 });
  });

  it('counts an autumn check-in handed in early, before its due day, as on time', () => {
    const early = [handIn('check-in-spring', '2026-05-10T08:00:00.000Z'), handIn('check-in-autumn', '2026-09-30T08:00:00.000Z', 1, 'round-sep')];
    expect(checkInPunctuality(2026, early, '2026-10-01')).toEqual({ year: 2026, due: 2, onTime: 2, late: 0, missing: 0 });
  });

  it('counts nothing before the first check-in of the year is due', () => {
    expect(checkInPunctuality(2026, [], '2026-03-01')).toEqual({ year: 2026, due: 0, onTime: 0, late: 0, missing: 0 });
  });
});
