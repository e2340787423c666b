import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { db } from '@/db';
import { repository } from '../../fixtures/repository';
import { handInRepository } from '@/db/handIns';
import { sealHandIn, type HandIn } from '@/domain/cycle/handIn';
import { legacyCheckIn } from '../../fixtures/documents';
import { loadBuiltInInstruments } from '@/instrument';
import { routes } from '@/modules/router';
import HandInView from '@/views/HandInView.vue';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { makeCentre, makeRound, participant } from '../../fixtures/records';

const centre = makeCentre({ id: 'centre-v', name: 'Familjecentralen Vy' });
const round = makeRound(centre.id, { id: 'round-v', title: 'Våren 2026', date: '2026-05-05', period: 'VT 2026', participants: [participant('Anna Berg', 'BVC')] });
let itemId = '';

async function seal(now: string): Promise<HandIn> {
  // Every shipped version, as the app passes them: the round was answered with 1.0.0.
  const handIn = await handInRepository.sealHandIn(round.id, 'check-in-spring', { shipped: await loadBuiltInInstruments(), now });
  if (!handIn) throw new Error('not sealed');
  return handIn;
}

async function mountView(handInId: string): Promise<VueWrapper> {
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push({ name: 'hand-in', params: { centreId: centre.id, handInId } });
  await router.isReady();
  const view = mount(HandInView, { props: { centreId: centre.id, handInId }, global: { plugins: [createPinia(), router] } });
  await vi.waitFor(
    async () => {
      await flushPromises();
      expect(view.find('[data-testid="hand-in-document"], .card').exists()).toBe(true);
    },
    { timeout: 5000 },
  );
  return view;
}

beforeEach(async () => {
  await emptyAppDatabase();
  await repository.addCentre(centre);
  await repository.addRound(round);
  const [instrument] = await loadBuiltInInstruments();
  itemId = instrument?.goals[0]?.items[0]?.id ?? '';
  await repository.saveAnswer(round.id, 'goal-1', itemId, { value: 3, note: 'Som vi skrev i maj' });
});

describe('HandInView', () => {
  it('renders a hand-in sealed before the profile (document version 1, with `stage`) as handed in, still intact', async () => {
    const sealed = await seal('2026-05-14T10:00:00.000Z');
    if (sealed.document.kind !== 'check-in' || sealed.document.documentVersion !== 2) throw new Error('expected a version-2 check-in');
    // The same round as an older app sealed it: one stage number where the profile is now.
    const legacy = sealHandIn(legacyCheckIn(sealed.document, { now: 2, previous: null }), {
      centreId: centre.id,
      deadlineId: 'check-in-spring',
      year: 2026,
      roundId: round.id,
      sequence: 2,
      sealedAt: '2026-05-15T10:00:00.000Z',
      id: 'hand-in-legacy',
    });
    await db.handIns.add(structuredClone(legacy));
    const view = await mountView(legacy.id);
    const document = view.get('[data-testid="hand-in-document"]');
    expect(document.attributes('data-hash')).toBe(legacy.hash);
    expect(view.get('[data-testid="hand-in-intact"]').attributes('data-intact')).toBe('true');
    expect(document.get('[data-testid="document-stage-now"]').text()).toBe('Steg 2: Utökad samverkan med BVC och BMM');
    expect(document.find('[data-testid="document-path"]').exists()).toBe(false);
    expect((await db.handIns.get(legacy.id))?.document).toEqual(legacy.document);
  });

  it('renders the sealed document with its hash, intact, and no participant names', async () => {
    const handIn = await seal('2026-05-14T10:00:00.000Z');
    const view = await mountView(handIn.id);
    const document = view.get('[data-testid="hand-in-document"]');
    expect(document.attributes('data-hash')).toBe(handIn.hash);
    expect(document.get('[data-testid="document-hash"]').text()).toContain(handIn.hash);
    expect(view.get('[data-testid="hand-in-intact"]').attributes('data-intact')).toBe('true');
    expect(document.text()).toContain('Som vi skrev i maj');
    expect(document.text()).not.toContain('Anna Berg');
    expect(view.find('[data-testid="hand-in-history"]').exists()).toBe(false);
  });

  it('shows the document as sealed, not as the round reads now, and the changes between two hand-ins', async () => {
    const first = await seal('2026-05-14T10:00:00.000Z');
    await repository.saveAnswer(round.id, 'goal-1', itemId, { note: 'Ändrat i juni' });
    const second = await seal('2026-06-02T10:00:00.000Z');

    const old = await mountView(first.id);
    expect(old.get('[data-testid="hand-in-document"]').text()).toContain('Som vi skrev i maj');
    expect(old.get('[data-testid="hand-in-document"]').text()).not.toContain('Ändrat i juni');
    expect(old.get('[data-testid="hand-in-history"]').text()).toContain('Inlämning 1 (den här)');
    old.unmount();

    const view = await mountView(second.id);
    expect(view.get('[data-testid="hand-in-document"]').attributes('data-hash')).toBe(second.hash);
    const history = view.get('[data-testid="hand-in-history"]');
    expect(history.text()).toContain('Inlämning 2 (den här)');
    expect(history.get('[data-testid="document-changes"] h2').text()).toBe('Ändrat sedan inlämning 1');
    expect(history.findAll('[data-testid="document-changes"] li').map((li) => li.attributes('data-kind'))).toEqual(['note']);
    expect(await db.handIns.get(first.id)).toEqual(first);
  });

  it('says so when the hand-in is not on the device', async () => {
    const view = await mountView('missing');
    expect(view.text()).toContain('Inlämningen finns inte på den här enheten.');
  });
});
