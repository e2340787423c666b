import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import ComparisonTable, { type ComparisonRow } from '@/components/results/ComparisonTable.vue';
import { compareRounds, series, type Comparison } from '@/domain/comparison';
import { setLocale } from '@/i18n';
import { smallInstrument } from '../../fixtures/instruments';
import { scoredRound } from '../../fixtures/scores';

const autumn = scoredRound(smallInstrument, {
  roundId: 'autumn',
  date: '2025-10-01',
  period: 'HT 2025',
  values: { 'a-1': 2, 'a-2': 2, 'b-1': 3, 'b-2': 3, 'b-3': 3 },
});
const spring = scoredRound(smallInstrument, {
  roundId: 'spring',
  date: '2026-03-10',
  period: 'VT 2026',
  // goal-a 2,0 → 3,0; goal-b 3,0 → 2,5 (two of three answered); goal-c none → 4,0.
  values: { 'a-1': 3, 'a-2': 3, 'b-1': 2, 'b-2': 3, 'c-1': 4 },
});

/** Rows as useResultCharts builds them: "Mål N: title" and the goal's series. */
function goalRows(comparison: Comparison): ComparisonRow[] {
  return comparison.goals.map((goal, index) => {
    const definition = smallInstrument.goals[index];
    return { key: goal.goalId, label: definition ? `Mål ${String(definition.number)}: ${definition.title.sv}` : goal.goalId, series: goal };
  });
}

function mountTable(rows: readonly ComparisonRow[], roundLabels: readonly string[], caption = 'Medelvärde per mål och omgång') {
  return mount(ComparisonTable, { props: { caption, rowHeader: 'Mål', rows, roundLabels } });
}

type Table = ReturnType<typeof mountTable>;

const headers = (table: Table): string[] => table.findAll('thead th').map((th) => th.text());
const values = (table: Table, key: string): string[] => table.get(`tr[data-row="${key}"]`).findAll('td').map((td) => td.text());

afterEach(() => {
  setLocale('sv');
});

describe('ComparisonTable', () => {
  it('has the caption and a focusable region named by it', () => {
    const table = mountTable(goalRows(compareRounds(smallInstrument, [autumn, spring])), ['HT 2025', 'VT 2026']);
    expect(table.get('caption').text()).toBe('Medelvärde per mål och omgång');
    const region = table.get('.table-scroll');
    expect(region.attributes('tabindex')).toBe('0');
    expect(region.attributes('role')).toBe('region');
    expect(region.attributes('aria-label')).toBe('Medelvärde per mål och omgång');
  });

  it('has a column per round label after the row header, and a change column with more than one round', () => {
    const table = mountTable(goalRows(compareRounds(smallInstrument, [autumn, spring])), ['HT 2025', 'VT 2026']);
    expect(headers(table)).toEqual(['Mål', 'HT 2025', 'VT 2026', 'Förändring']);
    expect(table.findAll('thead th').every((th) => th.attributes('scope') === 'col')).toBe(true);
  });

  it('has one row per given row, headed by its label with th scope=row', () => {
    const table = mountTable(goalRows(compareRounds(smallInstrument, [autumn, spring])), ['HT 2025', 'VT 2026']);
    const rows = table.findAll('tbody tr');
    expect(rows.map((r) => r.attributes('data-row'))).toEqual(['goal-a', 'goal-b', 'goal-c']);
    expect(rows.map((r) => r.get('th').text())).toEqual(['Mål 1: Mål A', 'Mål 2: Mål B', 'Mål 3: Mål C']);
    expect(rows.every((r) => r.get('th').attributes('scope') === 'row')).toBe(true);
  });

  it('shows each round\'s value formatted with one decimal and a decimal comma, "–" for none, then the change', () => {
    const table = mountTable(goalRows(compareRounds(smallInstrument, [autumn, spring])), ['HT 2025', 'VT 2026']);
    expect(values(table, 'goal-a')).toEqual(['2,0', '3,0', '+1,0 ↑']);
    expect(values(table, 'goal-b')).toEqual(['3,0', '2,5', '−0,5 ↓']);
    expect(values(table, 'goal-c')).toEqual(['–', '4,0', '–']);
  });

  it('shows "±0" when a value did not change', () => {
    const rows: ComparisonRow[] = [{ key: 'x', label: 'X', series: series([2.5, 2.5]) }];
    const table = mountTable(rows, ['HT 2025', 'VT 2026']);
    expect(values(table, 'x')).toEqual(['2,5', '2,5', '±0']);
  });

  it('shows the change between the two newest of three rounds', () => {
    const rows: ComparisonRow[] = [{ key: 'x', label: 'X', series: series([1, 2.25, 3.666]) }];
    const table = mountTable(rows, ['VT 2025', 'HT 2025', 'VT 2026']);
    expect(headers(table)).toEqual(['Mål', 'VT 2025', 'HT 2025', 'VT 2026', 'Förändring']);
    expect(values(table, 'x')).toEqual(['1,0', '2,3', '3,7', '+1,4 ↑']);
  });

  it('has no change column with a single round', () => {
    const table = mountTable(goalRows(compareRounds(smallInstrument, [spring])), ['VT 2026']);
    expect(headers(table)).toEqual(['Mål', 'VT 2026']);
    expect(values(table, 'goal-a')).toEqual(['3,0']);
    expect(table.find('td.change').exists()).toBe(false);
  });

  it('uses the given row header', () => {
    const table = mount(ComparisonTable, {
      props: { caption: 'Påståenden', rowHeader: 'Påstående', rows: [{ key: 'a-1', label: 'Vi har ett påstående A1', series: series([2, 3]) }], roundLabels: ['A', 'B'] },
    });
    expect(headers(table)[0]).toBe('Påstående');
    expect(table.get('tbody th').text()).toBe('Vi har ett påstående A1');
  });

  it('is in English after switching the language', async () => {
    const table = mountTable(goalRows(compareRounds(smallInstrument, [autumn, spring])), ['HT 2025', 'VT 2026']);
    setLocale('en');
    await table.vm.$nextTick();
    expect(headers(table)).toEqual(['Mål', 'HT 2025', 'VT 2026', 'Change']);
    expect(values(table, 'goal-b')).toEqual(['3.0', '2.5', '−0.5 ↓']);
  });
});
