import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import NetworkOutbox from '@/components/network/NetworkOutbox.vue';
import { db } from '@/db';
import { networkRepository } from '@/db/network';
import { DEFAULT_DEADLINES } from '@/domain/cycle/deadlines';
import type { HandIn } from '@/domain/cycle/handIn';
import { emptyAppDatabase } from '../../fixtures/appDatabase';

const CENTRE = '0b7d3c1e-0000-4000-8000-000000000001';
const handIn = (id: string, sequence: number, sealedAt: string) => ({ id, centreId: CENTRE, deadlineId: 'check-in-spring', year: 2026, sequence, sealedAt, kind: 'check-in', hash: 'sha256:00' }) as unknown as HandIn;
const handIns = [handIn('h1', 1, '2026-05-14T10:00:00.000Z'), handIn('h2', 2, '2026-05-15T10:00:00.000Z')];

beforeEach(emptyAppDatabase);

async function mountOutbox() {
  const wrapper = mount(NetworkOutbox, { props: { centreId: CENTRE, handIns, deadlines: DEFAULT_DEADLINES }, global: { plugins: [createPinia()] } });
  await flushPromises();
  await new Promise((resolve) => setTimeout(resolve, 50));
  await flushPromises();
  return wrapper;
}

describe('NetworkOutbox', () => {
  it('shows nothing when the centre has no login on the network', async () => {
    await networkRepository.setSettings({ address: '/couchdb', databases: [{ db: 'fc-fittja' }], centres: {} });
    const wrapper = await mountOutbox();
    expect(wrapper.find('[data-testid="network-outbox"]').exists()).toBe(false);
  });

  it('says which hand-in waits and why, and which went when, newest first', async () => {
    await networkRepository.setSettings({ address: '/couchdb', databases: [{ db: 'fc-fittja' }], centres: { [CENTRE]: { db: 'fc-fittja', login: { name: 'fittja', password: 'x' } } } });
    const sentAt = new Date().toISOString();
    await db.outbox.bulkAdd([
      { handInId: 'h1', centreId: CENTRE, status: 'sent', queuedAt: sentAt, attempts: 0, nextAttemptAt: '', sentAt },
      { handInId: 'h2', centreId: CENTRE, status: 'waiting', queuedAt: sentAt, attempts: 2, nextAttemptAt: sentAt, error: 'offline' },
    ]);
    const wrapper = await mountOutbox();
    const rows = wrapper.findAll('[data-testid="outbox-row"]');
    expect(rows.map((row) => row.attributes('data-status'))).toEqual(['waiting', 'sent']);
    expect(rows[0]?.text()).toContain('Inlämning 2');
    expect(rows[0]?.text()).toContain('Väntar på att skickas. Servern går inte att nå just nu');
    expect(rows[1]?.text()).toMatch(/Skickad \d{2}:\d{2}$/);
    expect(wrapper.find('[data-testid="outbox-retry"]').exists()).toBe(true);
  });

  it('says why a hand-in waits in words the group can act on: a refused login, a refused database, a conflict, a server error', async () => {
    await networkRepository.setSettings({ address: '/couchdb', databases: [{ db: 'fc-fittja' }], centres: { [CENTRE]: { db: 'fc-fittja', login: { name: 'fittja', password: 'x' } } } });
    const at = new Date().toISOString();
    const errors = ['unauthorized', 'forbidden', 'conflict', 'server'] as const;
    const four = errors.map((_, index) => handIn(`e${String(index)}`, index + 1, `2026-05-1${String(index)}T10:00:00.000Z`));
    await db.outbox.bulkAdd(errors.map((error, index) => ({ handInId: `e${String(index)}`, centreId: CENTRE, status: 'waiting' as const, queuedAt: at, attempts: 1, nextAttemptAt: at, error })));
    const wrapper = mount(NetworkOutbox, { props: { centreId: CENTRE, handIns: four, deadlines: DEFAULT_DEADLINES }, global: { plugins: [createPinia()] } });
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="outbox-row"]')).toHaveLength(4));
    const text = (id: string) => wrapper.get(`[data-testid="outbox-row"][data-hand-in="${id}"]`).text();
    expect(text('e0')).toContain('Servern godtar inte inloggningen; kontrollera användarnamn och lösenord');
    expect(text('e1')).toContain('Servern tar inte emot inlämningen i den databasen');
    expect(text('e2')).toContain('Servern har redan ett annat dokument under den här inlämningens namn (en konflikt)');
    expect(text('e3')).toContain('Servern svarade med ett fel; nytt försök görs av sig självt');
  });

  it('offers hand-ins sealed before the login was set with one explicit action, and queues them when pressed', async () => {
    await networkRepository.setSettings({ address: '/couchdb', databases: [{ db: 'fc-fittja' }], centres: { [CENTRE]: { db: 'fc-fittja', login: { name: 'fittja', password: 'x' }, since: '2026-05-15T00:00:00.000Z' } } });
    await db.handIns.bulkAdd(handIns);
    const wrapper = await mountOutbox();
    // h1 was sealed before the login (2026-05-14), h2 after: only h1 is offered.
    const earlier = wrapper.get('[data-testid="outbox-earlier"]');
    expect(earlier.text()).toContain('En inlämning gjordes innan nätverket ställdes in här');
    const button = wrapper.get('[data-testid="outbox-send-earlier"]');
    expect(button.text()).toBe('Skicka tidigare inlämningar (1)');
    await button.trigger('click');
    await vi.waitFor(async () => expect((await db.outbox.toArray()).map((entry) => entry.handInId)).toContain('h1'));
    await vi.waitFor(() => expect(wrapper.find('[data-testid="outbox-earlier"]').exists()).toBe(false));
    expect(wrapper.findAll('[data-testid="outbox-row"]').map((row) => row.attributes('data-hand-in'))).toContain('h1');
  });
});
