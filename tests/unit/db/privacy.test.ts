import Dexie from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPrivacyRepository, type PrivacyRepository } from '@/db/privacy';
import { createAction } from '@/domain/actions';
import { createCentre, createRound } from '@/domain/records';
import type { Centre, Round } from '@/domain/types';
import { freshDatabase, type TestDatabase } from '../../fixtures/database';
import { smallInstrument } from '../../fixtures/instruments';
import { centreInput, participant, roundInput } from '../../fixtures/records';

let t: TestDatabase;
let privacy: PrivacyRepository;
let centre: Centre;

beforeEach(async () => {
  t = freshDatabase();
  privacy = createPrivacyRepository(t.db);
  centre = createCentre(centreInput());
  await t.repo.addCentre(centre);
});

async function roundWith(names: readonly [string, string][]): Promise<Round> {
  const round = createRound(centre.id, roundInput({ participants: names.map(([name, role]) => participant(name, role)) }), smallInstrument);
  await t.repo.addRound(round);
  return round;
}

function stored(id: string): Promise<Round | undefined> {
  return t.db.rounds.get(id);
}

describe('removing the names from a round', () => {
  it('clears every name but keeps each participant, its role and its individual ratings', async () => {
    const round = await roundWith([['Anna Andersson', 'BVC'], ['', 'BMM'], ['Cecilia', 'Öppen förskola']]);
    const [anna, anonymous, cecilia] = round.participants;
    await t.repo.saveRating(round.id, 'g1-a', anna?.id ?? '', 1);
    await t.repo.saveRating(round.id, 'g1-a', anonymous?.id ?? '', 3);
    await t.repo.saveRating(round.id, 'g1-a', cecilia?.id ?? '', 4);
    const ratingsBefore = await t.db.ratings.where('roundId').equals(round.id).toArray();

    expect(await privacy.removeParticipantNames(round.id)).toBe(true);

    const after = await stored(round.id);
    expect(after?.participants).toEqual([
      { id: anna?.id, name: '', role: 'BVC' },
      { id: anonymous?.id, name: '', role: 'BMM' },
      { id: cecilia?.id, name: '', role: 'Öppen förskola' },
    ]);
    expect(after?.updatedAt).not.toBe(round.updatedAt);
    expect(await t.db.ratings.where('roundId').equals(round.id).toArray()).toEqual(ratingsBefore);
    // Nothing of the name is left anywhere in the round's records.
    const everything = JSON.stringify(await Promise.all([stored(round.id), t.db.ratings.toArray(), t.db.actions.toArray()]));
    expect(everything).not.toContain('Anna');
    expect(everything).not.toContain('Cecilia');
  });

  it('puts the role in place of a name written as who does an action, and leaves other text as written', async () => {
    const round = await roundWith([['Anna', 'BVC'], ['Bo', 'Socialtjänst']]);
    const byAnna = createAction({ what: 'Bjud in', who: ' anna ', due: '', status: 'planned' }, centre.id, round.id, 'goal-1');
    const byService = createAction({ what: 'Gemensam utbildning', who: 'BMM', due: '', status: 'planned' }, centre.id, round.id, 'goal-2');
    const sentence = createAction({ what: 'Lokaler', who: 'Bo och BVC', due: '', status: 'planned' }, centre.id, round.id, 'goal-3');
    await t.repo.addActions([byAnna, byService, sentence]);

    await privacy.removeParticipantNames(round.id);

    const who = Object.fromEntries((await t.db.actions.toArray()).map((action) => [action.id, action.who]));
    expect(who).toEqual({ [byAnna.id]: 'BVC', [byService.id]: 'BMM', [sentence.id]: 'Bo och BVC' });
  });

  it('touches no other round', async () => {
    const round = await roundWith([['Anna', 'BVC']]);
    const other = await roundWith([['Anna', 'BVC']]);
    await privacy.removeParticipantNames(round.id);
    expect(await stored(other.id)).toEqual(other);
  });

  it('changes nothing and says so when the round has no names, is deleted or does not exist', async () => {
    const anonymous = await roundWith([['', 'BVC'], ['  ', 'BMM']]);
    const deleted = await roundWith([['Anna', 'BVC']]);
    await t.repo.softDeleteRound(deleted.id);
    const deletedBefore = await stored(deleted.id);

    expect(await privacy.removeParticipantNames(anonymous.id)).toBe(false);
    expect(await privacy.removeParticipantNames(deleted.id)).toBe(false);
    expect(await privacy.removeParticipantNames('no-such-round')).toBe(false);
    expect(await stored(anonymous.id)).toEqual(anonymous);
    expect(await stored(deleted.id)).toEqual(deletedBefore);
  });

  it('is one transaction: when the round cannot be written, the actions keep their names too', async () => {
    const round = await roundWith([['Anna', 'BVC']]);
    const action = createAction({ what: 'Bjud in', who: 'Anna', due: '', status: 'planned' }, centre.id, round.id, 'goal-1');
    await t.repo.addActions([action]);
    vi.spyOn(t.db.rounds, 'update').mockRejectedValueOnce(new Error('QuotaExceededError'));

    await expect(privacy.removeParticipantNames(round.id)).rejects.toThrow('QuotaExceededError');

    expect((await t.db.actions.get(action.id))?.who).toBe('Anna');
    expect((await stored(round.id))?.participants[0]?.name).toBe('Anna');
  });
});

describe('erasing everything on the device', () => {
  it('deletes the database with every table, and the settings in local storage', async () => {
    const round = await roundWith([['Anna', 'BVC']]);
    await t.repo.saveAnswer(round.id, 'goal-1', 'g1-a', { value: 3 });
    localStorage.setItem('fc.locale', 'en');
    sessionStorage.setItem('draft', 'text');
    expect(await Dexie.exists(t.db.name)).toBe(true);

    const erased = await privacy.eraseDevice({ keepAppFiles: true });

    expect(erased.database).toBe(true);
    expect(await Dexie.exists(t.db.name)).toBe(false);
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    // Nothing reopens it behind the page's back: a read after the erase fails instead of recreating it.
    await expect(t.db.centres.count()).rejects.toThrow();
    expect(await Dexie.exists(t.db.name)).toBe(false);
  });
});
