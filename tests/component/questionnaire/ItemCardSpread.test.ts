import { mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import ItemCard from '@/components/questionnaire/ItemCard.vue';
import type { IndividualRating, InstrumentItem, Participant } from '@/domain/types';
import type { ItemRatings } from '@/stores/ratings';
import { smallInstrument } from '../../fixtures/instruments';

const item = smallInstrument.goals[0]?.items[0];
if (!item) throw new Error('fixture changed');
const participants: Participant[] = [
  { id: 'p1', name: 'Anna', role: '' },
  { id: 'p2', name: 'Bo', role: '' },
];
const ratings: IndividualRating[] = [
  { id: 'r1', roundId: 'r', itemId: item.id, participantId: 'p1', value: 1, updatedAt: '' },
  { id: 'r2', roundId: 'r', itemId: item.id, participantId: 'p2', value: 3, updatedAt: '' },
];

function mountCard(itemRatings?: ItemRatings) {
  return mount(ItemCard, {
    props: {
      item: item as InstrumentItem,
      number: 1,
      total: 2,
      levels: smallInstrument.scale.levels,
      value: 2,
      note: '',
      saveNote: () => Promise.resolve(),
      ...(itemRatings ? { ratings: itemRatings } : {}),
    },
    global: { plugins: [createPinia()] },
  });
}

describe('ItemCard with individual ratings', () => {
  it('shows no spread when nobody has rated the item', () => {
    expect(mountCard().find('[data-testid="rating-spread"]').exists()).toBe(false);
  });

  it('shows that the ratings are hidden until everyone has rated the goal', () => {
    const card = mountCard({ ratings, participants, revealed: false, showNames: false });
    expect(card.get('[data-testid="rating-spread"]').text()).toContain('Dolt tills alla har bedömt');
    expect(card.find('[data-testid="spread-range"]').exists()).toBe(false);
  });

  it('shows the spread beside the consensus answer once everyone has rated, keeping the consensus chosen', () => {
    const card = mountCard({ ratings, participants, revealed: true, showNames: false });
    expect(card.get('[data-testid="spread-range"]').text()).toBe('Min–max: 1–3');
    expect(card.find('[data-testid="spread-flag"]').exists()).toBe(true);
    expect(card.find<HTMLInputElement>('input[type="radio"][value="2"]').element.checked).toBe(true);
    expect(card.text()).not.toContain('Anna');
  });
});
