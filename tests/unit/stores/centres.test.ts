import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { setLocale } from '@/i18n';
import { useCentresStore } from '@/stores/centres';
import { useSaveStatusStore } from '@/stores/saveStatus';
import { useUndoStore } from '@/stores/undo';
import { UUID_PATTERN } from '@/domain/ids';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { centreInput } from '../../fixtures/records';

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
    expect(undo.toast?.message).toBe('Familjecentralen ”Fittja” togs bort.');

    await undo.undoLast();
    await vi.waitFor(() => expect(centres.centres.map((c) => c.id)).toEqual([centre.id]));
    expect(await db.centres.count()).toBe(1);
    undo.$dispose();
  });

  it('purges the centre for good when the undo offer ends', async () => {
    const centre = await centres.create(centreInput());
    await centres.remove(centre);
    const undo = useUndoStore();
    await undo.dismiss();
    expect(await db.centres.get(centre.id)).toBeUndefined();
    undo.$dispose();
  });

  it('writes the undo message in the current language', async () => {
    setLocale('en');
    const centre = await centres.create(centreInput({ name: 'Fittja' }));
    await centres.remove(centre);
    const undo = useUndoStore();
    expect(undo.toast?.message).toBe('The family centre “Fittja” was deleted.');
    await undo.dismiss();
    undo.$dispose();
  });

  it('purgeDeleted removes what an earlier visit left deleted', async () => {
    const centre = await centres.create(centreInput());
    await db.centres.update(centre.id, { deletedAt: '2026-01-01T00:00:00.000Z' });
    await centres.purgeDeleted();
    expect(await db.centres.count()).toBe(0);
  });
});
