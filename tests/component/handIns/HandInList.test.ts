import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import HandInList from '@/components/handIns/HandInList.vue';
import { buildCheckIn } from '@/domain/cycle/checkIn';
import { DEFAULT_DEADLINES } from '@/domain/cycle/deadlines';
import { sealHandIn } from '@/domain/cycle/handIn';
import { routes } from '@/modules/router';
import { smallInstrument } from '../../fixtures/instruments';
import { makeCentre, makeRound } from '../../fixtures/records';

const centre = makeCentre({ id: 'centre-l' });
const may = makeRound(centre.id, { id: 'may', title: 'Våren 2026', date: '2026-05-05', instrumentId: smallInstrument.id, instrumentVersion: smallInstrument.version });
const document = buildCheckIn({ centre, round: may, answers: [], reflections: [], instrument: smallInstrument, actions: [], localItems: [], asOf: '2026-05-14T10:00:00.000Z' });
const first = sealHandIn(document, { centreId: centre.id, deadlineId: 'check-in-spring', year: 2026, roundId: may.id, sequence: 1, sealedAt: '2026-05-14T10:00:00.000Z', id: 'h1' });
const second = sealHandIn(document, { centreId: centre.id, deadlineId: 'check-in-spring', year: 2026, roundId: may.id, sequence: 2, sealedAt: '2026-05-20T10:00:00.000Z', id: 'h2' });

function mountList(changed: ReadonlySet<string>) {
  const router = createRouter({ history: createMemoryHistory(), routes });
  return mount(HandInList, { props: { centreId: centre.id, handIns: [first, second], deadlines: DEFAULT_DEADLINES, changedRounds: changed }, global: { plugins: [router] } });
}

describe('HandInList', () => {
  it('lists every hand-in newest first with its deadline, round, day, checksum and a link to it', () => {
    const list = mountList(new Set());
    const rows = list.findAll('[data-testid="hand-in-row"]');
    expect(rows.map((row) => row.attributes('data-hash'))).toEqual([second.hash, first.hash]);
    expect(rows[0]?.text().replace(/\s+/g, ' ')).toContain('Skriftlig avstämning, våren 2026 · Inlämning 2');
    expect(rows[1]?.text()).toContain('Våren 2026');
    expect(rows[1]?.text()).toContain('14 maj 2026');
    expect(rows[1]?.text()).toContain(`sha256:${first.hash.slice(7, 15)}…`);
    expect(rows[1]?.get('a').attributes('href')).toBe(`/centres/${centre.id}/hand-ins/h1`);
    expect(list.find('[data-testid="hand-in-row-changed"]').exists()).toBe(false);
  });

  it('marks only the newest hand-in of a round changed since', () => {
    const list = mountList(new Set([may.id]));
    const marks = list.findAll('[data-testid="hand-in-row-changed"]');
    expect(marks).toHaveLength(1);
    expect(list.findAll('[data-testid="hand-in-row"]')[0]?.text()).toContain('ändrad efter inlämning');
  });

  it('says when nothing is handed in', () => {
    const router = createRouter({ history: createMemoryHistory(), routes });
    const list = mount(HandInList, { props: { centreId: centre.id, handIns: [], deadlines: DEFAULT_DEADLINES, changedRounds: new Set<string>() }, global: { plugins: [router] } });
    expect(list.text()).toContain('Inget är inlämnat ännu.');
  });
});
