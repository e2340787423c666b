import { describe, expect, it, vi } from 'vitest';
import { createRoundRepository } from '@/db/rounds';
import { createRoundBeforeCache } from '@/stores/roundBefore';
import { freshDatabase } from '../../fixtures/database';
import { makeCentre, makeRound, roundInput } from '../../fixtures/records';

async function setup() {
  const t = freshDatabase();
  const rounds = createRoundRepository(t.db);
  const centre = makeCentre();
  await t.repo.addCentre(centre);
  const autumn = makeRound(centre.id, { title: 'Hösten', date: '2025-10-01' });
  const spring = makeRound(centre.id, { title: 'Våren', date: '2026-04-01' });
  await t.repo.addRound(autumn);
  await t.repo.addRound(spring);
  const listRounds = vi.spyOn(rounds, 'listRounds');
  return { t, centre, autumn, spring, listRounds, roundBeforeOf: createRoundBeforeCache(rounds) };
}

describe('createRoundBeforeCache', () => {
  it('finds the round before and the dates of the centre’s rounds', async () => {
    const { centre, autumn, spring, roundBeforeOf } = await setup();
    const state = await roundBeforeOf(centre.id, spring.id);
    expect(state.previous?.id).toBe(autumn.id);
    expect([...state.dates].sort()).toEqual(['2025-10-01', '2026-04-01']);
    expect((await roundBeforeOf(centre.id, autumn.id)).previous).toBeUndefined();
  });

  it('does not read the centre’s rounds again when a tap only touched the round, yet shows an edited title', async () => {
    const { t, centre, autumn, spring, listRounds, roundBeforeOf } = await setup();
    await roundBeforeOf(centre.id, spring.id);
    expect(listRounds).toHaveBeenCalledTimes(1);

    await t.repo.saveAnswer(spring.id, 'goal-a', 'a-1', { value: 3 });
    await t.repo.updateRound(autumn.id, roundInput({ title: 'Hösten, omdöpt', date: autumn.date }));
    const state = await roundBeforeOf(centre.id, spring.id);
    expect(listRounds).toHaveBeenCalledTimes(1);
    expect(state.previous?.title).toBe('Hösten, omdöpt');
  });

  it('reads them again when the order changes: a round added between, one dated anew, one deleted', async () => {
    const { t, centre, autumn, spring, listRounds, roundBeforeOf } = await setup();
    await roundBeforeOf(centre.id, spring.id);

    const winter = makeRound(centre.id, { title: 'Vintern', date: '2026-01-15' });
    await t.repo.addRound(winter);
    expect((await roundBeforeOf(centre.id, spring.id)).previous?.id).toBe(winter.id);
    expect(listRounds).toHaveBeenCalledTimes(2);

    await t.repo.updateRound(winter.id, roundInput({ title: 'Vintern', date: '2026-05-01' }));
    expect((await roundBeforeOf(centre.id, spring.id)).previous?.id).toBe(autumn.id);
    expect((await roundBeforeOf(centre.id, spring.id)).dates).toContain('2026-05-01');

    await t.repo.softDeleteRound(autumn.id);
    const state = await roundBeforeOf(centre.id, spring.id);
    expect(state.previous).toBeUndefined();
    expect([...state.dates].sort()).toEqual(['2026-04-01', '2026-05-01']);
  });
});
