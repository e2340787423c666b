import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { computed, defineComponent, h } from 'vue';
import RatingReveal from '@/components/questionnaire/RatingReveal.vue';
import { showNamesKey } from '@/domain/settingKeys';
import type { InstrumentGoal } from '@/domain/types';
import { setLocale } from '@/i18n';
import { useQuestionnaireStore } from '@/stores/questionnaire';
import { useRatingsStore } from '@/stores/ratings';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { smallInstrument } from '../../fixtures/instruments';
import { makeCentre, makeRound, participant } from '../../fixtures/records';
import { repository } from '../../fixtures/repository';

const goal = smallInstrument.goals[0] as InstrumentGoal;
const [first, second] = goal.items;
if (!first || !second) throw new Error('fixture changed');
const centre = makeCentre();
const round = makeRound(centre.id, { participants: [participant('Anna', 'BVC', 'p-anna'), participant('Bodil', 'BMM', 'p-bodil')] });

/** Hands the reveal the goal's spreads from the ratings store, as the individual-rating page does. */
const Host = defineComponent({
  setup() {
    const ratings = useRatingsStore();
    const spreads = computed(() => goal.items.map((item) => ({ item, ratings: ratings.forItem(goal, item.id) })));
    return () => h(RatingReveal, { spreads: spreads.value, levels: smallInstrument.scale.levels });
  },
});

let pinia: Pinia;
beforeEach(async () => {
  await emptyAppDatabase();
  await repository.addCentre(centre);
  await repository.addRound(round);
  for (const [itemId, anna, bodil] of [[first.id, 1, 4], [second.id, 3, 3]] as const) {
    await repository.saveRating(round.id, itemId, 'p-anna', anna);
    await repository.saveRating(round.id, itemId, 'p-bodil', bodil);
  }
  pinia = createPinia();
  setActivePinia(pinia);
  await useQuestionnaireStore().openAndLoad(round.id);
  await vi.waitFor(() => expect(useRatingsStore().ratings).toHaveLength(4));
});

afterEach(() => setLocale('sv'));

async function mountReveal() {
  const reveal = mount(Host, { global: { plugins: [pinia] } });
  await flushPromises();
  return reveal;
}

type Reveal = Awaited<ReturnType<typeof mountReveal>>;

function toggle(reveal: Reveal) {
  return reveal.get('button');
}

describe('RatingReveal', () => {
  it('says everyone has rated and keeps the ratings hidden until the group asks to see them', async () => {
    const reveal = await mountReveal();
    expect(reveal.get('[role="status"]').text()).toBe('Alla har bedömt.');
    expect(toggle(reveal).text()).toBe('Visa spridningen');
    expect(toggle(reveal).attributes('aria-expanded')).toBe('false');
    expect(reveal.find('[data-testid="rating-spread"]').exists()).toBe(false);
    expect(reveal.text()).not.toContain('påstående A1');
  });

  it('shows each statement’s spread when asked, anonymous, and hides it again', async () => {
    const reveal = await mountReveal();
    await toggle(reveal).trigger('click');
    expect(toggle(reveal).text()).toBe('Dölj spridningen');
    expect(toggle(reveal).attributes('aria-expanded')).toBe('true');
    const spreads = reveal.findAll('[data-testid="rating-spread"]');
    expect(spreads).toHaveLength(2);
    expect(reveal.get(`[data-item-id="${first.id}"] h3`).text()).toBe('Vi har ett påstående A1');
    expect(reveal.get(`[data-item-id="${first.id}"] [data-testid="spread-range"]`).text()).toBe('Min–max: 1–4');
    expect(reveal.find('[data-testid="spread-names"]').exists()).toBe(false);
    expect(reveal.text()).toContain('De individuella bedömningarna är anonyma om ni inte väljer att visa namn.');
    await toggle(reveal).trigger('click');
    expect(reveal.find('[data-testid="rating-spread"]').exists()).toBe(false);
  });

  it('shows names once the group turns them on, and the round remembers the choice', async () => {
    const reveal = await mountReveal();
    await toggle(reveal).trigger('click');
    const showNames = reveal.get<HTMLInputElement>('input[type="checkbox"]');
    expect(showNames.element.checked).toBe(false);
    await showNames.setValue(true);
    const names = reveal.get(`[data-item-id="${first.id}"]`).findAll('[data-testid="spread-names"]').map((n) => n.text());
    expect(names).toEqual(['(Anna)', '(Bodil)']);
    await vi.waitFor(async () => expect(await repository.getSetting(showNamesKey(round.id))).toBe('1'));
    await showNames.setValue(false);
    expect(reveal.find('[data-testid="spread-names"]').exists()).toBe(false);
    await vi.waitFor(async () => expect(await repository.getSetting(showNamesKey(round.id))).toBe('0'));
  });

  it('says it in English', async () => {
    setLocale('en');
    const reveal = await mountReveal();
    expect(reveal.get('[role="status"]').text()).toBe('Everyone has rated.');
    await toggle(reveal).trigger('click');
    expect(toggle(reveal).text()).toBe('Hide the spread');
    expect(reveal.get('label').text()).toBe('Show names');
    expect(reveal.get(`[data-item-id="${first.id}"] h3`).text()).toBe('We have a statement A1');
  });
});
