import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UNDO_WINDOW_MS } from '@/domain/deletions';
import { buildExport } from '@/domain/exchange/format';
import { UUID_PATTERN } from '@/domain/ids';
import { createCentre, createRound } from '@/domain/records';
import type { ActionItem, Centre, Round } from '@/domain/types';
import { liveQuery, TextConflictError } from '@/db';
import { freshDatabase, type TestDatabase } from '../../fixtures/database';
import { smallInstrument } from '../../fixtures/instruments';
import { makeLocalItem, networkVersion } from '../../fixtures/localItems';
import { centreInput, ISO_TIMESTAMP, participant, roundInput } from '../../fixtures/records';

let t: TestDatabase;

/** Sets the clock (Date only: IndexedDB keeps its real timers). */
function at(iso: string): void {
  vi.setSystemTime(new Date(iso));
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  at('2026-03-10T09:00:00.000Z');
  t = freshDatabase();
});

afterEach(() => {
  vi.useRealTimers();
});

async function addCentre(name = 'Familjecentralen Fittja'): Promise<Centre> {
  const centre = createCentre(centreInput({ name }));
  await t.repo.addCentre(centre);
  return centre;
}

async function addRound(centre: Centre, overrides: Partial<Round> = {}): Promise<Round> {
  const round = { ...createRound(centre.id, roundInput(), smallInstrument), ...overrides };
  await t.repo.addRound(round);
  return round;
}

/** Purges as the app does once every undo window open now has passed. */
async function purgeAfterWindow(): Promise<void> {
  await t.repo.purgeExpired(Date.now() + UNDO_WINDOW_MS);
}

async function counts(): Promise<Record<'centres' | 'rounds' | 'answers' | 'reflections' | 'actions' | 'ratings', number>> {
  return {
    centres: await t.db.centres.count(),
    rounds: await t.db.rounds.count(),
    answers: await t.db.answers.count(),
    reflections: await t.db.reflections.count(),
    actions: await t.db.actions.count(),
    ratings: await t.db.ratings.count(),
  };
}

/** An action of a round's plan, as the action plan view creates it. */
function makeAction(round: Round, overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id: crypto.randomUUID(),
    centreId: round.centreId,
    roundId: round.id,
    goalId: 'goal-a',
    what: 'Föräldragrupp på lördagar',
    who: 'Öppna förskolan',
    due: '2026-06-01',
    status: 'planned',
    createdAt: '2026-03-10T09:00:00.000Z',
    updatedAt: '2026-03-10T09:00:00.000Z',
    statusHistory: [],
    ...overrides,
  };
}

function firstParticipant(round: Round): string {
  const id = round.participants[0]?.id;
  if (id === undefined) throw new Error('the round has no participant');
  return id;
}

describe('centres', () => {
  it('starts with no centres', async () => {
    expect(await t.repo.listCentres()).toEqual([]);
  });

  it('stores a centre and reads it back as it was', async () => {
    const centre = await addCentre();
    expect(await t.repo.getCentre(centre.id)).toEqual(centre);
    expect(await t.repo.listCentres()).toEqual([centre]);
  });

  it('lists centres by name in Swedish order, with Å, Ä and Ö after Z', async () => {
    for (const name of ['Östermalm', 'Alby', 'Ängby', 'Zinkensdamm', 'Åkeshov', 'bagarmossen', 'Fittja']) {
      await addCentre(name);
    }
    expect((await t.repo.listCentres()).map((c) => c.name)).toEqual([
      'Alby',
      'bagarmossen',
      'Fittja',
      'Zinkensdamm',
      'Åkeshov',
      'Ängby',
      'Östermalm',
    ]);
  });

  it('gives nothing for an unknown centre', async () => {
    expect(await t.repo.getCentre('nope')).toBeUndefined();
  });

  it('refuses a second centre with the same id', async () => {
    const centre = await addCentre();
    await expect(t.repo.addCentre({ ...centre, name: 'Kopia' })).rejects.toThrow();
    expect(await t.repo.listCentres()).toHaveLength(1);
  });

  it('updates the profile normalized and bumps updatedAt, keeping createdAt', async () => {
    const centre = await addCentre();
    at('2026-03-11T10:00:00.000Z');
    await t.repo.updateCentre(centre.id, centreInput({ name: '  Nytt namn ', services: ['bvc', 'bvc'] }));
    const updated = await t.repo.getCentre(centre.id);
    expect(updated).toMatchObject({
      id: centre.id,
      name: 'Nytt namn',
      services: ['bvc'],
      createdAt: centre.createdAt,
      updatedAt: '2026-03-11T10:00:00.000Z',
    });
  });
});

