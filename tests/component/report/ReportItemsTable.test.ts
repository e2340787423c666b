import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import ReportItemsTable from '@/components/report/ReportItemsTable.vue';
import type { InstrumentGoal, LocalizedText } from '@/domain/types';
import { setLocale } from '@/i18n';
import { smallInstrument } from '../../fixtures/instruments';
import { scoresFor } from '../../fixtures/scores';

const text = (sv: string, en: string = sv): LocalizedText => ({ sv, en });

/** Five items: one per kind of answer, and one never touched. */
const goal: InstrumentGoal = {
  id: 'goal-r',
  number: 2,
  title: text('Mål R', 'Goal R'),
  description: text('Beskrivning', 'Description'),
  items: ['r-1', 'r-2', 'r-3', 'r-4', 'r-5'].map((id) => ({ id, statement: text(`Påstående ${id}`, `Statement ${id}`) })),
};
const instrument = { ...smallInstrument, goals: [goal] };
const levels = instrument.scale.levels;

const scores = scoresFor(instrument, {
  values: { 'r-1': 3, 'r-2': 'dont-know', 'r-3': 'not-relevant', 'r-4': null },
  notes: { 'r-1': 'Vi gör det varje vecka.\nMen inte på sommaren.', 'r-4': '<b>inte fetstil</b>' },
});

function mountTable() {
  return mount(ReportItemsTable, { props: { goal, levels, items: scores.items } });
}

function rows(table: ReturnType<typeof mountTable>) {
  return table.findAll('tbody tr').map((tr) => ({
    id: tr.attributes('data-item-id'),
    cells: [...tr.findAll('td, th')].map((cell) => cell.text()),
  }));
}

afterEach(() => {
  setLocale('sv');
});

describe('ReportItemsTable', () => {
  it('lists every statement of the goal, numbered goal.item, with a hidden caption and column headers', () => {
    const table = mountTable();
    expect(table.get('caption').text()).toBe('Påståenden och svar för mål 2');
    expect(table.get('caption').classes()).toContain('visually-hidden');
    expect(table.findAll('thead th').map((th) => th.text())).toEqual(['Nr', 'Påstående', 'Svar', 'Anteckning']);
    expect(rows(table).map((r) => r.id)).toEqual(['r-1', 'r-2', 'r-3', 'r-4', 'r-5']);
    expect(rows(table).map((r) => r.cells[0])).toEqual(['2.1', '2.2', '2.3', '2.4', '2.5']);
    expect(table.findAll('tbody th').every((th) => th.attributes('scope') === 'row')).toBe(true);
  });

  it('writes each answer in words: the step with its label, Vet inte, Inte aktuellt, Obesvarat', () => {
    const table = mountTable();
    expect(rows(table).map((r) => r.cells[2])).toEqual(['3 – Nivå 3', 'Vet inte', 'Inte aktuellt', 'Obesvarat', 'Obesvarat']);
    expect(table.get('tr[data-item-id="r-4"] .report-items__value').classes()).toContain('report-items__value--unanswered');
    expect(table.get('tr[data-item-id="r-1"] .report-items__value').classes()).toContain('report-items__value--rated');
  });

  it('shows the notes as text, keeping line breaks and never interpreting markup', () => {
    const table = mountTable();
    const note = table.get('tr[data-item-id="r-1"] .report-items__text');
    expect(note.element.textContent).toBe('Vi gör det varje vecka.\nMen inte på sommaren.');
    const markup = table.get('tr[data-item-id="r-4"] .report-items__text');
    expect(markup.text()).toBe('<b>inte fetstil</b>');
    expect(markup.find('b').exists()).toBe(false);
    expect(table.get('tr[data-item-id="r-2"] .report-items__text').text()).toBe('');
  });

  it('falls back to the bare number for a rating the scale lacks', () => {
    const odd = scoresFor(instrument, { values: { 'r-1': 7 } });
    const table = mount(ReportItemsTable, { props: { goal, levels, items: odd.items } });
    expect(rows(table)[0]?.cells[2]).toBe('7');
  });

  it('is in English after switching the language', async () => {
    const table = mountTable();
    setLocale('en');
    await table.vm.$nextTick();
    expect(table.findAll('thead th').map((th) => th.text())).toEqual(['No.', 'Statement', 'Answer', 'Note']);
    expect(rows(table).map((r) => r.cells[2])).toEqual(['3 – Level 3', 'Don’t know', 'Not relevant', 'Unanswered', 'Unanswered']);
    expect(rows(table)[0]?.cells[1]).toBe('Statement r-1');
  });
});
