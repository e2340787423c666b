import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import HandInPanel from '@/components/handIns/HandInPanel.vue';
import { db } from '@/db';
import { repository } from '../../fixtures/repository';
import { loadDefaultInstrument } from '@/instrument';
import { routes } from '@/modules/router';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { makeCentre, makeRound, participant } from '../../fixtures/records';

const centre = makeCentre({ id: 'centre-h', name: 'Familjecentralen Inlämning' });
const round = makeRound(centre.id, { id: 'round-may', title: 'Våren 2026', date: '2026-05-05', period: 'VT 2026', participants: [participant('Anna Berg', 'BVC')] });
let itemId = '';

beforeEach(async () => {
  await emptyAppDatabase();
  await repository.addCentre(centre);
  await repository.addRound(round);
  const instrument = await loadDefaultInstrument();
  itemId = instrument.goals[0]?.items[0]?.id ?? '';
  await repository.saveAnswer(round.id, 'goal-1', itemId, { value: 3 });
});

async function mountPanel(unanswered: number): Promise<VueWrapper> {
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push({ name: 'results', params: { centreId: centre.id, roundId: round.id } });
  await router.isReady();
  const panel = mount(HandInPanel, {
    props: { centreId: centre.id, roundId: round.id, roundDate: round.date, unanswered },
    global: { plugins: [createPinia(), router] },
    attachTo: document.body,
  });
  await flushPromises();
  return panel;
}

async function until(check: () => void): Promise<void> {
  await vi.waitFor(
    async () => {
      await flushPromises();
      check();
    },
    { timeout: 5000 },
  );
}

describe('HandInPanel', () => {
  it('suggests the spring check-in from the round date, says how many statements are unanswered, and seals on confirm', async () => {
    const panel = await mountPanel(34);
    expect(panel.text()).toContain('Lämna in omgångens skriftliga avstämning');
    await panel.get('[data-testid="hand-in-open"]').trigger('click');
    const select = panel.get<HTMLSelectElement>('[data-testid="hand-in-deadline"]');
    expect(select.element.value).toBe('check-in-spring@2026');
    expect(select.findAll('option').map((o) => o.text())).toContain('Skriftlig avstämning, våren 2026 (senast 15 maj 2026) – föreslagen');
    expect(panel.get('[data-testid="hand-in-unanswered"]').text()).toBe('34 påståenden är obesvarade. Vill du lämna in ändå?');
    expect(await db.handIns.count()).toBe(0);

    await panel.get('[data-testid="hand-in-confirm"]').trigger('click');
    await until(() => expect(panel.find('[data-testid="hand-in-sealed"]').exists()).toBe(true));
    const [stored] = await db.handIns.toArray();
    expect(stored).toMatchObject({ roundId: round.id, deadlineId: 'check-in-spring', year: 2026, sequence: 1 });
    const sealed = panel.get('[data-testid="hand-in-sealed"]');
    expect(sealed.attributes('data-hash')).toBe(stored?.hash);
    expect(sealed.text()).toMatch(/^Inlämnad \d{1,2} \w+ \d{4} · sha256:[0-9a-f]{8}…$/);
    expect(sealed.text()).toContain(`sha256:${stored?.hash.slice(7, 15) ?? ''}…`);
    // Nothing changed since: no second hand-in offered.
    expect(panel.find('[data-testid="hand-in-open"]').exists()).toBe(false);
    expect(panel.find('[data-testid="hand-in-changed"]').exists()).toBe(false);
    panel.unmount();
  });

  it('says one statement in the singular and nothing when all are answered', async () => {
    const one = await mountPanel(1);
    await one.get('[data-testid="hand-in-open"]').trigger('click');
    expect(one.get('[data-testid="hand-in-unanswered"]').text()).toBe('1 påstående är obesvarat. Vill du lämna in ändå?');
    one.unmount();
    const none = await mountPanel(0);
    await none.get('[data-testid="hand-in-open"]').trigger('click');
    expect(none.find('[data-testid="hand-in-unanswered"]').exists()).toBe(false);
    expect(none.text()).toContain('Alla påståenden är besvarade.');
    none.unmount();
  });

  it('shows "ändrad efter inlämning" with the change once the round is edited, and hands in again as number 2', async () => {
    const panel = await mountPanel(0);
    await panel.get('[data-testid="hand-in-open"]').trigger('click');
    await panel.get('[data-testid="hand-in-confirm"]').trigger('click');
    await until(() => expect(panel.find('[data-testid="hand-in-sealed"]').exists()).toBe(true));

    await repository.saveAnswer(round.id, 'goal-1', itemId, { value: 1 });
    await until(() => expect(panel.find('[data-testid="hand-in-changed"]').exists()).toBe(true));
    const changed = panel.get('[data-testid="hand-in-changed"]');
    expect(changed.text()).toContain('Ändrad efter inlämning');
    // The answer, and with it step 1 of the profile (its goal-1 evidence no longer holds).
    expect(changed.findAll('li').map((li) => li.attributes('data-kind'))).toEqual(['path-step', 'answer']);

    expect(panel.get('[data-testid="hand-in-open"]').text()).toBe('Lämna in på nytt');
    await panel.get('[data-testid="hand-in-open"]').trigger('click');
    await panel.get('[data-testid="hand-in-confirm"]').trigger('click');
    await until(() => expect(panel.find('[data-testid="hand-in-changed"]').exists()).toBe(false));
    const sequences = (await db.handIns.toArray()).map((h) => h.sequence).sort();
    expect(sequences).toEqual([1, 2]);
    panel.unmount();
  });
});
