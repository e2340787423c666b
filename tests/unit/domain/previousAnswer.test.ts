import { describe, expect, it } from 'vitest';
import { answerChange, nextLevel } from '@/domain/previousAnswer';

describe('the change since last round and the next level', () => {
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