describe('deleting and restoring a centre', () => {
  it('hides a soft-deleted centre from the list and from getCentre, but keeps it stored', async () => {
    const kept = await addCentre('Alby');
    const deleted = await addCentre('Fittja');
    at('2026-03-10T09:05:00.000Z');
    await t.repo.softDeleteCentre(deleted.id);
    expect(await t.repo.listCentres()).toEqual([kept]);
    expect(await t.repo.getCentre(deleted.id)).toBeUndefined();
    // The mark is not a change of the centre: its updatedAt (which merges compare) stays.
    expect(await t.db.centres.get(deleted.id)).toEqual({ ...deleted, deletedAt: '2026-03-10T09:05:00.000Z' });
  });

  it('hides the rounds of a deleted centre: getRound gives nothing', async () => {
    const centre = await addCentre();
    const round = await addRound(centre);
    await t.repo.softDeleteCentre(centre.id);
    expect(await t.repo.getRound(round.id)).toBeUndefined();
  });

  it('hides the rounds of a deleted centre from its round lists too', async () => {
    const centre = await addCentre();
    await addRound(centre);
    await t.repo.softDeleteCentre(centre.id);
    expect(await t.repo.listRounds(centre.id)).toEqual([]);
    expect(await t.repo.listRoundOverviews(centre.id)).toEqual([]);
  });

  it('brings the centre and its rounds back on restore exactly as they were, without deletedAt', async () => {
    const centre = await addCentre();
    const round = await addRound(centre);
    await t.repo.softDeleteCentre(centre.id);
    at('2026-03-10T09:10:00.000Z');
    expect(await t.repo.restoreCentre(centre.id)).toBe(true);
    const restored = await t.repo.getCentre(centre.id);
    expect(restored).toEqual(centre);
    expect(restored).not.toHaveProperty('deletedAt');
    expect(await t.repo.getRound(round.id)).toEqual(round);
    expect(await t.repo.listCentres()).toHaveLength(1);
  });

  it('does nothing when restoring a centre that does not exist', async () => {
    await expect(t.repo.restoreCentre('nope')).resolves.toBe(false);
    expect(await t.db.centres.count()).toBe(0);
  });

  it('purges a deleted centre with all its rounds, answers, reflections, actions and ratings, and nothing else', async () => {
    const kept = await addCentre('Alby');
    const keptRound = await addRound(kept);
    await t.repo.saveAnswer(keptRound.id, 'goal-a', 'a-1', { value: 2 });
    await t.repo.saveReflection(keptRound.id, 'goal-a', { note: 'Behålls' });
    await t.repo.putAction(makeAction(keptRound));
    await t.repo.saveRating(keptRound.id, 'a-1', firstParticipant(keptRound), 2);

    const doomed = await addCentre('Fittja');
    const doomedRounds = [await addRound(doomed), await addRound(doomed)];
    for (const round of doomedRounds) {
      await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: 3 });
      await t.repo.saveAnswer(round.id, 'goal-b', 'b-1', { note: 'Anteckning' });
      await t.repo.saveReflection(round.id, 'goal-b', { notRelevant: true });
      await t.repo.addActions([makeAction(round), makeAction(round, { goalId: 'goal-b', status: 'ongoing' })]);
      await t.repo.saveRating(round.id, 'a-1', firstParticipant(round), 4);
    }
    expect(await counts()).toEqual({ centres: 2, rounds: 3, answers: 5, reflections: 3, actions: 5, ratings: 3 });

    await t.repo.softDeleteCentre(doomed.id);
    await purgeAfterWindow();

    expect(await counts()).toEqual({ centres: 1, rounds: 1, answers: 1, reflections: 1, actions: 1, ratings: 1 });
    expect(await t.db.centres.get(doomed.id)).toBeUndefined();
    expect(await t.repo.listAnswers(keptRound.id)).toHaveLength(1);
    expect(await t.repo.listReflections(keptRound.id)).toHaveLength(1);
    expect(await t.repo.listActions(keptRound.id)).toHaveLength(1);
    expect(await t.repo.listRatings(keptRound.id)).toHaveLength(1);
    expect(await t.repo.listCentreActions(doomed.id)).toEqual([]);
  });

  it('purges nothing when nothing is deleted', async () => {
    const centre = await addCentre();
    const round = await addRound(centre);
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: 1 });
    await purgeAfterWindow();
    expect(await counts()).toEqual({ centres: 1, rounds: 1, answers: 1, reflections: 0, actions: 0, ratings: 0 });
  });

  it('cannot restore a centre after it has been purged', async () => {
    const centre = await addCentre();
    await t.repo.softDeleteCentre(centre.id);
    await purgeAfterWindow();
    expect(await t.repo.restoreCentre(centre.id)).toBe(false);
    expect(await t.repo.listCentres()).toEqual([]);
  });
});

describe('importing while a deletion can still be undone', () => {
  it('an import of the deleted centre\'s own file brings the centre and the file\'s rounds back, so that nothing imported is purged', async () => {
    const centre = await addCentre();
    const round = await addRound(centre);
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: 2 });
    const source = await t.repo.exportSource(centre.id);
    if (!source) throw new Error('no centre');
    const file = buildExport(source, 'test', '2026-03-10T09:00:00.000Z');
    await t.repo.softDeleteRound(round.id);
    await t.repo.softDeleteCentre(centre.id);

    await t.repo.importFile(file);
    expect(await t.repo.listDeleted()).toEqual([]);
    expect(await t.repo.listCentres()).toEqual([centre]);
    expect((await t.repo.listRounds(centre.id)).map((r) => r.id)).toEqual([round.id]);
    await purgeAfterWindow();
    expect(await t.repo.listAnswers(round.id)).toHaveLength(1);
  });

  it('the preview says that the import brings a deleted centre back, even when the file holds nothing new', async () => {
    const centre = await addCentre();
    const round = await addRound(centre);
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: 2 });
    const source = await t.repo.exportSource(centre.id);
    if (!source) throw new Error('no centre');
    const file = buildExport(source, 'test', '2026-03-10T09:00:00.000Z');
    expect((await t.repo.previewImport(file)).restores).toEqual({ centre: false, rounds: 0 });
    await t.repo.softDeleteRound(round.id);
    expect((await t.repo.previewImport(file)).restores).toEqual({ centre: false, rounds: 1 });
    await t.repo.softDeleteCentre(centre.id);

    const plan = await t.repo.previewImport(file);
    expect(plan.restores).toEqual({ centre: true, rounds: 1 });
    expect(plan.counts.add + plan.counts.update).toBe(0);
    await t.repo.importFile(file);
    expect(await t.repo.listCentres()).toEqual([centre]);
    expect((await t.repo.previewImport(file)).restores).toEqual({ centre: false, rounds: 0 });
  });

  it('after the undo window the centre is gone, and its file comes in as a new centre with only what the file holds', async () => {
    const centre = await addCentre();
    const round = await addRound(centre);
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: 2 });
    const source = await t.repo.exportSource(centre.id);
    if (!source) throw new Error('no centre');
    const file = buildExport(source, 'test', '2026-03-10T09:00:00.000Z');
    const later = await addRound(centre, { title: 'Efter exporten', date: '2026-04-01' });
    await t.repo.softDeleteCentre(centre.id);
    await purgeAfterWindow();

    const plan = await t.repo.previewImport(file);
    expect(plan.restores).toEqual({ centre: false, rounds: 0 });
    expect(plan.centre.action).toBe('add');
    await t.repo.importFile(file);
    expect(await t.repo.listCentres()).toEqual([centre]);
    expect((await t.repo.listRounds(centre.id)).map((r) => r.id)).toEqual([round.id]);
    expect(await t.repo.getRound(later.id)).toBeUndefined();
  });
});

