import { createPinia, setActivePinia } from 'pinia';
import { effectScope, ref } from 'vue';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { repository } from '../../fixtures/repository';
import { roundRepository } from '@/db/rounds';
import { UNDO_WINDOW_MS } from '@/domain/deletions';
import { createCentre } from '@/domain/records';
import type { Centre } from '@/domain/types';
import { useRoundsStore } from '@/stores/rounds';
import { useSaveStatusStore } from '@/stores/saveStatus';
import { useUndoStore } from '@/stores/undo';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { smallInstrument } from '../../fixtures/instruments';
import { centreInput, participant, roundInput } from '../../fixtures/records';
import { toastTexts } from '../../fixtures/toasts';

let centre: Centre;

beforeEach(async () => {
  await emptyAppDatabase();
  setActivePinia(createPinia());
  centre = createCentre(centreInput());
  await repository.addCentre(centre);
});

describe('rounds store', () => {
  it('creates an in-progress round of the instrument, without the empty participant rows', async () => {
    const rounds = useRoundsStore();
    const round = await rounds.create(
      centre.id,
      roundInput({ participants: [participant('', '', 'empty'), participant('Anna', 'BVC', 'anna')] }),
      smallInstrument,
    );
    expect(await repository.getRound(round.id)).toMatchObject({
      centreId: centre.id,
      status: 'in-progress',
      instrumentId: 'small',
      instrumentVersion: '2.1.0',
      participants: [{ id: 'anna', name: 'Anna', role: 'BVC' }],
    });
    expect(useSaveStatusStore().state).toBe('saved');
  });

  it('updates, completes and reopens a round', async () => {
    const rounds = useRoundsStore();
    const round = await rounds.create(centre.id, roundInput(), smallInstrument);
    await rounds.update(round.id, roundInput({ title: 'Ny rubrik' }));
    await rounds.setStatus(round.id, 'complete');
    expect(await repository.getRound(round.id)).toMatchObject({ title: 'Ny rubrik', status: 'complete' });
    await rounds.setStatus(round.id, 'in-progress');
    expect(await repository.getRound(round.id)).not.toHaveProperty('completedAt');
  });

  it('removes a round with undo; undo restores it with its answers', async () => {
    const rounds = useRoundsStore();
    const round = await rounds.create(centre.id, roundInput({ title: 'Våren' }), smallInstrument);
    await repository.saveAnswer(round.id, 'goal-a', 'a-1', { value: 2 });
    const before = await repository.getRound(round.id);
    await rounds.remove(round);
    expect(await repository.getRound(round.id)).toBeUndefined();
    const undo = useUndoStore();
    await vi.waitFor(() => expect(toastTexts(undo)).toEqual(['Omgången ”Våren” togs bort.']));
    await undo.undo(undo.toasts[0]?.key ?? '');
    expect(await repository.getRound(round.id)).toEqual(before);
    expect(await repository.listAnswers(round.id)).toHaveLength(1);
  });

  it('purges the round and its answers once the undo window has passed', async () => {
    const rounds = useRoundsStore();
    const round = await rounds.create(centre.id, roundInput(), smallInstrument);
    await repository.saveAnswer(round.id, 'goal-a', 'a-1', { value: 2 });
    await rounds.remove(round);
    const deletedAt = Date.parse((await db.rounds.get(round.id))?.deletedAt ?? '');
    await repository.purgeExpired(deletedAt + UNDO_WINDOW_MS - 1);
    expect(await db.rounds.get(round.id)).toHaveProperty('deletedAt');
    await repository.purgeExpired(deletedAt + UNDO_WINDOW_MS);
    expect(await db.rounds.get(round.id)).toBeUndefined();
    expect(await db.answers.count()).toBe(0);
    expect(await repository.getCentre(centre.id)).toBeDefined();
  });

  it('shows the save error when the database refuses the round, and the caller gets the failure', async () => {
    vi.spyOn(roundRepository, 'addRound').mockRejectedValueOnce(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const rounds = useRoundsStore();
    await expect(rounds.create(centre.id, roundInput(), smallInstrument)).rejects.toThrow('The quota has been exceeded.');
    const save = useSaveStatusStore();
    expect(save.state).toBe('error');
    expect(save.problem).toBe('quota');
    expect(await db.rounds.count()).toBe(0);

    await save.retry();
    expect(save.state).toBe('saved');
    expect(await db.rounds.count()).toBe(1);
  });
});

describe('rounds store: the round overviews, read once for every reader', () => {
  async function until(check: () => boolean): Promise<void> {
    await vi.waitFor(() => {
      if (!check()) throw new Error('not yet');
    });
  }

  it('serves two readers of one centre from one query, and stops reading when the last one goes', async () => {
    const rounds = useRoundsStore();
    const round = await rounds.create(centre.id, roundInput({ title: 'VT' }), smallInstrument);
    const spy = vi.spyOn(roundRepository, 'listRoundOverviews');
    const first = effectScope();
    const second = effectScope();
    const a = first.run(() => rounds.watchOverviews(centre.id));
    const b = second.run(() => rounds.watchOverviews(() => centre.id));
    await until(() => a?.data.value !== undefined && b?.data.value !== undefined);
    expect(a?.data.value?.map((o) => o.round.id)).toEqual([round.id]);
    expect(b?.data.value).toBe(a?.data.value);
    expect(spy).toHaveBeenCalledTimes(1);

    first.stop();
    await rounds.update(round.id, roundInput({ title: 'VT 2' }));
    await until(() => b?.data.value?.[0]?.round.title === 'VT 2');
    expect(spy).toHaveBeenCalledTimes(2);

    second.stop();
    await Promise.resolve();
    const calls = spy.mock.calls.length;
    await rounds.update(round.id, roundInput({ title: 'VT 3' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(spy).toHaveBeenCalledTimes(calls);
  });

  it('never hands one centre\'s rounds to a reader of another', async () => {
    const rounds = useRoundsStore();
    await rounds.create(centre.id, roundInput({ title: 'Här' }), smallInstrument);
    const other = createCentre(centreInput({ name: 'Annan' }));
    await repository.addCentre(other);
    const shown = ref(centre.id);
    const scope = effectScope();
    const overviews = scope.run(() => rounds.watchOverviews(shown));
    await until(() => overviews?.data.value?.length === 1);
    shown.value = other.id;
    expect(overviews?.data.value).toBeUndefined();
    expect(overviews?.loading.value).toBe(true);
    await until(() => overviews?.data.value !== undefined);
    expect(overviews?.data.value).toEqual([]);
    scope.stop();
  });
});
