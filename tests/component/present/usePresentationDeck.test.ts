import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { usePresentationDeck } from '@/components/present/usePresentationDeck';
import { routes } from '@/modules/router';
import { makeCentre, makeRound } from '../../fixtures/records';
import { seedScoredRounds } from '../../fixtures/scoredRounds';

const centre = makeCentre({ id: 'centre-deck', name: 'Familjecentralen Mötet' });
// Added out of date order: the deck goes by the rounds' dates, not by when they were written.
const rounds = [
  makeRound(centre.id, { id: 'round-autumn', title: 'Hösten 2026', date: '2026-10-10', period: 'HT 2026' }),
  makeRound(centre.id, { id: 'round-2025', title: 'Hösten 2025', date: '2025-10-10', period: 'HT 2025' }),
  makeRound(centre.id, { id: 'round-spring', title: 'Våren 2026', date: '2026-04-20', period: 'VT 2026' }),
];

beforeEach(() => seedScoredRounds(centre, rounds));

/** The deck as the presentation at `query` sees it, once the rounds are read. */
async function deckAt(query: Record<string, string> = {}) {
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push({ name: 'present', params: { centreId: centre.id }, query });
  await router.isReady();
  let deck: ReturnType<typeof usePresentationDeck> | undefined;
  mount(
    defineComponent({
      setup() {
        deck = usePresentationDeck(() => centre.id);
        return () => h('div');
      },
    }),
    { global: { plugins: [createPinia(), router] } },
  );
  await vi.waitFor(
    async () => {
      await flushPromises();
      expect(deck?.full.value?.rounds.length).toBeGreaterThan(0);
    },
    { timeout: 5000 },
  );
  if (!deck) throw new Error('the deck was not set up');
  return deck;
}

describe('usePresentationDeck', () => {
  it('shows the two newest rounds by date when the link names none, the newest last', async () => {
    const deck = await deckAt();
    expect(deck.roundIds.value).toEqual(['round-spring', 'round-autumn']);
    expect(deck.full.value?.rounds.map((round) => round.roundId)).toEqual(['round-spring', 'round-autumn']);
  });

  it('shows the rounds the link names, in the rounds’ own order', async () => {
    const deck = await deckAt({ rounds: 'round-autumn,round-2025' });
    expect(deck.full.value?.rounds.map((round) => round.roundId)).toEqual(['round-2025', 'round-autumn']);
  });

  it('while the newest is hidden, shows the rounds before it only', async () => {
    const deck = await deckAt({ hidden: '1' });
    expect(deck.hidden.value).toBe(true);
    // The charts are drawn from the earlier round only; the deck still knows which one is hidden.
    expect(deck.charts.labels.value).toEqual(['VT 2026']);
    expect(deck.fullLabels.value).toEqual(['VT 2026', 'HT 2026']);
    expect(deck.newestLabel.value).toBe('HT 2026');
  });
});