describe('rounds', () => {
  it('lists the rounds of one centre only, newest meeting first', async () => {
    const centre = await addCentre('Alby');
    const other = await addCentre('Fittja');
    await addRound(centre, { title: 'Vår', date: '2026-03-10' });
    await addRound(centre, { title: 'Höst', date: '2026-10-01' });
    await addRound(other, { title: 'Annan', date: '2026-05-01' });
    expect((await t.repo.listRounds(centre.id)).map((r) => r.title)).toEqual(['Höst', 'Vår']);
    expect((await t.repo.listRounds(other.id)).map((r) => r.title)).toEqual(['Annan']);
    expect(await t.repo.listRounds('nope')).toEqual([]);
  });

  it('reads a round back as it was stored', async () => {
    const centre = await addCentre();
    const round = await addRound(centre);
    expect(await t.repo.getRound(round.id)).toEqual(round);
  });

  it('gives nothing for an unknown round', async () => {
    expect(await t.repo.getRound('nope')).toBeUndefined();
  });

  it('updates a round normalized, dropping empty participant rows, and bumps updatedAt', async () => {
    const centre = await addCentre();
    const round = await addRound(centre);
    at('2026-03-12T12:00:00.000Z');
    await t.repo.updateRound(
      round.id,
      roundInput({
        title: ' Ny rubrik ',
        participants: [participant('', '', 'empty'), participant(' Bo ', 'BMM', 'bo')],
      }),
    );
    expect(await t.repo.getRound(round.id)).toMatchObject({
      title: 'Ny rubrik',
      participants: [{ id: 'bo', name: 'Bo', role: 'BMM' }],
      updatedAt: '2026-03-12T12:00:00.000Z',
      createdAt: round.createdAt,
      instrumentVersion: round.instrumentVersion,
    });
  });

  it('soft-deletes a round: hidden from lists and getRound, still stored', async () => {
    const centre = await addCentre();
    const kept = await addRound(centre, { title: 'Kvar' });
    const deleted = await addRound(centre, { title: 'Borta' });
    await t.repo.softDeleteRound(deleted.id);
    expect((await t.repo.listRounds(centre.id)).map((r) => r.id)).toEqual([kept.id]);
    expect((await t.repo.listRoundOverviews(centre.id)).map((o) => o.round.id)).toEqual([kept.id]);
    expect(await t.repo.getRound(deleted.id)).toBeUndefined();
    expect(await t.db.rounds.get(deleted.id)).toHaveProperty('deletedAt');
  });

  it('restores a soft-deleted round with its answers', async () => {
    const centre = await addCentre();
    const round = await addRound(centre);
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: 4 });
    await t.repo.softDeleteRound(round.id);
    await t.repo.restoreRound(round.id);
    const restored = await t.repo.getRound(round.id);
    expect(restored).toBeDefined();
    expect(restored).not.toHaveProperty('deletedAt');
    expect(await t.repo.listAnswers(round.id)).toHaveLength(1);
  });

  it('does nothing when restoring a round that does not exist', async () => {
    await expect(t.repo.restoreRound('nope')).resolves.toBe(false);
    expect(await t.db.rounds.count()).toBe(0);
  });

  it('purges a deleted round with its answers and reflections, keeping the centre and other rounds', async () => {
    const centre = await addCentre();
    const kept = await addRound(centre);
    const doomed = await addRound(centre);
    await t.repo.saveAnswer(kept.id, 'goal-a', 'a-1', { value: 1 });
    await t.repo.saveAnswer(doomed.id, 'goal-a', 'a-1', { value: 2 });
    await t.repo.saveAnswer(doomed.id, 'goal-a', 'a-2', { value: 'dont-know' });
    await t.repo.saveReflection(doomed.id, 'goal-a', { note: 'x' });
    await t.repo.softDeleteRound(doomed.id);
    await purgeAfterWindow();
    expect(await counts()).toEqual({ centres: 1, rounds: 1, answers: 1, reflections: 0, actions: 0, ratings: 0 });
    expect(await t.db.rounds.get(doomed.id)).toBeUndefined();
    expect(await t.repo.getRound(kept.id)).toBeDefined();
  });

  it('purges a deleted round with its actions and ratings, keeping those of the other rounds (and an action carried from it)', async () => {
    const centre = await addCentre();
    const doomed = await addRound(centre, { date: '2025-10-01' });
    const kept = await addRound(centre);
    const source = makeAction(doomed, { status: 'ongoing' });
    await t.repo.addActions([source, makeAction(doomed, { goalId: 'goal-c', status: 'dropped', due: '' })]);
    const carried = makeAction(kept, { carriedFromId: source.id, createdAt: '2026-03-10T10:00:00.000Z' });
    await t.repo.addActions([carried]);
    for (const round of [doomed, kept]) {
      await t.repo.saveRating(round.id, 'a-1', firstParticipant(round), 3);
      await t.repo.saveRating(round.id, 'b-2', firstParticipant(round), 'not-relevant');
    }
    expect(await counts()).toMatchObject({ rounds: 2, actions: 3, ratings: 4 });

    await t.repo.softDeleteRound(doomed.id);
    // Soft-deleted only: still stored, until the purge.
    expect(await t.repo.listActions(doomed.id)).toHaveLength(2);
    await purgeAfterWindow();

    expect(await counts()).toEqual({ centres: 1, rounds: 1, answers: 0, reflections: 0, actions: 1, ratings: 2 });
    expect(await t.repo.listActions(doomed.id)).toEqual([]);
    expect(await t.repo.listRatings(doomed.id)).toEqual([]);
    expect(await t.repo.listActions(kept.id)).toEqual([carried]);
    expect((await t.repo.listRatings(kept.id)).map((rating) => rating.itemId).sort()).toEqual(['a-1', 'b-2']);
  });

  it('marks a round complete with completedAt, and reopening removes it', async () => {
    const centre = await addCentre();
    const round = await addRound(centre);
    at('2026-03-10T11:30:00.000Z');
    await t.repo.setRoundStatus(round.id, 'complete');
    expect(await t.repo.getRound(round.id)).toMatchObject({
      status: 'complete',
      completedAt: '2026-03-10T11:30:00.000Z',
      updatedAt: '2026-03-10T11:30:00.000Z',
    });

    at('2026-03-11T08:00:00.000Z');
    await t.repo.setRoundStatus(round.id, 'in-progress');
    const reopened = await t.repo.getRound(round.id);
    expect(reopened).toMatchObject({ status: 'in-progress', updatedAt: '2026-03-11T08:00:00.000Z' });
    expect(reopened).not.toHaveProperty('completedAt');
  });

  it('does nothing when setting the status of a round that does not exist', async () => {
    await t.repo.setRoundStatus('nope', 'complete');
    expect(await t.db.rounds.count()).toBe(0);
  });
});

