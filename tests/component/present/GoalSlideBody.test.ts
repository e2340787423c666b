import { flushPromises, mount } from '@vue/test-utils';
import { getActivePinia, type Pinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import GoalSlideBody from '@/components/present/GoalSlideBody.vue';
import { usePresentationDeck } from '@/components/present/usePresentationDeck';
import { setLocale } from '@/i18n';
import { routes } from '@/modules/router';
import { endScenarios, givenCentre, type CentreScenario } from '../../fixtures/scenario';

/** The Pinia the scenario's stores live in (givenCentre makes it active). */
function scenarioPinia(): Pinia {
  const pinia = getActivePinia();
  if (!pinia) throw new Error('no scenario');
  return pinia;
}

afterEach(() => {
  endScenarios();
  setLocale('sv');
});

/** Goal 1 rated 2 in the spring and 3 in the autumn, with the autumn's reflection; goal 2 not rated. */
async function twoRounds(): Promise<CentreScenario> {
  const centre = await givenCentre();
  const items = centre.instrument.goals[0]?.items ?? [];
  const all = (value: 2 | 3) => Object.fromEntries(items.map((item) => [item.id, value]));
  await centre.round('VT 2026', { title: 'Våren', answers: all(2) });
  await centre.round('HT 2026', { title: 'Hösten', answers: all(3), reflections: { 'goal-1': '  Vi har börjat med gemensamma föräldragrupper.  ' } });
  return centre;
}

/** The slide body of goal `goalIndex` over the deck a presentation builds, at `?hidden=1` when hidden. */
async function mountBody(centre: CentreScenario, goalIndex: number, hidden = false) {
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push({ name: 'present', params: { centreId: centre.centreId }, query: hidden ? { hidden: '1' } : {} });
  await router.isReady();
  const Host = defineComponent({
    setup() {
      const deck = usePresentationDeck(() => centre.centreId);
      return () => h('div', [h('p', { class: 'rounds' }, String(deck.full.value?.rounds.length ?? 0)), h(GoalSlideBody, { deck, goalIndex })]);
    },
  });
  const body = mount(Host, { global: { plugins: [scenarioPinia(), router] } });
  await vi.waitFor(
    async () => {
      await flushPromises();
      expect(body.get('.rounds').text()).toBe('2');
    },
    { timeout: 5000 },
  );
  return body;
}

describe('GoalSlideBody', () => {
  it('shows the newest mean large, the change since the round before, every round’s mean and the reflection', async () => {
    const body = await mountBody(await twoRounds(), 0);
    expect(body.get('[data-testid="slide-score"]').text()).toBe('3,0HT 2026');
    expect(body.get('[data-testid="slide-change"]').text()).toBe('+1,0 ↑ sedan VT 2026');
    expect(body.findAll('.slide__series li').map((li) => li.text())).toEqual(['VT 20262,0', 'HT 20263,0']);
    // The reflection as written, without the spaces around it.
    expect(body.get('blockquote').text()).toBe('ReflektionVi har börjat med gemensamma föräldragrupper.');
  });

  it('while the newest round is hidden, shows "?" for its mean and change and keeps the reflection back, so the group can guess first', async () => {
    const body = await mountBody(await twoRounds(), 0, true);
    expect(body.get('[data-testid="slide-score"]').text()).toBe('?HT 2026');
    expect(body.get('[data-testid="slide-change"]').text()).toBe('?');
    expect(body.findAll('.slide__series li').map((li) => li.text())).toEqual(['VT 20262,0', 'HT 2026?']);
    expect(body.find('blockquote').exists()).toBe(false);
  });

  it('shows a goal not rated as a dash, and no reflection when there is none', async () => {
    const body = await mountBody(await twoRounds(), 1);
    expect(body.get('[data-testid="slide-score"]').text()).toBe('–HT 2026');
    expect(body.find('blockquote').exists()).toBe(false);
  });

  it('says it in English', async () => {
    setLocale('en');
    const body = await mountBody(await twoRounds(), 0);
    expect(body.get('[data-testid="slide-score"]').text()).toBe('3.0HT 2026');
    expect(body.get('[data-testid="slide-change"]').text()).toContain('since');
    expect(body.get('blockquote').text()).toBe('ReflectionVi har börjat med gemensamma föräldragrupper.');
  });
});
