import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { repository } from '../../fixtures/repository';
import { UNDO_WINDOW_MS } from '@/domain/deletions';
import { setLocale } from '@/i18n';
import { useCentresStore } from '@/stores/centres';
import { useSaveStatusStore } from '@/stores/saveStatus';
import { useUndoStore } from '@/stores/undo';
import { UUID_PATTERN } from '@/domain/ids';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { centreInput } from '../../fixtures/records';
import { toastTexts } from '../../fixtures/toasts';

let centres: ReturnType<typeof useCentresStore>;

beforeEach(async () => {
  await emptyAppDatabase();
  setActivePinia(createPinia());
  centres = useCentresStore();
  await vi.waitFor(() => expect(centres.loading).toBe(false));
});

afterEach(() => {
  centres.$dispose();
  setLocale('sv');
});

describe('centres store', () => {
  it('starts loaded and empty', () => {
    expect(centres.centres).toEqual([]);
  });

  it('creates a normalized centre, tracks the save and shows it in the live list', async () => {
    const centre = await centres.create(centreInput({ name: '  Familjecentralen Alby ' }));
    expect(centre.id).toMatch(UUID_PATTERN);
    expect(centre.name).toBe('Familjecentralen Alby');
    expect(useSaveStatusStore().state).toBe('saved');
    await vi.waitFor(() => expect(centres.centres.map((c) => c.name)).toEqual(['Familjecentralen Alby']));
  });

  it('keeps the live list sorted by name', async () => {
    await centres.create(centreInput({ name: 'Östberga' }));
    await centres.create(centreInput({ name: 'Alby' }));
    await vi.waitFor(() => expect(centres.centres.map((c) => c.name)).toEqual(['Alby', 'Östberga']));
  });

  it('updates a centre', async () => {
    const centre = await centres.create(centreInput());
    await centres.update(centre.id, centreInput({ name: 'Nytt namn' }));
    await vi.waitFor(() => expect(centres.centres[0]?.name).toBe('Nytt namn'));
  });

  it('removes a centre at once and offers undo with its name; undo brings it back', async () => {
    const centre = await centres.create(centreInput({ name: 'Fittja' }));
    await centres.remove(centre);
    await vi.waitFor(() => expect(centres.centres).toEqual([]));
    const undo = useUndoStore();
    await vi.waitFor(() => expect(toastTexts(undo)).toEqual(['Familjecentralen ”Fittja” togs bort.']));

    await undo.undo(undo.toasts[0]?.key ?? '');
    await vi.waitFor(() => expect(centres.centres.map((c) => c.id)).toEqual([centre.id]));
    expect(await db.centres.count()).toBe(1);
    undo.$dispose();
  });

  it('purges the centre for good once the undo window has passed, not before', async () => {
    const centre = await centres.create(centreInput());
    await centres.remove(centre);
    const deletedAt = Date.parse((await db.centres.get(centre.id))?.deletedAt ?? '');
    await repository.purgeExpired(deletedAt + UNDO_WINDOW_MS - 1);
    expect(await db.centres.get(centre.id)).toHaveProperty('deletedAt');
    await repository.purgeExpired(deletedAt + UNDO_WINDOW_MS);
    expect(await db.centres.get(centre.id)).toBeUndefined();
  });

  it('writes the undo message in the current language', async () => {
    setLocale('en');
    const centre = await centres.create(centreInput({ name: 'Fittja' }));
    await centres.remove(centre);
    const undo = useUndoStore();
    await vi.waitFor(() => expect(toastTexts(undo)).toEqual(['The family centre “Fittja” was deleted.']));
    undo.$dispose();
  });
});