describe('answers', () => {
  let centre: Centre;
  let round: Round;
  beforeEach(async () => {
    centre = await addCentre();
    round = await addRound(centre);
  });

  it('stores one answer record per round and item, however often it is saved', async () => {
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: 1 });
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: 2 });
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: 'dont-know' });
    const answers = await t.repo.listAnswers(round.id);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ roundId: round.id, itemId: 'a-1', value: 'dont-know', note: '' });
  });

  it('keeps the id of the answer when it is changed', async () => {
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: 1 });
    const [first] = await t.repo.listAnswers(round.id);
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: 3 });
    const [second] = await t.repo.listAnswers(round.id);
    expect(second?.id).toBe(first?.id);
  });

  it('keeps both the value and the note when they are saved one after the other', async () => {
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: 3 });
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { note: 'Vi har en plan' });
    expect(await t.repo.listAnswers(round.id)).toMatchObject([{ value: 3, note: 'Vi har en plan' }]);
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: 4 });
    expect(await t.repo.listAnswers(round.id)).toMatchObject([{ value: 4, note: 'Vi har en plan' }]);
  });

  it('keeps one record with both value and note when they are saved at the same moment', async () => {
    await Promise.all([
      t.repo.saveAnswer(round.id, 'goal-a', 'a-2', { value: 1 }),
      t.repo.saveAnswer(round.id, 'goal-a', 'a-2', { note: 'Samtidigt' }),
    ]);
    expect(await t.repo.listAnswers(round.id)).toMatchObject([{ itemId: 'a-2', value: 1, note: 'Samtidigt' }]);
  });

  it('starts a note-only answer without a value', async () => {
    await t.repo.saveAnswer(round.id, 'goal-b', 'b-2', { note: 'Osäkra' });
    expect(await t.repo.listAnswers(round.id)).toMatchObject([{ itemId: 'b-2', value: null, note: 'Osäkra' }]);
  });

  it('clears a value with null but keeps the note', async () => {
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: 2, note: 'Anteckning' });
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: null });
    expect(await t.repo.listAnswers(round.id)).toMatchObject([{ value: null, note: 'Anteckning' }]);
  });

  it('can empty a note', async () => {
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: 2, note: 'Anteckning' });
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { note: '' });
    expect(await t.repo.listAnswers(round.id)).toMatchObject([{ value: 2, note: '' }]);
  });

  it('keeps the answers of different items and rounds apart', async () => {
    const other = await addRound(centre);
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: 1 });
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-2', { value: 2 });
    await t.repo.saveAnswer(other.id, 'goal-a', 'a-1', { value: 4 });
    const mine = await t.repo.listAnswers(round.id);
    expect(mine.map((a) => [a.itemId, a.value]).sort()).toEqual([
      ['a-1', 1],
      ['a-2', 2],
    ]);
    expect(await t.repo.listAnswers(other.id)).toMatchObject([{ itemId: 'a-1', value: 4 }]);
  });

  it('remembers the item as the round position and bumps round.updatedAt', async () => {
    at('2026-03-10T10:15:00.000Z');
    await t.repo.saveAnswer(round.id, 'goal-b', 'b-3', { value: 2 });
    expect(await t.repo.getRound(round.id)).toMatchObject({
      position: { goalId: 'goal-b', itemId: 'b-3' },
      updatedAt: '2026-03-10T10:15:00.000Z',
    });
    expect((await t.repo.listAnswers(round.id))[0]?.updatedAt).toBe('2026-03-10T10:15:00.000Z');
  });

  it('stores answers with UUID ids and ISO timestamps', async () => {
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: 1 });
    const [answer] = await t.repo.listAnswers(round.id);
    expect(answer?.id).toMatch(UUID_PATTERN);
    expect(answer?.updatedAt).toMatch(ISO_TIMESTAMP);
  });

  it('refuses a note written from a text that is no longer the stored one (another tab wrote it), and keeps that text', async () => {
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: 2, note: 'Start' });
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { note: 'Från flik B', noteBase: 'Start' });
    const refused = t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { note: 'Från flik A', noteBase: 'Start' });
    await expect(refused).rejects.toBeInstanceOf(TextConflictError);
    await expect(refused).rejects.toMatchObject({ stored: 'Från flik B' });
    expect(await t.repo.listAnswers(round.id)).toMatchObject([{ value: 2, note: 'Från flik B' }]);
  });

  it('writes a note whose base is the stored text, or that equals it; a tap never conflicts with a note', async () => {
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { note: 'Först', noteBase: '' });
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { note: 'Först', noteBase: 'något annat' });
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: 3 });
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { note: 'Sedan', noteBase: 'Först' });
    expect(await t.repo.listAnswers(round.id)).toMatchObject([{ value: 3, note: 'Sedan' }]);
  });

  it('saves the position without an answer', async () => {
    await t.repo.savePosition(round.id, { goalId: 'goal-c' });
    expect((await t.repo.getRound(round.id))?.position).toEqual({ goalId: 'goal-c' });
    expect(await t.repo.listAnswers(round.id)).toEqual([]);
  });
});

