import Dexie from 'dexie';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppDatabase, DATABASE_NAME, db } from '@/db';
import { createRepository, repository } from '../../fixtures/repository';
import { roundRepository } from '@/db/rounds';
import { SCHEMA_V5 } from '@/db/database';
import { createCentre, createRound } from '@/domain/records';
import type { Round } from '@/domain/types';
import { useInstrumentStore } from '@/stores/instrument';
import { POSITION_DELAY_MS, useQuestionnaireStore } from '@/stores/questionnaire';
import { useSaveStatusStore } from '@/stores/saveStatus';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { centreInput, roundInput } from '../../fixtures/records';

// Every failure a write can meet on a real (fake-indexeddb) database, through the stores the app uses.
let questionnaire: ReturnType<typeof useQuestionnaireStore>;
let round: Round;

beforeEach(async () => {
  if (!db.isOpen()) await db.open();
  await emptyAppDatabase();
  setActivePinia(createPinia());
  const instrument = await useInstrumentStore().load();
  if (!instrument) throw new Error('the default instrument did not load');
  const centre = createCentre(centreInput());
  await repository.addCentre(centre);
  round = createRound(centre.id, roundInput(), instrument);
  await repository.addRound(round);
  questionnaire = useQuestionnaireStore();
  questionnaire.open(round.id);
  await vi.waitFor(() => expect(questionnaire.loaded && questionnaire.round?.id === round.id).toBe(true));
});

afterEach(() => {
  questionnaire.$dispose();
  vi.useRealTimers();
});

const stored = async (itemId: string) => (await repository.listAnswers(round.id)).find((answer) => answer.itemId === itemId);

function fillTheDisk() {
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
}

describe('a write that fails', () => {
  it('on a full disk: says so, marks the choice unsaved, stores nothing, and is stored by the retry once there is space', async () => {
    const save = useSaveStatusStore();
    await questionnaire.setAnswer('goal-1', 'g1-open-to-all', 3);
    const full = fillTheDisk();
    await expect(questionnaire.setAnswer('goal-1', 'g1-information', 4)).rejects.toThrow();
    expect(save.state).toBe('error');
    expect(save.problem).toBe('quota');
    expect(save.isFailed(questionnaire.answerKey('g1-information'))).toBe(true);
    expect(save.isFailed(questionnaire.answerKey('g1-open-to-all'))).toBe(false);
    full.mockRestore();
    expect(await stored('g1-information')).toBeUndefined();

    await save.retry();
    expect(save.state).toBe('saved');
    expect(save.isFailed(questionnaire.answerKey('g1-information'))).toBe(false);
    expect((await stored('g1-information'))?.value).toBe(4);
    expect((await stored('g1-open-to-all'))?.value).toBe(3);
  });

  it('on a full disk: is retried by itself, without anyone pressing a button', async () => {
    const save = useSaveStatusStore();
    const full = fillTheDisk();
    await questionnaire.setAnswer('goal-1', 'g1-information', 2).catch(() => undefined);
    expect(save.problem).toBe('quota');
    full.mockRestore();
    await vi.waitFor(() => expect(save.state).toBe('saved'), { timeout: 3000 });
    expect((await stored('g1-information'))?.value).toBe(2);
  });

  it('on a closed database: opens it again on retry, and the live answers follow again', async () => {
    const save = useSaveStatusStore();
    db.close();
    await expect(questionnaire.setAnswer('goal-1', 'g1-information', 1)).rejects.toThrow();
    expect(save.problem).toBe('closed');

    await save.retry();
    expect(save.state).toBe('saved');
    expect(db.isOpen()).toBe(true);
    expect((await stored('g1-information'))?.value).toBe(1);
    await vi.waitFor(() => expect(questionnaire.answers.get('g1-information')?.value).toBe(1));
    // The live queries subscribed again: a later write shows without reopening the round.
    await questionnaire.setAnswer('goal-2', 'g2-joint-activities', 4);
    await vi.waitFor(() => expect(questionnaire.answers.get('g2-joint-activities')?.value).toBe(4));
  });

  it('live queries that failed while the database was closed subscribe again when it opens', async () => {
    db.close();
    // Another tab writes while this one is closed: the live answers re-read, and fail.
    const otherTab = new AppDatabase();
    await createRepository(otherTab).saveAnswer(round.id, 'goal-1', 'g1-open-to-all', { value: 2 });
    otherTab.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(questionnaire.answers.get('g1-open-to-all')).toBeUndefined();

    await useSaveStatusStore().retry();
    await vi.waitFor(() => expect(questionnaire.answers.get('g1-open-to-all')?.value).toBe(2));
  });
});

