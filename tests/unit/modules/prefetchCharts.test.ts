import { beforeEach, describe, expect, it, vi } from 'vitest';

const load = vi.fn(() => Promise.resolve({}));
vi.mock('@/components/charts/loadChartCanvas', () => ({ loadChartCanvas: load }));

const { prefetchChartsWhenIdle } = await import('@/modules/router');

describe('prefetchChartsWhenIdle', () => {
  beforeEach(() => load.mockClear());

  it('fetches Chart.js when idle on the centre page, the way to the charts', () => {
    const idle = vi.fn((run: () => void) => {
      run();
      return () => undefined;
    });
    prefetchChartsWhenIdle('centre', idle);
    expect(idle).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('waits for the idle time: nothing is fetched before it comes', () => {
    const waiting: (() => void)[] = [];
    prefetchChartsWhenIdle('centre', (run) => {
      waiting.push(run);
      return () => undefined;
    });
    expect(load).not.toHaveBeenCalled();
    waiting[0]?.();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('gives back the idle wait\'s cancel, so that moving on before it comes fetches nothing', () => {
    let pending: (() => void) | undefined;
    const cancel = prefetchChartsWhenIdle('centre', (run) => {
      pending = run;
      return () => (pending = undefined);
    });
    cancel();
    pending?.();
    expect(load).not.toHaveBeenCalled();
  });

  it('never on the questionnaire or the start page', () => {
    const idle = vi.fn((run: () => void) => {
      run();
      return () => undefined;
    });
    for (const name of ['round', 'goal', 'individual', 'centres', undefined, Symbol('x')]) prefetchChartsWhenIdle(name, idle);
    expect(idle).not.toHaveBeenCalled();
    expect(load).not.toHaveBeenCalled();
  });
});