describe('reflections', () => {
  let round: Round;
  beforeEach(async () => {
    round = await addRound(await addCentre());
  });

  it('stores one reflection per round and goal, keeping note and not-relevant together', async () => {
    at('2026-03-10T10:00:00.000Z');
    await t.repo.saveReflection(round.id, 'goal-b', { note: 'Vi behöver lokaler' });
    at('2026-03-10T10:01:00.000Z');
    await t.repo.saveReflection(round.id, 'goal-b', { notRelevant: true });
    const reflections = await t.repo.listReflections(round.id);
    expect(reflections).toHaveLength(1);
    expect(reflections[0]).toMatchObject({
      goalId: 'goal-b',
      note: 'Vi behöver lokaler',
      notRelevant: true,
      updatedAt: '2026-03-10T10:01:00.000Z',
    });
    expect(reflections[0]?.id).toMatch(UUID_PATTERN);
  });

  it('starts as relevant with an empty note', async () => {
    await t.repo.saveReflection(round.id, 'goal-a', {});
    expect(await t.repo.listReflections(round.id)).toMatchObject([{ notRelevant: false, note: '' }]);
  });

  it('refuses a reflection written from a text another tab has replaced', async () => {
    await t.repo.saveReflection(round.id, 'goal-a', { note: 'Flik B', noteBase: '' });
    await expect(t.repo.saveReflection(round.id, 'goal-a', { note: 'Flik A', noteBase: '' })).rejects.toBeInstanceOf(TextConflictError);
    expect(await t.repo.listReflections(round.id)).toMatchObject([{ note: 'Flik B' }]);
  });

  it('can mark a goal relevant again', async () => {
    await t.repo.saveReflection(round.id, 'goal-a', { notRelevant: true });
    await t.repo.saveReflection(round.id, 'goal-a', { notRelevant: false });
    expect(await t.repo.listReflections(round.id)).toMatchObject([{ notRelevant: false }]);
  });

  it('remembers the goal as the round position and bumps round.updatedAt', async () => {
    at('2026-03-10T12:00:00.000Z');
    await t.repo.saveReflection(round.id, 'goal-c', { note: 'Klart' });
    expect(await t.repo.getRound(round.id)).toMatchObject({
      position: { goalId: 'goal-c' },
      updatedAt: '2026-03-10T12:00:00.000Z',
    });
  });
});

