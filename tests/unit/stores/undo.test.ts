import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { repository } from '../../fixtures/repository';
import { roundRepository } from '@/db/rounds';
import { UNDO_WINDOW_MS } from '@/domain/deletions';
import { createCentre, createRound } from '@/domain/records';
import type { Centre, Round } from '@/domain/types';
import { currentLocale, setLocale, translate } from '@/i18n';
import { useCentresStore } from '@/stores/centres';
import { useRoundsStore } from '@/stores/rounds';
import { useUndoStore } from '@/stores/undo';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { smallInstrument } from '../../fixtures/instruments';
import { centreInput, roundInput } from '../../fixtures/records';

/*
 * The undo store on the app's database (fake-indexeddb). The clock and the store's timers are fake;
 * IndexedDB keeps its own (setImmediate) scheduling.
 */

let undo: ReturnType<typeof useUndoStore>;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  vi.setSystemTime(new Date('2026-03-10T09:00:00.000Z'));
  await emptyAppDatabase();
  setActivePinia(createPinia());
  undo = useUndoStore();
});

afterEach(() => {
  undo.$dispose();
  vi.useRealTimers();
  setLocale('sv');
});

async function addCentre(name: string): Promise<Centre> {
  const centre = createCentre(centreInput({ name }));
  await repository.addCentre(centre);
  return centre;
}

/** A round with one answer and one reflection, so that "with everything under it" is checked. */
async function addRound(centre: Centre, title: string): Promise<Round> {
  const round = createRound(centre.id, roundInput({ title }), smallInstrument);
  await repository.addRound(round);
  await repository.saveAnswer(round.id, 'goal-a', 'a-1', { value: 3, note: `Svar i ${title}` });
  await repository.saveReflection(round.id, 'goal-a', { note: `Reflektion i ${title}` });
  return (await repository.getRound(round.id)) ?? round;
}

/** The toasts' texts as the toast shows them: the store keeps keys, put into words in the language of the moment. */
function messages(store = undo): string[] {
  return store.toasts.map((toast) => translate(currentLocale.value, toast.message.key, toast.message.params));
}

async function undoToast(message: string, store = undo): Promise<void> {
  const toast = store.toasts.find((candidate) => translate(currentLocale.value, candidate.message.key, candidate.message.params) === message);
  if (!toast) throw new Error(`no toast "${message}" among ${JSON.stringify(messages(store))}`);
  await store.undo(toast.key);
}

/**
 * Waits for the database and the live queries without moving the fake clock (vi.waitFor would
 * advance it), so that every moment in these tests is exact.
 */
