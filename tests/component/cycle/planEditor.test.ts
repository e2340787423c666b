import { describe, expect, it } from 'vitest';
import { newTarget, statementOf } from '@/components/cycle/planEditor';
import { smallInstrument } from '../../fixtures/instruments';

const goal = smallInstrument.goals[0];
const levels = smallInstrument.scale.levels;
const text = (value: { sv: string }) => value.sv;

describe('a new sub-goal', () => {
  if (!goal) throw new Error('fixture');

  it('aims one step above the last rating of the goal’s first statement, starting from it', () => {
    expect(newTarget(goal, levels, new Map([['a-1', 2]]))).toMatchObject({ goalId: goal.id, itemId: 'a-1', level: 3, startLevel: 2, by: '', services: [], actionIds: [] });
  });

  it('aims at the top when already there, and when the statement was not rated (or not rateable)', () => {
    const top = Math.max(...levels.map((level) => level.value));
    expect(newTarget(goal, levels, new Map([['a-1', top]]))).toMatchObject({ level: top, startLevel: top });
    expect(newTarget(goal, levels, new Map())).toMatchObject({ level: top, startLevel: null });
    expect(newTarget(goal, levels, new Map([['a-1', 'dont-know' as const]]))).toMatchObject({ level: top, startLevel: null });
  });

  it('names its statement in the group’s words or the instrument’s', () => {
    const own = { id: 'own-1', centreId: 'c', goalId: goal.id, text: 'Vi möter varje familj', levels: [], retired: false, createdAt: '', updatedAt: '' };
    expect(statementOf('own-1', goal, [own], text)).toBe('Vi möter varje familj');
    expect(statementOf('a-2', goal, [own], text)).toBe('Påstående A2');
  });
});