describe('action plans', () => {
  let centre: Centre;
  let round: Round;
  beforeEach(async () => {
    centre = await addCentre();
    round = await addRound(centre);
  });

  it('stores an action as it is and bumps the round’s updatedAt to the action’s, keeping its position', async () => {
    await t.repo.savePosition(round.id, { goalId: 'goal-b', itemId: 'b-2' });
    const action = makeAction(round, { createdAt: '2026-03-11T08:00:00.000Z', updatedAt: '2026-03-11T08:15:00.000Z' });
    await t.repo.putAction(action);
    expect(await t.repo.listActions(round.id)).toEqual([action]);
    expect(await t.repo.getRound(round.id)).toMatchObject({ updatedAt: '2026-03-11T08:15:00.000Z', position: { goalId: 'goal-b', itemId: 'b-2' } });
  });

  it('replaces an action with the same id (a change of status, due date or text)', async () => {
    const action = makeAction(round);
    await t.repo.putAction(action);
    const changed: ActionItem = { ...action, status: 'done', due: '', what: 'Föräldragrupp varannan lördag', updatedAt: '2026-04-01T12:00:00.000Z' };
    await t.repo.putAction(changed);
    expect(await t.repo.listActions(round.id)).toEqual([changed]);
    expect((await t.repo.getRound(round.id))?.updatedAt).toBe('2026-04-01T12:00:00.000Z');
  });

  it('lists a round’s actions oldest first (then by id), every goal, and no other round’s', async () => {
    const other = await addRound(centre);
    const late = makeAction(round, { id: 'b-late', goalId: 'goal-a', createdAt: '2026-03-12T08:00:00.000Z' });
    const earlyB = makeAction(round, { id: 'b-early', goalId: 'goal-c', createdAt: '2026-03-10T08:00:00.000Z' });
    const earlyA = makeAction(round, { id: 'a-early', goalId: 'goal-b', createdAt: '2026-03-10T08:00:00.000Z' });
    await t.repo.addActions([late, earlyB, earlyA, makeAction(other)]);
    expect((await t.repo.listActions(round.id)).map((action) => action.id)).toEqual(['a-early', 'b-early', 'b-late']);
    expect(await t.repo.listActions('nope')).toEqual([]);
  });

  it('lists every action of a centre, over all its rounds, for carrying open ones forward', async () => {
    const later = await addRound(centre, { date: '2026-10-01' });
    const otherCentre = await addCentre('Alby');
    const otherRound = await addRound(otherCentre);
    const first = makeAction(round, { status: 'ongoing' });
    const carried = makeAction(later, { carriedFromId: first.id });
    await t.repo.addActions([first, carried, makeAction(otherRound)]);
    expect((await t.repo.listCentreActions(centre.id)).map((action) => action.id).sort()).toEqual([first.id, carried.id].sort());
    expect(await t.repo.listCentreActions('nope')).toEqual([]);
  });

  it('adds several actions at once without touching the round', async () => {
    const actions = [makeAction(round), makeAction(round, { goalId: 'goal-b' }), makeAction(round, { goalId: 'goal-c', due: '' })];
    await t.repo.addActions(actions);
    expect(await t.repo.listActions(round.id)).toHaveLength(3);
    expect((await t.repo.getRound(round.id))?.updatedAt).toBe(round.updatedAt);
  });

  it('adds all or none: one action that already exists refuses the whole batch', async () => {
    const existing = makeAction(round, { what: 'Finns redan' });
    await t.repo.putAction(existing);
    const batch = [makeAction(round, { what: 'Ny 1' }), { ...existing, what: 'Kopia' }, makeAction(round, { what: 'Ny 2' })];
    await expect(t.repo.addActions(batch)).rejects.toThrow();
    expect(await t.repo.listActions(round.id)).toEqual([existing]);
  });

  it('adds all or none: two actions with one id in the same batch add nothing', async () => {
    const twin = makeAction(round);
    await expect(t.repo.addActions([makeAction(round), twin, { ...twin, what: 'Tvilling' }])).rejects.toThrow();
    expect(await t.db.actions.count()).toBe(0);
  });

  it('adding nothing is fine', async () => {
    await t.repo.addActions([]);
    expect(await t.db.actions.count()).toBe(0);
  });

  it('deletes one action, leaving the others', async () => {
    const gone = makeAction(round);
    const kept = makeAction(round, { goalId: 'goal-b' });
    await t.repo.addActions([gone, kept]);
    await t.repo.deleteAction(gone.id);
    expect(await t.repo.listActions(round.id)).toEqual([kept]);
    await expect(t.repo.deleteAction('nope')).resolves.toBeUndefined();
  });
});

describe('individual ratings', () => {
  let round: Round;
  let anna: string;
  const bo = participant('Bo', 'BMM');
  beforeEach(async () => {
    const centre = await addCentre();
    round = await addRound(centre, { participants: [participant('Anna', 'BVC'), bo] });
    anna = firstParticipant(round);
  });

  it('stores one record per round, item and participant, however often it is saved', async () => {
    await t.repo.saveRating(round.id, 'a-1', anna, 2);
    await t.repo.saveRating(round.id, 'a-1', anna, 3);
    await t.repo.saveRating(round.id, 'a-1', anna, 'dont-know');
    expect(await t.repo.listRatings(round.id)).toMatchObject([{ roundId: round.id, itemId: 'a-1', participantId: anna, value: 'dont-know' }]);
    expect(await t.db.ratings.count()).toBe(1);
  });

  it('keeps the id of the rating when it is changed, and bumps its updatedAt', async () => {
    await t.repo.saveRating(round.id, 'a-1', anna, 2);
    const [first] = await t.repo.listRatings(round.id);
    at('2026-03-10T09:05:00.000Z');
    await t.repo.saveRating(round.id, 'a-1', anna, 4);
    const [second] = await t.repo.listRatings(round.id);
    expect(second).toEqual({ ...first, value: 4, updatedAt: '2026-03-10T09:05:00.000Z' });
  });

  it('clears a rating with null, keeping the record', async () => {
    await t.repo.saveRating(round.id, 'a-1', anna, 1);
    await t.repo.saveRating(round.id, 'a-1', anna, null);
    expect(await t.repo.listRatings(round.id)).toMatchObject([{ value: null }]);
  });

  it('keeps the ratings of different participants, items and rounds apart', async () => {
    const other = await addRound(await addCentre('Alby'), { participants: [participant('Anna', 'BVC', anna)] });
    await t.repo.saveRating(round.id, 'a-1', anna, 1);
    await t.repo.saveRating(round.id, 'a-1', bo.id, 2);
    await t.repo.saveRating(round.id, 'a-2', anna, 3);
    await t.repo.saveRating(other.id, 'a-1', anna, 4);
    await t.repo.saveRating(round.id, 'a-1', bo.id, 'not-relevant');
    const values = (await t.repo.listRatings(round.id)).map((r) => `${r.itemId} ${r.participantId === anna ? 'Anna' : 'Bo'} ${String(r.value)}`).sort();
    expect(values).toEqual(['a-1 Anna 1', 'a-1 Bo not-relevant', 'a-2 Anna 3']);
    expect(await t.repo.listRatings(other.id)).toMatchObject([{ itemId: 'a-1', participantId: anna, value: 4 }]);
    expect(await t.db.ratings.count()).toBe(4);
  });

  it('stores ratings with UUID ids and ISO timestamps', async () => {
    await t.repo.saveRating(round.id, 'c-1', bo.id, 3);
    const [rating] = await t.repo.listRatings(round.id);
    expect(rating?.id).toMatch(UUID_PATTERN);
    expect(rating?.updatedAt).toMatch(ISO_TIMESTAMP);
  });

  it('the database refuses a second record for the same round, item and participant', async () => {
    await t.repo.saveRating(round.id, 'a-1', anna, 2);
    await expect(t.db.ratings.add({ id: crypto.randomUUID(), roundId: round.id, itemId: 'a-1', participantId: anna, value: 3, updatedAt: '2026-03-10T09:00:00.000Z' })).rejects.toThrow();
  });
});

