import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { RoundGoneError } from '@/db/connection';
import { createAction } from '@/domain/actions';
import type { Centre, Round } from '@/domain/types';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { repository } from '../../fixtures/repository';
import { makeCentre, makeRound } from '../../fixtures/records';

// A tablet has the round open in one tab while someone deletes it (or its centre) in another: the
// first tab's live queries have not caught up yet when the group taps. Nothing may then be saved
// where no one can see it, and the tab must be told, not shown "Sparat".
let centre: Centre;
let round: Round;

beforeEach(async () => {
  if (!db.isOpen()) await db.open();
  await emptyAppDatabase();
  centre = makeCentre();
  round = makeRound(centre.id);
  await repository.addCentre(centre);
  await repository.addRound(round);
});

/** Every write the group can make into an open round, one tap each. */
const writes = {
  answer: () => repository.saveAnswer(round.id, 'goal-1', 'g1-information', { value: 3 }),
  note: () => repository.saveAnswer(round.id, 'goal-1', 'g1-information', { note: 'Vi har en broschyr' }),
  reflection: () => repository.saveReflection(round.id, 'goal-1', { note: 'Bra start' }),
  'goal not relevant': () => repository.saveReflection(round.id, 'goal-2', { notRelevant: true }),
  'individual rating': () => repository.saveRating(round.id, 'g1-information', 'participant-1', 2),
  action: () => repository.putAction(createAction({ what: 'Ny broschyr', who: 'BVC', due: '', status: 'planned' }, centre.id, round.id, 'goal-1')),
} as const;

/** What the round holds, and its record: both must be as before a refused write. */
async function roundContents() {
  const [answers, reflections, ratings, actions, record] = await Promise.all([
    db.answers.where('roundId').equals(round.id).toArray(),
    db.reflections.where('roundId').equals(round.id).toArray(),
    db.ratings.where('roundId').equals(round.id).toArray(),
    db.actions.where('roundId').equals(round.id).toArray(),
    db.rounds.get(round.id),
  ]);
  return { answers, reflections, ratings, actions, record };
}

describe('a write into a round that is no longer there', () => {
  for (const [name, write] of Object.entries(writes)) {
    it(`${name}: refused when the round is deleted, and nothing of it is stored`, async () => {
      await repository.softDeleteRound(round.id);
      const before = await roundContents();
      await expect(write()).rejects.toBeInstanceOf(RoundGoneError);
      expect(await roundContents()).toEqual(before);
    });

    it(`${name}: refused when the round's centre is deleted`, async () => {
      await repository.softDeleteCentre(centre.id);
      const before = await roundContents();
      await expect(write()).rejects.toBeInstanceOf(RoundGoneError);
      expect(await roundContents()).toEqual(before);
    });

    it(`${name}: stored once the deletion is undone`, async () => {
      await repository.softDeleteRound(round.id);
      await expect(write()).rejects.toBeInstanceOf(RoundGoneError);
      expect(await repository.restoreRound(round.id)).toBe(true);
      await write();
      const after = await roundContents();
      expect(after.answers.length + after.reflections.length + after.ratings.length + after.actions.length).toBe(1);
    });
  }

  it('refused when the round was removed for good (a purged centre), and no orphan answer is left', async () => {
    await db.rounds.delete(round.id);
    await expect(writes.answer()).rejects.toBeInstanceOf(RoundGoneError);
    await expect(writes.reflection()).rejects.toBeInstanceOf(RoundGoneError);
    expect(await db.answers.count()).toBe(0);
    expect(await db.reflections.count()).toBe(0);
    expect(await db.rounds.count()).toBe(0);
  });

  it('an open round takes every write as before', async () => {
    for (const write of Object.values(writes)) await write();
    const after = await roundContents();
    expect(after.answers).toHaveLength(1);
    expect(after.answers[0]).toMatchObject({ value: 3, note: 'Vi har en broschyr' });
    expect(after.reflections).toHaveLength(2);
    expect(after.ratings).toHaveLength(1);
    expect(after.actions).toHaveLength(1);
    expect(after.record?.position).toEqual({ goalId: 'goal-2' });
  });
});
