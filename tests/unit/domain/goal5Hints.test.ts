import { describe, expect, it } from 'vitest';
import { goal5Hints, roundsInYear } from '@/domain/goal5Hints';

describe('goal 5 hints: facts the app holds, beside the statements', () => {
  it('counts the rounds dated in this round’s year', () => {
    expect(roundsInYear([{ date: '2026-04-20' }, { date: '2026-10-10' }, { date: '2025-10-01' }], '2026-10-10')).toBe(2);
  });

  it('gives a hint per known fact, and none on follow-up in a first round', () => {
    const hints = goal5Hints({ roundDate: '2026-10-10', roundsThisYear: 2, actions: [{ status: 'planned' }, { status: 'dropped' }], review: undefined, localGoals: 3 });
    expect(hints.get('g5-regular-rounds')).toEqual({ kind: 'roundsThisYear', count: 2, year: '2026' });
    expect(hints.get('g5-action-plan')).toEqual({ kind: 'actionPlan', count: 1 });
    expect(hints.get('g5-local-goals')).toEqual({ kind: 'localGoals', count: 3 });
    expect(hints.has('g5-follow-up')).toBe(false);
  });

  it('says how many of last round’s actions are still open to follow up', () => {
    const hints = goal5Hints({ roundDate: '2026-10-10', roundsThisYear: 2, actions: [], review: { stillOpen: 2, done: false }, localGoals: 0 });
    expect(hints.get('g5-follow-up')).toEqual({ kind: 'followedUp', stillOpen: 2, reviewDone: false });
  });

  it('says how many written check-ins of the year were handed in on time, and none while none is due', () => {
    const base = { roundDate: '2026-10-10', roundsThisYear: 2, actions: [], review: undefined, localGoals: 0 };
    const hints = goal5Hints({ ...base, checkIns: { year: 2026, due: 2, onTime: 1, late: 1, missing: 0 } });
    expect(hints.get('g5-written-check-in')).toEqual({ kind: 'onTime', year: 2026, due: 2, onTime: 1, late: 1, missing: 0 });
    expect(goal5Hints({ ...base, checkIns: { year: 2026, due: 0, onTime: 0, late: 0, missing: 0 } }).has('g5-written-check-in')).toBe(false);
    expect(goal5Hints(base).has('g5-written-check-in')).toBe(false);
  });
});
