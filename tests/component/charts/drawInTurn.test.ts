import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { drawInTurn } from '@/components/charts/drawInTurn';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(async () => {
  await vi.runAllTimersAsync();
  vi.useRealTimers();
});

describe('drawInTurn', () => {
  it('draws a chart alone at once', () => {
    const draw = vi.fn();
    drawInTurn(draw);
    expect(draw).toHaveBeenCalledTimes(1);
  });

  it('draws charts mounted together later, in order, the first at once', async () => {
    const drawn: string[] = [];
    for (const name of ['bar', 'radar', 'line']) drawInTurn(() => drawn.push(name));
    expect(drawn).toEqual(['bar']);
    await vi.runAllTimersAsync();
    expect(drawn).toEqual(['bar', 'radar', 'line']);
  });

  it('draws at once again once the task that drew a chart is over', async () => {
    drawInTurn(() => undefined);
    await vi.runAllTimersAsync();
    const draw = vi.fn();
    drawInTurn(draw);
    expect(draw).toHaveBeenCalledTimes(1);
  });
});
