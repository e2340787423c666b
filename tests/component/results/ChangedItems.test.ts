import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import ChangedItems from '@/components/results/ChangedItems.vue';
import { compareRounds, type ItemSeries } from '@/domain/comparison';
import { setLocale } from '@/i18n';
import { smallInstrument } from '../../fixtures/instruments';
import { scoredRound } from '../../fixtures/scores';

const statements: ReadonlyMap<string, string> = new Map(
  smallInstrument.goals.flatMap((goal) => goal.items.map((item) => [item.id, item.statement.sv] as const)),
);

const autumn = scoredRound(smallInstrument, {
  roundId: 'autumn',
  date: '2025-10-01',
  values: { 'a-1': 2, 'a-2': 1, 'b-1': 4, 'b-2': 3, 'b-3': 2, 'c-1': 3 },
});
const spring = scoredRound(smallInstrument, {
  roundId: 'spring',
  date: '2026-03-10',
  // a-1 +1, a-2 +2, b-1 −2, b-2 −1; b-3 and c-1 unchanged.
  values: { 'a-1': 3, 'a-2': 3, 'b-1': 2, 'b-2': 2, 'b-3': 2, 'c-1': 3 },
});
const comparison = compareRounds(smallInstrument, [autumn, spring]);

function mountItems(rose: readonly ItemSeries[], fell: readonly ItemSeries[], map: ReadonlyMap<string, string> = statements) {
  return mount(ChangedItems, { props: { heading: 'Påståenden som ändrats mest sedan HT 2025', rose, fell, statements: map } });
}

type Items = ReturnType<typeof mountItems>;

function entries(items: Items, group: 'rose' | 'fell') {
  return items.get(`[data-testid="items-${group}"]`).findAll('li').map((li) => ({
    change: li.get('.changed-items__change').text(),
    statement: li.findAll('span')[1]?.text(),
    values: li.get('.changed-items__values').text(),
  }));
}

afterEach(() => {
  setLocale('sv');
});

describe('ChangedItems', () => {
  it('has the heading', () => {
    const items = mountItems(comparison.rose, comparison.fell);
    expect(items.get('h3').text()).toBe('Påståenden som ändrats mest sedan HT 2025');
  });

  it('lists the items that rose, largest first, with statement, change and "(before → now)"', () => {
    const items = mountItems(comparison.rose, comparison.fell);
    expect(items.findAll('h4').map((h) => h.text())).toEqual(['Steg mest', 'Sjönk mest']);
    expect(entries(items, 'rose')).toEqual([
      { change: '+2,0 ↑', statement: 'Påstående A2', values: '(1,0 → 3,0)' },
      { change: '+1,0 ↑', statement: 'Vi har ett påstående A1', values: '(2,0 → 3,0)' },
    ]);
  });

  it('lists the items that fell, largest fall first', () => {
    const items = mountItems(comparison.rose, comparison.fell);
    expect(entries(items, 'fell')).toEqual([
      { change: '−2,0 ↓', statement: 'Påstående B1', values: '(4,0 → 2,0)' },
      { change: '−1,0 ↓', statement: 'Påstående B2', values: '(3,0 → 2,0)' },
    ]);
  });

  it('does not list unchanged items', () => {
    const items = mountItems(comparison.rose, comparison.fell);
    expect(items.text()).not.toContain('Påstående B3');
    expect(items.text()).not.toContain('Påstående C1');
  });

  it('uses the two newest values of a longer series', () => {
    const item: ItemSeries = { itemId: 'c-1', goalId: 'goal-c', values: [1, 2, 4], change: 2, changeFromFirst: 3, absentIn: [] };
    const items = mountItems([item], []);
    expect(entries(items, 'rose')).toEqual([{ change: '+2,0 ↑', statement: 'Påstående C1', values: '(2,0 → 4,0)' }]);
  });

  it('shows only the list that has items', () => {
    const items = mountItems(comparison.rose, []);
    expect(items.findAll('h4').map((h) => h.text())).toEqual(['Steg mest']);
    expect(items.find('[data-testid="items-fell"]').exists()).toBe(false);
    expect(items.text()).not.toContain('Inga påståenden har ändrats.');
  });

  it('falls back to the item id for a statement missing from the map', () => {
    const items = mountItems(comparison.rose, comparison.fell, new Map());
    expect(entries(items, 'rose').map((e) => e.statement)).toEqual(['a-2', 'a-1']);
  });

  it('says "Inga påståenden har ändrats." when nothing rose or fell', () => {
    const items = mountItems([], []);
    expect(items.text()).toContain('Inga påståenden har ändrats.');
    expect(items.find('ol').exists()).toBe(false);
    expect(items.find('h4').exists()).toBe(false);
  });

  it('says nothing changed for two identical rounds', () => {
    const same = compareRounds(smallInstrument, [autumn, { ...autumn, roundId: 'again', date: '2026-01-01' }]);
    const items = mountItems(same.rose, same.fell);
    expect(items.get('p').text()).toBe('Inga påståenden har ändrats.');
  });

  it('is in English after switching the language', async () => {
    const items = mountItems(comparison.rose, comparison.fell);
    setLocale('en');
    await items.vm.$nextTick();
    expect(items.findAll('h4').map((h) => h.text())).toEqual(['Rose most', 'Fell most']);
    expect(entries(items, 'fell')[0]).toEqual({ change: '−2.0 ↓', statement: 'Påstående B1', values: '(4.0 → 2.0)' });
  });

  it('says "No statement has changed." in English', async () => {
    const items = mountItems([], []);
    setLocale('en');
    await items.vm.$nextTick();
    expect(items.get('p').text()).toBe('No statement has changed.');
  });
});
