import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ParticipantRating from '@/components/questionnaire/ParticipantRating.vue';
import type { InstrumentGoal } from '@/domain/types';
import { setLocale } from '@/i18n';
import { useQuestionnaireStore } from '@/stores/questionnaire';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { smallInstrument } from '../../fixtures/instruments';
import { makeCentre, makeRound, participant } from '../../fixtures/records';
import { repository } from '../../fixtures/repository';

const goal = smallInstrument.goals[0] as InstrumentGoal;
const [first, second] = goal.items;
if (!first || !second || goal.items.length !== 2) throw new Error('fixture changed');
const centre = makeCentre();
const anna = participant('Anna', 'BVC', 'p-anna');
const round = makeRound(centre.id, { participants: [anna, participant('Bodil', 'BMM', 'p-bodil')] });

let pinia: Pinia;
beforeEach(async () => {
  await emptyAppDatabase();
  await repository.addCentre(centre);
  await repository.addRound(round);
  pinia = createPinia();
  setActivePinia(pinia);
  await useQuestionnaireStore().openAndLoad(round.id);
});

afterEach(() => setLocale('sv'));

async function mountRating() {
  const rating = mount(ParticipantRating, {
    props: { goal, levels: smallInstrument.scale.levels, participantId: anna.id },
    global: { plugins: [pinia] },
    attachTo: document.body,
  });
  await flushPromises();
  return rating;
}

type Rating = Awaited<ReturnType<typeof mountRating>>;

/** Taps level `value` on the statement at `index`. */
async function rate(rating: Rating, index: number, value: number): Promise<void> {
  const card = rating.findAll('li').filter((li) => li.find('input[type="radio"]').exists())[index];
  await card?.get(`input[type="radio"][value="${String(value)}"]`).setValue();
}

function answeredText(rating: Rating): string {
  return rating.get('.participant-rating__answered').text();
}

function handOverButton(rating: Rating) {
  const found = rating.findAll('button').find((button) => button.text() === 'Klar – lämna över');
  if (!found) throw new Error('no hand-over button');
  return found;
}

describe('ParticipantRating', () => {
  it('saves each rating as the participant’s own and counts what is answered', async () => {
    const rating = await mountRating();
    expect(answeredText(rating)).toBe('0 av 2 besvarade');
    await rate(rating, 0, 3);
    await vi.waitFor(() => expect(answeredText(rating)).toBe('1 av 2 besvarade'));
    const stored = await repository.listRatings(round.id);
    expect(stored.map(({ itemId, participantId, value }) => ({ itemId, participantId, value }))).toEqual([{ itemId: first.id, participantId: anna.id, value: 3 }]);
  });

  it('shows the participant’s earlier ratings when they open it again', async () => {
    await repository.saveRating(round.id, second.id, anna.id, 2);
    await repository.saveRating(round.id, first.id, 'p-bodil', 4);
    const rating = await mountRating();
    await vi.waitFor(() => expect(answeredText(rating)).toBe('1 av 2 besvarade'));
    const checked = rating.findAll<HTMLInputElement>('input[type="radio"]').filter((input) => input.element.checked);
    // Only Anna's own rating is shown: Bodil's 4 stays hidden from her.
    expect(checked.map((input) => input.element.value)).toEqual(['2']);
  });

  it('hands over at once when every statement is answered', async () => {
    const rating = await mountRating();
    await rate(rating, 0, 1);
    await rate(rating, 1, 4);
    await vi.waitFor(() => expect(answeredText(rating)).toBe('2 av 2 besvarade'));
    await handOverButton(rating).trigger('click');
    expect(rating.emitted('handOver')).toHaveLength(1);
    expect(rating.get<HTMLDialogElement>('dialog').element.open).toBe(false);
  });

  it('asks first when statements are left open, says how many, and hands over only when told to', async () => {
    const rating = await mountRating();
    await handOverButton(rating).trigger('click');
    const dialog = rating.get<HTMLDialogElement>('dialog');
    expect(dialog.element.open).toBe(true);
    expect(dialog.text()).toContain('Alla påståenden är inte besvarade');
    expect(dialog.text()).toContain('2 påståenden är obesvarade.');
    expect(rating.emitted('handOver')).toBeUndefined();
    await dialog.findAll('button').find((button) => button.text() === 'Avbryt')?.trigger('click');
    expect(rating.emitted('handOver')).toBeUndefined();
    await handOverButton(rating).trigger('click');
    await dialog.findAll('button').find((button) => button.text() === 'Lämna över ändå')?.trigger('click');
    expect(rating.emitted('handOver')).toHaveLength(1);
  });

  it('says it in English', async () => {
    setLocale('en');
    const rating = await mountRating();
    await rate(rating, 0, 2);
    await vi.waitFor(() => expect(answeredText(rating)).toBe('1 of 2 answered'));
    const button = rating.findAll('button').find((candidate) => candidate.text() === 'Done – hand over');
    await button?.trigger('click');
    expect(rating.get('dialog').text()).toContain('One statement is unanswered.');
  });
});
