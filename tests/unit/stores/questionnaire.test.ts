import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { repository } from '../../fixtures/repository';
import { roundRepository } from '@/db/rounds';
import { createCentre, createRound } from '@/domain/records';
import type { Instrument, Round } from '@/domain/types';
import { useInstrumentStore } from '@/stores/instrument';
import { useQuestionnaireStore } from '@/stores/questionnaire';
import { useSaveStatusStore } from '@/stores/saveStatus';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { centreInput, roundInput } from '../../fixtures/records';

let questionnaire: ReturnType<typeof useQuestionnaireStore>;
let instrument: Instrument;
let round: Round;

beforeEach(async () => {
  await emptyAppDatabase();
  setActivePinia(createPinia());
  const loaded = await useInstrumentStore().load();
  if (!loaded) throw new Error('the default instrument did not load');
  instrument = loaded;
  const centre = createCentre(centreInput());
  await repository.addCentre(centre);
  round = createRound(centre.id, roundInput(), instrument);
  await repository.addRound(round);
  questionnaire = useQuestionnaireStore();
});

afterEach(() => {
  questionnaire.$dispose();
});

async function openRound(): Promise<void> {
  questionnaire.open(round.id);
  await vi.waitFor(() => expect(questionnaire.loaded && questionnaire.round?.id === round.id).toBe(true));
}

describe('questionnaire store', () => {
  it('openAndLoad resolves only once the round and its answers are read, also after another round', async () => {
    await repository.saveAnswer(round.id, 'goal-1', 'g1-open-to-all', { value: 3 });
    const other = createRound(round.centreId, roundInput({ title: 'Another' }), instrument);
    await repository.addRound(other);
    await questionnaire.openAndLoad(other.id);
    expect(questionnaire.round?.id).toBe(other.id);

    await questionnaire.openAndLoad(round.id);
    // Not the other round's state still standing: this round, read.
    expect(questionnaire.loaded).toBe(true);
    expect(questionnaire.round?.id).toBe(round.id);
    expect(questionnaire.answers.get('g1-open-to-all')?.value).toBe(3);
  });

  it('opens a new round (instrument 2.0.0) with no answers: 0 of 41, at the top of the first goal', async () => {
    await openRound();
    expect(questionnaire.progress).toMatchObject({ answered: 0, total: 41, complete: false });
    expect(questionnaire.resumeAt()).toEqual({ goalId: 'goal-1' });
    expect(questionnaire.nextUnanswered()).toEqual({ goalId: 'goal-1', itemId: 'g1-open-to-all' });
  });

  it('saves an answer, counts it live and resumes where the group was', async () => {
    await openRound();
    await questionnaire.setAnswer('goal-2', 'g2-joint-activities', 3);
    await vi.waitFor(() => expect(questionnaire.progress?.answered).toBe(1));
    expect(questionnaire.answers.get('g2-joint-activities')?.value).toBe(3);
    expect(useSaveStatusStore().state).toBe('saved');
    await vi.waitFor(() => expect(questionnaire.round?.position).toEqual({ goalId: 'goal-2', itemId: 'g2-joint-activities' }));
    expect(questionnaire.resumeAt()).toEqual({ goalId: 'goal-2', itemId: 'g2-joint-activities' });
    expect(questionnaire.nextUnanswered()).toEqual({ goalId: 'goal-1', itemId: 'g1-open-to-all' });
  });

  it('keeps note and answer of an item together', async () => {
    await openRound();
    await questionnaire.setNote('goal-1', 'g1-information', 'Broschyr finns');
    await questionnaire.setAnswer('goal-1', 'g1-information', 'dont-know');
    await vi.waitFor(() =>
      expect(questionnaire.answers.get('g1-information')).toMatchObject({ value: 'dont-know', note: 'Broschyr finns' }),
    );
  });

  it('counts a goal marked not relevant as done and skips it when looking for the next item', async () => {
    await openRound();
    await questionnaire.setGoalNotRelevant('goal-1', true);
    await vi.waitFor(() => expect(questionnaire.progress?.answered).toBe(7));
    expect(questionnaire.progress?.goals[0]).toMatchObject({ skipped: true, complete: true });
    expect(questionnaire.nextUnanswered()?.goalId).toBe('goal-2');
    await questionnaire.setReflection('goal-1', 'Inte nu');
    await vi.waitFor(() => expect(questionnaire.reflections.get('goal-1')).toMatchObject({ notRelevant: true, note: 'Inte nu' }));
  });

  it('remembers a position without answering', async () => {
    await openRound();
    await questionnaire.rememberPosition({ goalId: 'goal-4' });
    await vi.waitFor(() => expect(questionnaire.round?.position).toEqual({ goalId: 'goal-4' }));
    expect(questionnaire.resumeAt()).toEqual({ goalId: 'goal-4' });
  });

  it('switches to another round and shows only its answers', async () => {
    await openRound();
    await questionnaire.setAnswer('goal-1', 'g1-open-to-all', 4);
    const other = createRound(round.centreId, roundInput({ title: 'Annan' }), instrument);
    await repository.addRound(other);
    questionnaire.open(other.id);
    await vi.waitFor(() => expect(questionnaire.loaded && questionnaire.round?.id === other.id).toBe(true));
    expect(questionnaire.answers.size).toBe(0);
    expect(questionnaire.progress?.answered).toBe(0);
  });

  it('shows last round’s answers and the rounds of the year, and a tap reads the centre’s rounds no more', async () => {
    const earlier = createRound(round.centreId, roundInput({ title: 'Hösten', date: '2025-10-01', period: 'HT 2025' }), instrument);
    await repository.addRound(earlier);
    await repository.saveAnswer(earlier.id, 'goal-1', 'g1-open-to-all', { value: 2 });
    const listRounds = vi.spyOn(roundRepository, 'listRounds');
    await openRound();
    await vi.waitFor(() => expect(questionnaire.previousAnswers?.get('g1-open-to-all')?.value).toBe(2));
    expect(questionnaire.previousRound?.title).toBe('Hösten');
    expect(questionnaire.roundsThisYear).toBe(1);
    const reads = listRounds.mock.calls.length;

    await questionnaire.setAnswer('goal-1', 'g1-open-to-all', 4);
    await vi.waitFor(() => expect(questionnaire.answers.get('g1-open-to-all')?.value).toBe(4));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(listRounds.mock.calls.length).toBe(reads);
    expect(questionnaire.previousAnswers?.get('g1-open-to-all')?.value).toBe(2);

    // A round added in the same year is counted (the rounds' order changed, so they are read again).
    await repository.addRound(createRound(round.centreId, roundInput({ title: 'Extra', date: '2026-01-20' }), instrument));
    await vi.waitFor(() => expect(questionnaire.roundsThisYear).toBe(2));
    expect(questionnaire.previousRound?.title).toBe('Extra');
    listRounds.mockRestore();
  });

  it('writes nothing before a round is opened', async () => {
    await questionnaire.setAnswer('goal-1', 'g1-open-to-all', 2);
    expect(await repository.listAnswers(round.id)).toEqual([]);
    expect(useSaveStatusStore().state).toBe('idle');
  });

  it('has no round for an id that does not exist', async () => {
    questionnaire.open('no-such-round');
    await vi.waitFor(() => expect(questionnaire.loaded).toBe(true));
    expect(questionnaire.round).toBeUndefined();
  });
});
