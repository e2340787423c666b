import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import LocalItemsTable from '@/components/results/LocalItemsTable.vue';
import { scoreLocalGoal } from '@/domain/localItems';
import type { Answer, GoalReflection, LocalItem } from '@/domain/types';
import { setLocale } from '@/i18n';
import { smallInstrument } from '../../fixtures/instruments';

afterEach(() => {
  setLocale('sv');
});

function item(id: string, text: string, createdAt: string, retired = false): LocalItem {
  return { id, centreId: 'centre-a', goalId: 'goal-a', text, levels: [], retired, createdAt, updatedAt: createdAt };
}

function answers(values: Record<string, Answer['value']>): Map<string, Answer> {
  return new Map(
    Object.entries(values).map(([itemId, value]) => [itemId, { id: `answer-${itemId}`, roundId: 'r', itemId, value, note: '', updatedAt: '' }]),
  );
}

const noReflections = new Map<string, GoalReflection>();
const items = [
  item('own-1', 'Vi har en gemensam rutin för hembesök', '2026-01-01T00:00:00.000Z'),
  item('own-2', 'Föräldrar är med och planerar', '2026-01-02T00:00:00.000Z'),
  item('own-3', 'Vi följer upp tillsammans', '2026-01-03T00:00:00.000Z'),
  item('own-4', 'Nytt i höst', '2026-09-01T00:00:00.000Z'),
];
const levels = smallInstrument.scale.levels;

/** Autumn: 3, 4, "don't know", unanswered → mean 3,5 of 2 rated. Spring: 2 and "not relevant"; own-4 did not exist. */
const autumn = scoreLocalGoal('goal-a', items, answers({ 'own-1': 3, 'own-2': 4, 'own-3': 'dont-know' }), noReflections);
const spring = scoreLocalGoal('goal-a', items, answers({ 'own-1': 2, 'own-2': 'not-relevant' }), noReflections);

function mountTable(withPrevious: boolean) {
  return mount(LocalItemsTable, {
    props: {
      caption: 'Mål 1: egna påståenden',
      levels,
      items,
      score: autumn,
      ...(withPrevious ? { previous: spring, previousLabel: 'VT 2026' } : {}),
    },
  });
}

function row(wrapper: ReturnType<typeof mountTable>, itemId: string) {
  return wrapper.get(`tbody tr[data-item-id="${itemId}"]`);
}

function label(value: number): string {
  return levels.find((level) => level.value === value)?.label.sv ?? 'missing';
}

describe('LocalItemsTable', () => {
  it('lists each own statement, numbered E1…, with this round’s answer as number and label', () => {
    const wrapper = mountTable(false);
    expect(wrapper.get('caption').text()).toBe('Mål 1: egna påståenden');
    expect(wrapper.findAll('tbody tr')).toHaveLength(4);
    expect(row(wrapper, 'own-1').text()).toContain('E1');
    expect(row(wrapper, 'own-1').get('th').text()).toBe('Vi har en gemensam rutin för hembesök');
    expect(row(wrapper, 'own-1').get('[data-column="current"]').text()).toBe(`3 – ${label(3)}`);
    expect(row(wrapper, 'own-2').get('[data-column="current"]').text()).toBe(`4 – ${label(4)}`);
    expect(row(wrapper, 'own-3').get('[data-column="current"]').text()).toBe('Vet inte');
    // An unanswered statement reads as a dash, and as "Obesvarat" to a screen reader.
    const unanswered = row(wrapper, 'own-4').get('[data-column="current"]');
    expect(unanswered.get('[aria-hidden="true"]').text()).toBe('–');
    expect(unanswered.get('.visually-hidden').text()).toBe('Obesvarat');
  });

  it('gives the own items’ mean apart: the mean of the ratings, with how many were rated', () => {
    const wrapper = mountTable(false);
    expect(wrapper.get('tfoot').text()).toContain('Medelvärde, egna påståenden');
    expect(wrapper.get('tfoot [data-column="current"]').text()).toBe('3,5 (2 av 4 bedömda)');
    expect(wrapper.find('[data-column="previous"]').exists()).toBe(false);
  });

  it('shows the round before’s answer where that round answered the statement', () => {
    const wrapper = mountTable(true);
    expect(wrapper.findAll('thead th').map((th) => th.text())).toContain('Förra omgången (VT 2026)');
    expect(row(wrapper, 'own-1').get('[data-column="previous"]').text()).toBe(`2 – ${label(2)}`);
    expect(row(wrapper, 'own-2').get('[data-column="previous"]').text()).toBe('Inte aktuellt');
    expect(row(wrapper, 'own-4').get('[data-column="previous"] [aria-hidden="true"]').text()).toBe('–');
    // Spring's mean over the same statements: only own-1 was rated.
    expect(wrapper.get('tfoot [data-column="previous"]').text()).toBe('2,0');
  });

  it('reads in English', () => {
    setLocale('en');
    const wrapper = mountTable(true);
    expect(row(wrapper, 'own-3').get('[data-column="current"]').text()).toBe('Don’t know');
    expect(wrapper.get('tfoot').text()).toContain('Mean, own statements');
    expect(wrapper.get('tfoot [data-column="current"]').text()).toBe('3.5 (2 of 4 rated)');
    expect(row(wrapper, 'own-1').text()).toContain('O1');
  });
});
