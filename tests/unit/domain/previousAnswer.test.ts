import { describe, expect, it } from 'vitest';
import { answerChange, nextLevel, previousRoundOf } from '@/domain/previousAnswer';

describe('the previous round and the change since it', () => {
  const rounds = [{ id: 'r3' }, { id: 'r2' }, { id: 'r1' }];

  it('takes the round after this one in the newest-first list', () => {
    expect(previousRoundOf(rounds, 'r3')?.id).toBe('r2');
    expect(previousRoundOf(rounds, 'r1')).toBeUndefined();
    expect(previousRoundOf(rounds, 'unknown')).toBeUndefined();
  });

  it('has a change only between two ratings', () => {
    expect(answerChange(2, 3)).toBe(1);
    expect(answerChange(3, 3)).toBe(0);
    expect(answerChange(4, 2)).toBe(-2);
    expect(answerChange('dont-know', 3)).toBeNull();
    expect(answerChange(2, null)).toBeNull();
    expect(answerChange(undefined, 2)).toBeNull();
  });

  it('names the next level above the chosen one', () => {
    const levels = [{ value: 1 }, { value: 2 }, { value: 3 }, { value: 4 }];
    expect(nextLevel(levels, 2)?.value).toBe(3);
    expect(nextLevel(levels, 4)).toBeUndefined();
    expect(nextLevel(levels, 'not-relevant')).toBeUndefined();
    expect(nextLevel(levels, null)).toBeUndefined();
  });
});