describe('a round deleted in another tab', () => {
  it('refuses the tap, says why instead of "Sparat", and saves it by itself once the deletion is undone', async () => {
    const save = useSaveStatusStore();
    await questionnaire.setAnswer('goal-1', 'g1-open-to-all', 3);
    // The other tab deletes the round; this tab's group taps before its live queries catch up.
    const otherTab = new AppDatabase();
    await createRepository(otherTab).softDeleteRound(round.id);
    await expect(questionnaire.setAnswer('goal-1', 'g1-information', 4)).rejects.toThrow();
    expect(save.state).toBe('error');
    expect(save.problem).toBe('gone');
    expect(save.isFailed(questionnaire.answerKey('g1-information'))).toBe(true);
    expect(await stored('g1-information')).toBeUndefined();

    await createRepository(otherTab).restoreRound(round.id);
    otherTab.close();
    await vi.waitFor(() => expect(save.state).toBe('saved'), { timeout: 3000 });
    expect((await stored('g1-information'))?.value).toBe(4);
    expect((await stored('g1-open-to-all'))?.value).toBe(3);
  });
});

describe('a newer version in another tab', () => {
  it('lets this tab go on saving: its connection is closed for the upgrade and opened again on the next write', async () => {
    const save = useSaveStatusStore();
    // The other tab runs a later release with one schema version more than this one knows.
    const newer = new Dexie(DATABASE_NAME);
    newer.version(db.verno + 1).stores({ ...SCHEMA_V5, future: 'id' });
    await newer.open();
    expect(db.isOpen()).toBe(false);
    await questionnaire.setAnswer('goal-1', 'g1-information', 3);
    expect(save.state).toBe('saved');
    expect((await stored('g1-information'))?.value).toBe(3);
    newer.close();
  });
});

describe('a tap', () => {
  it('is one transaction: the focus before it is not written on its own, the answer carries the position', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const savePosition = vi.spyOn(roundRepository, 'savePosition');
    const transaction = vi.spyOn(db, 'transaction');
    questionnaire.rememberItem('goal-3', 'g3-shared-premises');
    await questionnaire.setAnswer('goal-3', 'g3-shared-premises', 2);
    await vi.advanceTimersByTimeAsync(POSITION_DELAY_MS * 2);
    expect(savePosition).not.toHaveBeenCalled();
    expect(transaction).toHaveBeenCalledTimes(1);
    expect((await repository.getRound(round.id))?.position).toEqual({ goalId: 'goal-3', itemId: 'g3-shared-premises' });
  });

  it('a focus without a tap is still remembered, a moment later', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    questionnaire.rememberItem('goal-3', 'g3-fixed-hours');
    await vi.advanceTimersByTimeAsync(POSITION_DELAY_MS);
    vi.useRealTimers();
    await vi.waitFor(async () => expect((await repository.getRound(round.id))?.position).toEqual({ goalId: 'goal-3', itemId: 'g3-fixed-hours' }));
  });
});

describe('an upgrade blocked by another tab', () => {
  it('says to close the other tab, and the write goes through once it is closed', async () => {
    questionnaire.$dispose();
    const save = useSaveStatusStore();
    db.close({ disableAutoOpen: false });
    await Dexie.delete(DATABASE_NAME);
    // Another tab of an older app version: it holds version 1 open and never lets go by itself.
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(DATABASE_NAME, 10);
      request.onupgradeneeded = () => {
        const created = request.result;
        created.createObjectStore('centres', { keyPath: 'id' }).createIndex('name', 'name');
        created.createObjectStore('rounds', { keyPath: 'id' }).createIndex('centreId', 'centreId');
        const answers = created.createObjectStore('answers', { keyPath: 'id' });
        answers.createIndex('roundId', 'roundId');
        answers.createIndex('[roundId+itemId]', ['roundId', 'itemId'], { unique: true });
        const reflections = created.createObjectStore('reflections', { keyPath: 'id' });
        reflections.createIndex('roundId', 'roundId');
        reflections.createIndex('[roundId+goalId]', ['roundId', 'goalId'], { unique: true });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    old.onversionchange = () => undefined;

    const centre = createCentre(centreInput());
    const write = save.track(() => repository.addCentre(centre));
    await vi.waitFor(() => expect(save.problem).toBe('blocked'));
    expect(save.state).toBe('error');

    old.close();
    await write;
    expect(save.blocked).toBe(false);
    expect(save.state).toBe('saved');
    expect(await repository.getCentre(centre.id)).toBeDefined();
  });
});
