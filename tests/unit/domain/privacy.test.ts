import { describe, expect, it } from 'vitest';
import { createAction } from '@/domain/actions';
import { actionsWithoutNames, hasNames, whoWithoutNames, withoutNames } from '@/domain/privacy';
import { participant } from '../../fixtures/records';

const anna = participant('Anna Andersson', 'BVC', 'p-anna');
const noName = participant('', 'BMM', 'p-bmm');
const bo = participant('Bo', 'Socialtjänst', 'p-bo');

describe('names in a round', () => {
  it('counts a round as named only when someone has more than a role', () => {
    expect(hasNames([noName, participant('   ', 'BVC')])).toBe(false);
    expect(hasNames([noName, anna])).toBe(true);
  });

  it('takes every name away and keeps ids and roles, so ratings stay attached', () => {
    expect(withoutNames([anna, noName])).toEqual([
      { id: 'p-anna', name: '', role: 'BVC' },
      { id: 'p-bmm', name: '', role: 'BMM' },
    ]);
  });

  it('replaces a "who" that is a participant\'s name, whatever its case and spacing, by the role', () => {
    expect(whoWithoutNames('Anna Andersson', [anna, bo])).toBe('BVC');
    expect(whoWithoutNames('  bo ', [anna, bo])).toBe('Socialtjänst');
    expect(whoWithoutNames('Bo och BVC', [anna, bo])).toBe('Bo och BVC');
    expect(whoWithoutNames('BMM', [anna, noName])).toBe('BMM');
    // A participant without a name must not match an empty or blank "who".
    expect(whoWithoutNames('', [noName])).toBe('');
  });

  it('returns only the actions that change, with a new timestamp', () => {
    const byAnna = createAction({ what: 'Bjud in', who: 'Anna Andersson', due: '', status: 'planned' }, 'c', 'r', 'goal-1', '2026-01-01T00:00:00.000Z');
    const byService = createAction({ what: 'Utbildning', who: 'BMM', due: '', status: 'planned' }, 'c', 'r', 'goal-2', '2026-01-01T00:00:00.000Z');
    expect(actionsWithoutNames([byAnna, byService], [anna], '2026-03-01T10:00:00.000Z')).toEqual([
      { ...byAnna, who: 'BVC', updatedAt: '2026-03-01T10:00:00.000Z' },
    ]);
  });
});
