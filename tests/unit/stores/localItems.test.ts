import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { repository } from '../../fixtures/repository';
import { localItemRepository } from '@/db/localItems';
import { MAX_LOCAL_ITEMS_PER_GOAL } from '@/domain/localItems';
import { answersByItem } from '@/domain/progress';
import type { LocalItem } from '@/domain/types';
import { useLocalItemsStore } from '@/stores/localItems';
import { useSaveStatusStore } from '@/stores/saveStatus';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { smallInstrument } from '../../fixtures/instruments';
import { makeCentre, makeRound } from '../../fixtures/records';

const centre = makeCentre({ id: 'centre-a' });
const other = makeCentre({ id: 'centre-b', name: 'Familjecentralen Alby' });
const spring = makeRound(centre.id, { id: 'round-spring' });
const autumn = makeRound(centre.id, { id: 'round-autumn', date: '2026-10-10', createdAt: '2026-10-10T08:00:00.000Z' });
const STEPS = 4;

let store: ReturnType<typeof useLocalItemsStore>;

beforeEach(async () => {
  await emptyAppDatabase();
  await repository.addCentre(centre);
  await repository.addCentre(other);
  await repository.addRound(spring);
  await repository.addRound(autumn);
  setActivePinia(createPinia());
  store = useLocalItemsStore();
});

afterEach(() => {
  store.$dispose();
});

async function openCentre(id = centre.id): Promise<void> {
  store.open(id);
  await vi.waitFor(() => expect(store.loaded && store.centreId === id).toBe(true));
}

async function added(goalId: string, text: string, levels: string[] = []): Promise<LocalItem> {
  const item = await store.add(goalId, { text, levels }, STEPS);
  if (!item) throw new Error('not added');
  await vi.waitFor(() => expect(store.items.some((i) => i.id === item.id)).toBe(true));
  return item;
}

describe('local items store', () => {
  it('adds an own statement to the open centre, trimmed, and lists it live', async () => {
    await openCentre();
    const item = await added('goal-2', '  Vi har en gemensam rutin för hembesök ', ['', 'Ibland', '', '']);
    expect(item).toMatchObject({ centreId: 'centre-a', goalId: 'goal-2', text: 'Vi har en gemensam rutin för hembesök', retired: false });
    expect(item.levels).toEqual(['', 'Ibland', '', '']);
    expect(useSaveStatusStore().state).toBe('saved');
    expect(await repository.listLocalItems(centre.id)).toEqual([item]);
  });

  it('keeps centres apart: another centre sees none of them', async () => {
    await openCentre();
    await added('goal-1', 'Eget');
    await openCentre(other.id);
    expect(store.items).toEqual([]);
  });

  it('does nothing without an open centre', async () => {
    expect(await store.add('goal-1', { text: 'Eget', levels: [] }, STEPS)).toBeUndefined();
  });

  it('gives the goal as individual ratings see it: the common statements, then the own ones as items of the scale', async () => {
    await openCentre();
    const goal = smallInstrument.goals[1];
    if (!goal) throw new Error('fixture');
    expect(store.goalWithOwnItems(goal, new Map(), smallInstrument.scale.levels)).toBe(goal);
    const own = await added(goal.id, 'Vi har ett gemensamt väntrum', ['Inget', '', '', 'Alla fyra']);
    await vi.waitFor(() => expect(store.items).toHaveLength(1));
    const rated = store.goalWithOwnItems(goal, new Map(), smallInstrument.scale.levels);
    expect(rated.items.map((item) => item.id)).toEqual([...goal.items.map((item) => item.id), own.id]);
    const card = rated.items[rated.items.length - 1];
    expect(card?.statement).toEqual({ sv: 'Vi har ett gemensamt väntrum', en: 'Vi har ett gemensamt väntrum' });
    // A step left empty reads the scale's own description.
    expect(card?.levels?.map((level) => level.sv)).toEqual(['Inget', smallInstrument.scale.levels[1]?.description.sv, smallInstrument.scale.levels[2]?.description.sv, 'Alla fyra']);
  });

  it('lists a goal’s items in the order they were added', async () => {
    await openCentre();
    const first = await added('goal-1', 'Först');
    await added('goal-2', 'Annat mål');
    const second = await added('goal-1', 'Sedan');
    expect(store.forGoal('goal-1', new Map()).map((item) => item.id)).toEqual([first.id, second.id]);
  });

  it('edits the text and the descriptors; descriptors all emptied are stored as none', async () => {
    await openCentre();
    const item = await added('goal-3', 'Gammal text', ['a', 'b', 'c', 'd']);
    await store.update(item, { text: ' Ny text ', levels: ['', '', '', ''] }, STEPS);
    await vi.waitFor(() => expect(store.items[0]).toMatchObject({ id: item.id, text: 'Ny text', levels: [] }));
  });

  it('deletes an item no round has answered, with its empty answer', async () => {
    await openCentre();
    const item = await added('goal-1', 'Aldrig besvarat');
    await repository.saveAnswer(spring.id, 'goal-1', item.id, { value: 2 });
    await repository.saveAnswer(spring.id, 'goal-1', item.id, { value: null });
    expect(await store.isAnswered(item)).toBe(false);
    expect(await store.remove(item)).toBe('deleted');
    await vi.waitFor(() => expect(store.items).toEqual([]));
    expect((await repository.listAnswers(spring.id)).filter((answer) => answer.itemId === item.id)).toEqual([]);
  });

  it('retires an item an earlier round answered: kept for that round, no longer asked in others', async () => {
    await openCentre();
    const item = await added('goal-1', 'Besvarat i våras');
    await repository.saveAnswer(spring.id, 'goal-1', item.id, { value: 3 });
    expect(await store.isAnswered(item)).toBe(true);
    expect(await store.remove(item)).toBe('retired');
    await vi.waitFor(() => expect(store.items[0]?.retired).toBe(true));
    const springAnswers = answersByItem(await repository.listAnswers(spring.id));
    expect(store.forGoal('goal-1', springAnswers).map((i) => i.id)).toEqual([item.id]);
    expect(store.forGoal('goal-1', new Map())).toEqual([]);
    expect(springAnswers.get(item.id)?.value).toBe(3);

    expect(await store.restore(store.items[0] ?? item)).toBe(true);
    await vi.waitFor(() => expect(store.forGoal('goal-1', new Map())).toHaveLength(1));
  });

  it(`allows at most ${String(MAX_LOCAL_ITEMS_PER_GOAL)} items in use per goal`, async () => {
    await openCentre();
    for (let n = 0; n < MAX_LOCAL_ITEMS_PER_GOAL; n++) {
      await store.add('goal-4', { text: `Påstående ${String(n)}`, levels: [] }, STEPS);
    }
    await vi.waitFor(() => expect(store.activeCount('goal-4')).toBe(MAX_LOCAL_ITEMS_PER_GOAL));
    expect(store.canAdd('goal-4')).toBe(false);
    expect(await store.add('goal-4', { text: 'En för mycket', levels: [] }, STEPS)).toBeUndefined();
    expect(store.canAdd('goal-5')).toBe(true);
  });

  it('reports a failed write and rethrows it', async () => {
    await openCentre();
    vi.spyOn(localItemRepository, 'putLocalItem').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(store.add('goal-1', { text: 'Eget', levels: [] }, STEPS)).rejects.toThrow('QuotaExceededError');
    expect(useSaveStatusStore().state).toBe('error');
    vi.restoreAllMocks();
  });
});
