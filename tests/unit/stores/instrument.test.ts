import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { InstrumentError } from '@/domain/instrument';
import { loadDefaultInstrument } from '@/instrument';
import { useInstrumentStore } from '@/stores/instrument';
import { smallInstrument } from '../../fixtures/instruments';

vi.mock('@/instrument', () => ({ loadDefaultInstrument: vi.fn() }));
const load = vi.mocked(loadDefaultInstrument);

beforeEach(() => {
  setActivePinia(createPinia());
  load.mockReset();
});

describe('instrument store', () => {
  it('loads the instrument once, however many callers ask at the same time', async () => {
    load.mockResolvedValue(smallInstrument);
    const store = useInstrumentStore();
    const [a, b] = await Promise.all([store.load(), store.load()]);
    await store.load();
    expect(a).toBe(smallInstrument);
    expect(b).toBe(smallInstrument);
    expect(store.instrument).toBe(smallInstrument);
    expect(load).toHaveBeenCalledOnce();
  });

  it('shows the reason when the instrument is broken, and tries again on the next load', async () => {
    load.mockRejectedValueOnce(new InstrumentError([{ path: 'goals', message: 'missing' }]));
    load.mockResolvedValueOnce(smallInstrument);
    const store = useInstrumentStore();
    await expect(store.load()).resolves.toBeUndefined();
    expect(store.error).toBe('Invalid instrument: goals: missing');
    expect(store.instrument).toBeUndefined();

    await expect(store.load()).resolves.toBe(smallInstrument);
    expect(load).toHaveBeenCalledTimes(2);
    expect(store.instrument).toBe(smallInstrument);
  });

  it('shows a failure that is not an Error as text', async () => {
    load.mockRejectedValueOnce('offline');
    const store = useInstrumentStore();
    await store.load();
    expect(store.error).toBe('offline');
  });
});