async function until(check: () => unknown): Promise<void> {
  let failure: unknown;
  for (let attempt = 0; attempt < 500; attempt += 1) {
    try {
      await check();
      return;
    } catch (error) {
      failure = error;
      // Dexie hands its notifications on with zero-delay timers: run those, the clock stays.
      await vi.advanceTimersByTimeAsync(0);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  throw failure;
}

/** Lets the clock run and the store's timers fire, then lets the database settle. */
async function pass(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  for (let i = 0; i < 20; i += 1) {
    await vi.advanceTimersByTimeAsync(0);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('undo store', () => {
  it('has no toast when nothing is deleted', async () => {
    await pass(0);
    expect(undo.toasts).toEqual([]);
  });

  it('delete A, delete B, undo B: B comes back with its answers and A can still be undone', async () => {
    const centre = await addCentre('Alby');
    const a = await addRound(centre, 'A');
    const b = await addRound(centre, 'B');
    const rounds = useRoundsStore();
    await rounds.remove(a);
    await pass(1000);
    await rounds.remove(b);
    await until(() => expect(messages()).toEqual(['Omgången ”A” togs bort.', 'Omgången ”B” togs bort.']));

    await undoToast('Omgången ”B” togs bort.');
    expect(await repository.getRound(b.id)).toEqual(b);
    expect(await repository.listAnswers(b.id)).toMatchObject([{ itemId: 'a-1', value: 3, note: 'Svar i B' }]);
    expect(await repository.listReflections(b.id)).toMatchObject([{ note: 'Reflektion i B' }]);
    await until(() => expect(messages()).toEqual(['Omgången ”A” togs bort.']));
    expect(await db.rounds.get(a.id)).toHaveProperty('deletedAt');

    await undoToast('Omgången ”A” togs bort.');
    expect((await repository.listRounds(centre.id)).map((round) => round.title).sort()).toEqual(['A', 'B']);
    expect(await repository.listAnswers(a.id)).toHaveLength(1);
  });

  it('the same with two centres: undoing the second never touches the first', async () => {
    const alby = await addCentre('Alby');
    const fittja = await addCentre('Fittja');
    const albyRound = await addRound(alby, 'Alby VT');
    const fittjaRound = await addRound(fittja, 'Fittja VT');
    const centres = useCentresStore();
    await centres.remove(alby);
    await centres.remove(fittja);
    await until(() => expect(messages()).toHaveLength(2));

    await undoToast('Familjecentralen ”Fittja” togs bort.');
    expect(await repository.listCentres()).toEqual([fittja]);
    expect(await repository.listAnswers(fittjaRound.id)).toHaveLength(1);
    await until(() => expect(messages()).toEqual(['Familjecentralen ”Alby” togs bort.']));

    await pass(UNDO_WINDOW_MS);
    await until(async () => expect(await db.centres.get(alby.id)).toBeUndefined());
    expect(await db.rounds.get(albyRound.id)).toBeUndefined();
    expect(await repository.listCentres()).toEqual([fittja]);
    expect(await repository.getRound(fittjaRound.id)).toEqual(fittjaRound);
    expect(undo.toasts).toEqual([]);
    centres.$dispose();
  });

  it('purges each deletion when its own window has passed, and not a moment before', async () => {
    const centre = await addCentre('Alby');
    const a = await addRound(centre, 'A');
    const b = await addRound(centre, 'B');
    await repository.softDeleteRound(a.id);
    await pass(5000);
    await repository.softDeleteRound(b.id);
    await until(() => expect(messages()).toHaveLength(2));

    await pass(UNDO_WINDOW_MS - 5000 - 1);
    expect(await db.rounds.get(a.id)).toHaveProperty('deletedAt');
    expect(messages()).toHaveLength(2);
    await pass(1);
    await until(async () => expect(await db.rounds.get(a.id)).toBeUndefined());
    expect(await db.answers.where('roundId').equals(a.id).count()).toBe(0);
    expect(messages()).toEqual(['Omgången ”B” togs bort.']);
    expect(await db.rounds.get(b.id)).toHaveProperty('deletedAt');

    await undoToast('Omgången ”B” togs bort.');
    await pass(UNDO_WINDOW_MS * 2);
    expect(await repository.getRound(b.id)).toEqual(b);
  });

  it('a reload or a second tab within the window offers the same undo, purges nothing, and its undo works', async () => {
    const centre = await addCentre('Alby');
    const round = await addRound(centre, 'Våren');
    await useRoundsStore().remove(round);
    await until(() => expect(messages()).toEqual(['Omgången ”Våren” togs bort.']));
    await pass(UNDO_WINDOW_MS - 2000);

    // The second tab: a store of its own on the same database, started like the app starts.
    setActivePinia(createPinia());
    const second = useUndoStore();
    await second.purgeExpired();
    await until(() => expect(messages(second)).toEqual(['Omgången ”Våren” togs bort.']));
    expect(await db.rounds.get(round.id)).toHaveProperty('deletedAt');

    // "Ångra" in the first tab still works, and the second tab's toast goes with it.
    await undoToast('Omgången ”Våren” togs bort.');
    expect(await repository.getRound(round.id)).toEqual(round);
    await until(() => expect(second.toasts).toEqual([]));
    await until(() => expect(undo.toasts).toEqual([]));
    second.$dispose();
  });

  it('at start-up purges only what is past its window', async () => {
    const centre = await addCentre('Alby');
    const old = await addRound(centre, 'Gammal');
    const young = await addRound(centre, 'Ny');
    undo.$dispose();
    await repository.softDeleteRound(old.id, '2026-03-10T08:59:00.000Z');
    await repository.softDeleteRound(young.id, '2026-03-10T08:59:59.000Z');

    setActivePinia(createPinia());
    undo = useUndoStore();
    await undo.purgeExpired();
    expect(await db.rounds.get(old.id)).toBeUndefined();
    expect(await db.rounds.get(young.id)).toHaveProperty('deletedAt');
    await until(() => expect(messages()).toEqual(['Omgången ”Ny” togs bort.']));
  });

  it('closing a toast hides it but purges nothing before the window has passed', async () => {
    const centre = await addCentre('Alby');
    const round = await addRound(centre, 'Våren');
    await repository.softDeleteRound(round.id);
    await until(() => expect(undo.toasts).toHaveLength(1));
    undo.dismiss(undo.toasts[0]?.key ?? '');
    expect(undo.toasts).toEqual([]);
    await pass(UNDO_WINDOW_MS - 1);
    expect(await db.rounds.get(round.id)).toHaveProperty('deletedAt');
    await pass(1);
    await until(async () => expect(await db.rounds.get(round.id)).toBeUndefined());
  });

  it('a round deleted again after its undo gets a new toast, even after the first was closed', async () => {
    const centre = await addCentre('Alby');
    const round = await addRound(centre, 'Våren');
    await repository.softDeleteRound(round.id);
    await until(() => expect(undo.toasts).toHaveLength(1));
    undo.dismiss(undo.toasts[0]?.key ?? '');
    await repository.restoreRound(round.id);
    await pass(1000);
    await repository.softDeleteRound(round.id);
    await until(() => expect(messages()).toEqual(['Omgången ”Våren” togs bort.']));
  });

  it('keeps a deletion marked by a clock set far ahead offered and unpurged, its timer waking within a window', async () => {
    const centre = await addCentre('Alby');
    const round = await addRound(centre, 'Våren');
    const timers = vi.spyOn(globalThis, 'setTimeout');
    await repository.softDeleteRound(round.id, '2026-04-20T09:00:00.000Z');
    await until(() => expect(messages()).toEqual(['Omgången ”Våren” togs bort.']));
    await pass(UNDO_WINDOW_MS * 3);
    // A browser fires a timer of more than 2³¹ ms at once, which would make the store spin.
    expect(Math.max(...timers.mock.calls.map(([, delay]) => delay ?? 0))).toBeLessThanOrEqual(UNDO_WINDOW_MS);
    expect(await db.rounds.get(round.id)).toHaveProperty('deletedAt');
    await undoToast('Omgången ”Våren” togs bort.');
    expect(await repository.getRound(round.id)).toEqual(round);
  });

  it('says nothing and changes nothing when the deletion was undone elsewhere first', async () => {
    const centre = await addCentre('Alby');
    const round = await addRound(centre, 'Våren');
    await repository.softDeleteRound(round.id);
    await until(() => expect(undo.toasts).toHaveLength(1));
    const key = undo.toasts[0]?.key ?? '';
    await repository.restoreRound(round.id);
    await undo.undo(key);
    expect(await repository.getRound(round.id)).toEqual(round);
  });

  it('is busy while an undo runs and ignores a second press of the same toast', async () => {
    const centre = await addCentre('Alby');
    const round = await addRound(centre, 'Våren');
    await repository.softDeleteRound(round.id);
    await until(() => expect(undo.toasts).toHaveLength(1));
    const key = undo.toasts[0]?.key ?? '';
    const restore = vi.spyOn(roundRepository, 'restoreRound');
    const first = undo.undo(key);
    expect(undo.isBusy(key)).toBe(true);
    await undo.undo(key);
    await first;
    expect(restore).toHaveBeenCalledOnce();
    expect(undo.busy).toBe(false);
  });

  it('writes the messages in the current language', async () => {
    setLocale('en');
    const centre = await addCentre('Fittja');
    await repository.softDeleteCentre(centre.id);
    await until(() => expect(messages()).toEqual(['The family centre “Fittja” was deleted.']));
    setLocale('sv');
    expect(messages()).toEqual(['Familjecentralen ”Fittja” togs bort.']);
  });

  it('offers undo of something held in memory (an action) for the window, then lets it go', async () => {
    const put = vi.fn(() => Promise.resolve());
    undo.offer({ key: 'actions.deleted', params: { what: 'Föräldragrupp' } }, put);
    expect(messages()).toEqual(['Åtgärden ”Föräldragrupp” togs bort.']);
    await pass(UNDO_WINDOW_MS);
    expect(undo.toasts).toEqual([]);
    await undo.undo('memory:1');
    expect(put).not.toHaveBeenCalled();

    undo.offer({ key: 'actions.deleted', params: { what: 'Läxhjälp' } }, put);
    await undoToast('Åtgärden ”Läxhjälp” togs bort.');
    expect(put).toHaveBeenCalledOnce();
    expect(undo.toasts).toEqual([]);
  });

  it('keeps a memory toast when its undo fails, so that it can be tried again', async () => {
    const put = vi.fn<() => Promise<void>>().mockRejectedValueOnce(new Error('busy')).mockResolvedValueOnce(undefined);
    undo.offer({ key: 'actions.deleted', params: { what: 'Borttagen' } }, put);
    const key = undo.toasts[0]?.key ?? '';
    await expect(undo.undo(key)).rejects.toThrow('busy');
    expect(messages()).toEqual(['Åtgärden ”Borttagen” togs bort.']);
    await undo.undo(key);
    expect(put).toHaveBeenCalledTimes(2);
    expect(undo.toasts).toEqual([]);
  });
});