describe('own items', () => {
  it('lists a centre\'s own items oldest first, retired ones too, and no other centre\'s', async () => {
    const centre = await addCentre();
    const other = await addCentre('Familjecentralen Alby');
    const newer = makeLocalItem(centre.id, 'goal-b', { createdAt: '2026-02-02T00:00:00.000Z' });
    const older = makeLocalItem(centre.id, 'goal-a', { createdAt: '2026-01-01T00:00:00.000Z', retired: true });
    await t.repo.putLocalItem(newer);
    await t.repo.putLocalItem(older);
    await t.repo.putLocalItem(makeLocalItem(other.id, 'goal-a'));
    expect(await t.repo.listLocalItems(centre.id)).toEqual([older, newer]);
  });

  it('deletes an own item no round has rated or written on, with its empty answers and ratings', async () => {
    const centre = await addCentre();
    const round = await addRound(centre);
    const own = makeLocalItem(centre.id, 'goal-b');
    await t.repo.putLocalItem(own);
    await t.repo.saveAnswer(round.id, 'goal-b', own.id, { value: 3 });
    await t.repo.saveAnswer(round.id, 'goal-b', own.id, { value: null });
    expect(await t.repo.localItemUsed(own.id)).toBe(false);
    await t.repo.saveRating(round.id, own.id, 'someone', null);
    expect(await t.repo.removeLocalItem(own.id)).toBe('deleted');
    expect(await t.repo.listLocalItems(centre.id)).toEqual([]);
    expect(await t.repo.listAnswers(round.id)).toEqual([]);
    expect(await t.repo.listRatings(round.id)).toEqual([]);
    expect(await t.repo.removeLocalItem(own.id)).toBe('missing');
  });

  it('retires an own item a round wrote only a note on: the note is not lost', async () => {
    const centre = await addCentre();
    const round = await addRound(centre);
    const own = makeLocalItem(centre.id, 'goal-b');
    await t.repo.putLocalItem(own);
    await t.repo.saveAnswer(round.id, 'goal-b', own.id, { note: 'Vi pratade om det' });
    expect(await t.repo.localItemUsed(own.id)).toBe(true);
    expect(await t.repo.removeLocalItem(own.id)).toBe('retired');
    expect(await t.repo.listAnswers(round.id)).toMatchObject([{ itemId: own.id, note: 'Vi pratade om det' }]);
  });

  it('retires an own item a round has answered: the answer stays, the item is kept', async () => {
    const centre = await addCentre();
    const round = await addRound(centre);
    const own = makeLocalItem(centre.id, 'goal-b');
    await t.repo.putLocalItem(own);
    await t.repo.saveAnswer(round.id, 'goal-b', own.id, { value: 'dont-know' });
    at('2026-03-11T09:00:00.000Z');
    expect(await t.repo.removeLocalItem(own.id)).toBe('retired');
    expect(await t.repo.listLocalItems(centre.id)).toEqual([{ ...own, retired: true, updatedAt: '2026-03-11T09:00:00.000Z' }]);
    expect(await t.repo.listAnswers(round.id)).toMatchObject([{ itemId: own.id, value: 'dont-know' }]);
  });

  it('are purged with their centre, and exported with it', async () => {
    const centre = await addCentre();
    const own = makeLocalItem(centre.id, 'goal-b');
    await t.repo.putLocalItem(own);
    expect((await t.repo.exportSource(centre.id))?.localItems).toEqual([own]);
    await t.repo.softDeleteCentre(centre.id);
    await purgeAfterWindow();
    expect(await t.db.localItems.count()).toBe(0);
  });
});

describe('installed instruments', () => {
  const network = networkVersion(smallInstrument, '3.0.0');

  it('installs a version once: a second copy is left as it is', async () => {
    expect(await t.repo.installInstrument(network, 'natverket.json')).toBe('installed');
    expect(await t.repo.installInstrument({ ...network, title: { sv: 'Annan', en: 'Other' } }, 'annan.json')).toBe('present');
    expect(await t.repo.listInstalledInstruments()).toEqual([
      { key: `${network.id}@3.0.0`, instrument: network, fileName: 'natverket.json', installedAt: '2026-03-10T09:00:00.000Z' },
    ]);
  });

  it('counts the rounds answered with a version, deleted ones too, and uninstalls only an unused one', async () => {
    await t.repo.installInstrument(network, 'natverket.json');
    const centre = await addCentre();
    const round = await addRound(centre, { instrumentVersion: '3.0.0' });
    await addRound(centre);
    expect(await t.repo.roundsUsingInstrument(network.id, '3.0.0')).toBe(1);
    expect(await t.repo.uninstallInstrument(`${network.id}@3.0.0`)).toBe(false);
    await t.repo.softDeleteRound(round.id);
    expect(await t.repo.roundsUsingInstrument(network.id, '3.0.0')).toBe(1);
    await purgeAfterWindow();
    expect(await t.repo.uninstallInstrument(`${network.id}@3.0.0`)).toBe(true);
    expect(await t.repo.listInstalledInstruments()).toEqual([]);
    expect(await t.repo.uninstallInstrument(`${network.id}@3.0.0`)).toBe(false);
  });

  it('puts the versions the exported rounds use in the export source, for the file to carry', async () => {
    await t.repo.installInstrument(network, 'natverket.json');
    const centre = await addCentre();
    await addRound(centre, { instrumentVersion: '3.0.0' });
    expect((await t.repo.exportSource(centre.id))?.networkInstruments).toEqual([network]);
  });
});

