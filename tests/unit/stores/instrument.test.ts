import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { repository } from '../../fixtures/repository';
import { UNDO_WINDOW_MS } from '@/domain/deletions';
import { InstrumentError } from '@/domain/instrument';
import { createCentre, createRound } from '@/domain/records';
import { loadBuiltInInstruments } from '@/instrument';
import { CURRENT_INSTRUMENT_KEY, useInstrumentStore } from '@/stores/instrument';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { smallInstrument } from '../../fixtures/instruments';
import { networkVersion } from '../../fixtures/localItems';
import { centreInput, roundInput } from '../../fixtures/records';

vi.mock('@/instrument', () => ({ loadBuiltInInstruments: vi.fn() }));
const load = vi.mocked(loadBuiltInInstruments);
const network = networkVersion(smallInstrument, '3.0.0');

beforeEach(async () => {
  await emptyAppDatabase();
  setActivePinia(createPinia());
  load.mockReset();
});

describe('instrument store: the shipped instrument', () => {
  it('loads the instrument once, however many callers ask at the same time', async () => {
    load.mockResolvedValue([smallInstrument]);
    const store = useInstrumentStore();
    const [a, b] = await Promise.all([store.load(), store.load()]);
    await store.load();
    expect(a).toBe(smallInstrument);
    expect(b).toBe(smallInstrument);
    expect(store.current).toBe(smallInstrument);
    expect(store.shipped).toBe(smallInstrument);
    expect(load).toHaveBeenCalledOnce();
  });

  it('shows the reason when the instrument is broken, and tries again on the next load', async () => {
    load.mockRejectedValueOnce(new InstrumentError([{ path: 'goals', message: 'missing', kind: 'field' }]));
    load.mockResolvedValueOnce([smallInstrument]);
    const store = useInstrumentStore();
    await expect(store.load()).resolves.toBeUndefined();
    expect(store.error).toBe('Invalid instrument: goals: missing');
    expect(store.current).toBeUndefined();

    await expect(store.load()).resolves.toBe(smallInstrument);
    expect(load).toHaveBeenCalledTimes(2);
    expect(store.current).toBe(smallInstrument);
    expect(store.error).toBeUndefined();
  });

  it('shows a failure that is not an Error as text', async () => {
    load.mockRejectedValueOnce('offline');
    const store = useInstrumentStore();
    await store.load();
    expect(store.error).toBe('offline');
  });
});

describe('instrument store: every shipped version', () => {
  const older = { ...smallInstrument, version: '0.9.0' };

  it('lists every shipped version as built in, newest first, and new rounds use the newest', async () => {
    load.mockResolvedValue([smallInstrument, older]);
    const store = useInstrumentStore();
    await store.load();
    expect(store.builtIn).toEqual([smallInstrument, older]);
    expect(store.all).toEqual([smallInstrument, older]);
    expect(store.shipped).toBe(smallInstrument);
    expect(store.current).toBe(smallInstrument);
    expect(store.isShipped(older)).toBe(true);
    expect(store.isShipped(network)).toBe(false);
    // A new round is offered the newest shipped version only; the older one stays for its rounds.
    expect(store.forNewRounds).toEqual([smallInstrument]);
  });

  it('shows a round answered with an older shipped version with that version, not the newest', async () => {
    load.mockResolvedValue([smallInstrument, older]);
    const store = useInstrumentStore();
    await store.load();
    const centre = createCentre(centreInput());
    const round = createRound(centre.id, roundInput(), older);
    expect(store.forRound(round)).toBe(older);
  });
});

describe('instrument store: network instruments', () => {
  beforeEach(() => {
    load.mockResolvedValue([smallInstrument]);
  });

  it('installs a network version, makes it the one new rounds use and remembers that choice', async () => {
    const store = useInstrumentStore();
    await store.load();
    await store.install(network, 'natverket.json', true);
    expect(store.all.map((instrument) => instrument.version)).toEqual(['2.1.0', '3.0.0']);
    expect(store.current).toEqual(network);
    expect(await repository.getSetting(CURRENT_INSTRUMENT_KEY)).toBe(`${network.id}@3.0.0`);

    // A new session (a reload) finds the same choice.
    setActivePinia(createPinia());
    const again = useInstrumentStore();
    await again.load();
    expect(again.current).toEqual(network);
  });

  it('installs without changing the choice when asked not to', async () => {
    const store = useInstrumentStore();
    await store.load();
    await store.install(network, 'natverket.json', false);
    expect(store.current).toBe(smallInstrument);
    expect(store.installed.map((entry) => entry.fileName)).toEqual(['natverket.json']);
  });

  it('finds each round\'s own version, and nothing for a version the device does not hold', async () => {
    const store = useInstrumentStore();
    await store.load();
    await store.install(network, 'natverket.json', false);
    const centre = createCentre(centreInput());
    const old = createRound(centre.id, roundInput(), smallInstrument);
    const newer = createRound(centre.id, roundInput(), network);
    expect(store.forRound(old)).toBe(smallInstrument);
    expect(store.forRound(newer)).toEqual(network);
    expect(store.forRound({ instrumentId: smallInstrument.id, instrumentVersion: '0.0.1' })).toBeUndefined();
    expect(store.forRound(undefined)).toBeUndefined();
    expect(store.isShipped(smallInstrument)).toBe(true);
    expect(store.isShipped(network)).toBe(false);
  });

  it('falls back to the shipped instrument when the chosen one is no longer installed', async () => {
    await repository.setSetting(CURRENT_INSTRUMENT_KEY, 'gone@1.0.0');
    const store = useInstrumentStore();
    await store.load();
    expect(store.current).toBe(smallInstrument);
  });

  it('removes an instrument no round uses, and keeps one a round was answered with', async () => {
    const store = useInstrumentStore();
    await store.load();
    await store.install(network, 'natverket.json', true);
    const centre = createCentre(centreInput());
    await repository.addCentre(centre);
    const round = createRound(centre.id, roundInput(), network);
    await repository.addRound(round);

    await expect(store.uninstall(network)).resolves.toBe(false);
    expect(store.all).toHaveLength(2);

    await repository.softDeleteRound(round.id);
    // A deleted round can still be restored with undo: its instrument stays.
    await expect(store.uninstall(network)).resolves.toBe(false);
    await repository.purgeExpired(Date.now() + UNDO_WINDOW_MS);
    await expect(store.uninstall(network)).resolves.toBe(true);
    await nextTick();
    expect(store.all).toEqual([smallInstrument]);
    expect(store.current).toBe(smallInstrument);
  });

  it('never lists the shipped instrument twice, even if a file installed a copy of it', async () => {
    await repository.installInstrument(smallInstrument, 'kopia.json');
    const store = useInstrumentStore();
    await store.load();
    expect(store.all).toEqual([smallInstrument]);
  });
});