describe('listRoundOverviews', () => {
  it('gives each round of the centre with its own answers and reflections, newest first', async () => {
    const centre = await addCentre();
    const spring = await addRound(centre, { date: '2026-03-10' });
    const autumn = await addRound(centre, { date: '2026-10-01' });
    const empty = await addRound(centre, { date: '2025-10-01' });
    const elsewhere = await addRound(await addCentre('Annan'));
    await t.repo.saveAnswer(spring.id, 'goal-a', 'a-1', { value: 1 });
    await t.repo.saveAnswer(spring.id, 'goal-a', 'a-2', { value: 2 });
    await t.repo.saveAnswer(autumn.id, 'goal-a', 'a-1', { value: 3 });
    await t.repo.saveReflection(autumn.id, 'goal-b', { notRelevant: true });
    await t.repo.saveAnswer(elsewhere.id, 'goal-a', 'a-1', { value: 4 });

    const overviews = await t.repo.listRoundOverviews(centre.id);
    expect(overviews.map((o) => o.round.id)).toEqual([autumn.id, spring.id, empty.id]);
    const [first, second, third] = overviews;
    expect(first?.answers.map((a) => a.value)).toEqual([3]);
    expect(first?.reflections.map((r) => r.goalId)).toEqual(['goal-b']);
    expect(second?.answers.map((a) => a.value).sort()).toEqual([1, 2]);
    expect(second?.reflections).toEqual([]);
    expect(third).toMatchObject({ answers: [], reflections: [] });
  });

  it('is empty for a centre without rounds', async () => {
    const centre = await addCentre();
    expect(await t.repo.listRoundOverviews(centre.id)).toEqual([]);
  });
});

describe('settings', () => {
  it('stores, overwrites and reads settings by key', async () => {
    expect(await t.repo.getSetting('lastCentre')).toBeUndefined();
    await t.repo.setSetting('lastCentre', 'a');
    await t.repo.setSetting('lastCentre', 'b');
    expect(await t.repo.getSetting('lastCentre')).toBe('b');
    expect(await t.db.settings.count()).toBe(1);
  });
});

describe('every stored record is mergeable', () => {
  it('has a UUID id and an ISO updatedAt', async () => {
    vi.useRealTimers();
    const centre = await addCentre();
    const round = await addRound(centre);
    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: 1 });
    await t.repo.saveReflection(round.id, 'goal-a', { note: 'x' });
    await t.repo.saveRating(round.id, 'a-1', firstParticipant(round), 2);
    await t.repo.setRoundStatus(round.id, 'complete');
    await t.repo.updateCentre(centre.id, centreInput());
    const records = [
      ...(await t.db.centres.toArray()),
      ...(await t.db.rounds.toArray()),
      ...(await t.db.answers.toArray()),
      ...(await t.db.reflections.toArray()),
      ...(await t.db.ratings.toArray()),
    ];
    expect(records).toHaveLength(5);
    for (const record of records) {
      expect(record.id).toMatch(UUID_PATTERN);
      expect(record.updatedAt).toMatch(ISO_TIMESTAMP);
    }
  });
});

describe('listRoundOverviews at many rounds', () => {
  it('gives each of 300 rounds exactly its own answers', async () => {
    const centre = await addCentre();
    const rounds: Round[] = [];
    for (let i = 0; i < 300; i += 1) {
      const day = String((i % 28) + 1).padStart(2, '0');
      rounds.push({ ...createRound(centre.id, roundInput(), smallInstrument), date: `${String(2000 + Math.floor(i / 12))}-${String((i % 12) + 1).padStart(2, '0')}-${day}` });
    }
    await t.db.rounds.bulkAdd(rounds);
    await t.db.answers.bulkAdd(rounds.flatMap((round, i) => ['a-1', 'a-2'].slice(0, (i % 2) + 1).map((itemId) => ({ id: crypto.randomUUID(), roundId: round.id, itemId, value: 1 as const, note: round.id, updatedAt: '2026-03-10T09:00:00.000Z' }))));

    const overviews = await t.repo.listRoundOverviews(centre.id);
    expect(overviews).toHaveLength(300);
    for (const overview of overviews) {
      const index = rounds.findIndex((r) => r.id === overview.round.id);
      expect(overview.answers).toHaveLength((index % 2) + 1);
      expect(overview.answers.every((a) => a.roundId === overview.round.id && a.note === overview.round.id)).toBe(true);
    }
  });
});

describe('roundOrderKey', () => {
  /** Runs the fingerprint as a live query and counts how often Dexie runs it. */
  function watchOrder(centreId: string): { runs: () => number; stop: () => void } {
    let runs = 0;
    const subscription = liveQuery(() => {
      runs += 1;
      return t.repo.roundOrderKey(centreId);
    }).subscribe({});
    return { runs: () => runs, stop: () => subscription.unsubscribe() };
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

  it('is not run again when an answer touches a round, but is when rounds are added, dated anew or deleted', async () => {
    const centre = await addCentre();
    const round = await addRound(centre, { date: '2026-03-10' });
    const watch = watchOrder(centre.id);
    await settle();
    expect(watch.runs()).toBe(1);

    await t.repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: 2 });
    await t.repo.savePosition(round.id, { goalId: 'goal-a', itemId: 'a-1' });
    await settle();
    expect(watch.runs()).toBe(1);

    const before = await t.repo.roundOrderKey(centre.id);
    await t.repo.updateRound(round.id, { ...roundInput(), date: '2026-04-01' });
    await settle();
    expect(watch.runs()).toBe(2);
    const dated = await t.repo.roundOrderKey(centre.id);
    expect(dated).not.toBe(before);

    await addRound(centre, { date: '2025-01-01' });
    await settle();
    expect(watch.runs()).toBe(3);

    await t.repo.softDeleteRound(round.id);
    await settle();
    expect(watch.runs()).toBe(4);
    expect(await t.repo.roundOrderKey(centre.id)).not.toBe(dated);
    watch.stop();
  });
});
