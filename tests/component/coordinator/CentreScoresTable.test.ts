import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import CentreScoresTable from '@/components/coordinator/CentreScoresTable.vue';
import { centreRows, listPeriods, scoreCentres, sortCentreRows, type CentreRow, type CentreSort } from '@/domain/exchange/centres';
import { setLocale } from '@/i18n';
import { centreFile } from '../../fixtures/centreFiles';
import { cellsOf, headersOf, squash } from '../../fixtures/tables';
import { stageInstrument as instrument } from '../../fixtures/scores';

/**
 * Alby: HT 2025 all 2 (overall 2); VT 2026 twice, the newest goal-1 3, goal-2 3,75, goal-3 3,5, goal-4 2
 * (1 of 4 rated) → overall 3,06, 13 of 16 (81 %), change +1,1, stage 4.
 * Östberga (open preschool and social services only): VT 2026 goal-1 4, goal-2 not relevant → overall 4,
 * 4 of 12 (33 %), stage 1. Fittja: only HT 2025.
 */
const files = [
  centreFile(instrument, {
    name: 'Östberga',
    services: ['openPreschool', 'socialServices'],
    coLocation: 'separate',
    rounds: [{ title: 'Vårträffen', date: '2026-03-20', period: 'VT 2026', ratings: { 'goal-1': [4, 4, 4, 4] }, skipped: ['goal-2'] }],
  }),
  centreFile(instrument, {
    name: 'Alby',
    rounds: [
      { date: '2025-10-10', period: 'HT 2025', ratings: { 'goal-1': [2, 2, 2, 2], 'goal-2': [2, 2, 2, 2], 'goal-3': [2, 2, 2, 2], 'goal-4': [2, 2, 2, 2] } },
      { title: 'Tidig vår', date: '2026-02-01', period: 'VT 2026', ratings: { 'goal-1': [1, 1, 1, 1] } },
      { title: 'Våren', date: '2026-04-15', period: 'VT 2026', ratings: { 'goal-1': [3, 3, 3, 3], 'goal-2': [4, 4, 4, 3], 'goal-3': [3, 3, 4, 4], 'goal-4': [2, 'dont-know', null, null] } },
    ],
  }),
  centreFile(instrument, { name: 'Fittja', rounds: [{ date: '2025-11-01', period: 'HT 2025', ratings: { 'goal-1': [3, 3, 3, 3] } }] }),
];
const centres = scoreCentres(files.map((file) => ({ file, fileName: `${file.centre.name}.json` })), [instrument]);
const periods = listPeriods(centres);
const vt2026 = centreRows(centres, 'VT 2026', periods);

interface Props {
  rows?: readonly CentreRow[];
  sort?: CentreSort;
  compact?: boolean;
}

function mountTable(props: Props = {}) {
  return mount(CentreScoresTable, {
    props: {
      caption: 'Familjecentralernas medelvärden VT 2026',
      goals: instrument.goals,
      rows: props.rows ?? vt2026,
      periodLabel: 'VT 2026',
      ...(props.sort ? { sort: props.sort } : {}),
      ...(props.compact ? { compact: true } : {}),
    },
  });
}

type Table = ReturnType<typeof mountTable>;
const idOf = (name: string): string => files.find((file) => file.centre.name === name)?.centre.id ?? '';

function row(table: Table, name: string) {
  return table.get(`tr[data-centre-id="${idOf(name)}"]`);
}

function cells(table: Table, name: string): string[] {
  return cellsOf(table, `tr[data-centre-id="${idOf(name)}"]`);
}

const headers = headersOf;

afterEach(() => {
  setLocale('sv');
});

describe('CentreScoresTable', () => {
  it('is a captioned table in a focusable, named scroll region', () => {
    const table = mountTable();
    expect(table.get('caption').text()).toContain('Familjecentralernas medelvärden VT 2026');
    expect(table.get('caption').text()).toContain('Förändring: medelvärdet för alla mål jämfört med familjecentralens förra period.');
    const region = table.get('.table-scroll');
    expect(region.attributes('tabindex')).toBe('0');
    expect(region.attributes('role')).toBe('region');
    expect(region.attributes('aria-label')).toBe('Familjecentralernas medelvärden VT 2026');
  });

  it('has a column per goal, the overall mean, the change, coverage and stage, all scope=col', () => {
    const table = mountTable();
    expect(headers(table)).toEqual([
      'Familjecentral',
      'Mål 1',
      'Mål 2',
      'Mål 3',
      'Mål 4',
      'Alla mål',
      'Förändring',
      'Täckning',
      'Steg',
    ]);
    expect(table.findAll('thead th').every((th) => th.attributes('scope') === 'col')).toBe(true);
  });

  it('has one row per centre in the order given, headed by the name with scope=row', () => {
    const table = mountTable();
    const names = table.findAll('tbody tr').map((tr) => tr.attributes('data-centre-name'));
    expect(names).toEqual(['Alby', 'Fittja', 'Östberga']);
    expect(table.findAll('tbody th').every((th) => th.attributes('scope') === 'row')).toBe(true);
    const sorted = mountTable({ rows: sortCentreRows(vt2026, { by: 'score', measure: { kind: 'goal', goalId: 'goal-1' }, direction: 'desc' }) });
    expect(sorted.findAll('tbody tr').map((tr) => tr.attributes('data-centre-name'))).toEqual(['Östberga', 'Alby', 'Fittja']);
  });

  it('shows the scores with one decimal and a decimal comma, the change, coverage and stage', () => {
    const table = mountTable();
    expect(cells(table, 'Alby').slice(0, 7)).toEqual(['3,0', '3,8', '3,5', '2,0', '3,1', '+1,1 ↑', '13 av 16 (81 %)']);
  });

  it('names the compared round under the centre, saying when it is the newest of several', () => {
    const table = mountTable();
    expect(squash(row(table, 'Alby').get('th').text())).toBe('Alby Våren, 15 april 2026 (den senaste av 2)');
    expect(squash(row(table, 'Östberga').get('th').text())).toBe('Östberga Vårträffen, 20 mars 2026');
    expect(squash(row(table, 'Fittja').get('th').text())).toBe('Fittja');
  });

  it('shows a goal marked not relevant as such, not as a score, and no change without an earlier period', () => {
    const table = mountTable();
    expect(cells(table, 'Östberga').slice(0, 7)).toEqual(['4,0', 'Inte aktuellt', '–', '–', '4,0', '–', '4 av 12 (33 %)']);
  });

  it('says so across the columns when a centre has no round in the period', () => {
    const table = mountTable();
    const tds = row(table, 'Fittja').findAll('td');
    expect(tds).toHaveLength(1);
    expect(tds[0]?.text()).toBe('Ingen omgång VT 2026');
    expect(tds[0]?.attributes('colspan')).toBe('8');
  });

  it('shows the path profile as four small marks with their status in words, never one number', () => {
    const before = centreFile(instrument, { name: 'Ny', rounds: [{ date: '2026-03-01', period: 'VT 2026', ratings: { 'goal-1': [1, 1, 1, 1] } }] });
    const rows = centreRows(scoreCentres([{ file: before }], [instrument]), 'VT 2026', periods);
    const stage = mountTable({ rows }).get('tbody tr').findAll('td')[7];
    const marks = stage?.findAll('li') ?? [];
    expect(marks).toHaveLength(4);
    expect(marks.map((m) => m.get('.visually-hidden').text())).toEqual(rows[0]?.round?.profile.steps.map((step) => expect.stringMatching(new RegExp(`^Steg ${String(step.step)}, .+: `))));
    expect(stage?.text()).not.toContain('Före steg 1');
  });

  it('marks the sorted column with aria-sort: the name by default, a score when chosen', () => {
    const byName = mountTable();
    expect(byName.findAll('thead th').map((th) => th.attributes('aria-sort'))).toEqual(['ascending', ...Array<undefined>(8).fill(undefined)]);
    const byGoal = mountTable({ sort: { by: 'score', measure: { kind: 'goal', goalId: 'goal-2' }, direction: 'desc' } });
    expect(byGoal.findAll('thead th')[2]?.attributes('aria-sort')).toBe('descending');
    expect(byGoal.findAll('thead th')[0]?.attributes('aria-sort')).toBeUndefined();
    const byOverall = mountTable({ sort: { by: 'score', measure: { kind: 'overall' }, direction: 'asc' } });
    expect(byOverall.findAll('thead th')[5]?.attributes('aria-sort')).toBe('ascending');
  });

  it('as a chart’s table alternative shows only the goal scores and the overall mean', () => {
    const table = mountTable({ compact: true });
    expect(headers(table)).toEqual(['Familjecentral', 'Mål 1', 'Mål 2', 'Mål 3', 'Mål 4', 'Alla mål']);
    expect(squash(table.get('caption').text())).toBe('Familjecentralernas medelvärden VT 2026');
    expect(cells(table, 'Alby')).toEqual(['3,0', '3,8', '3,5', '2,0', '3,1']);
    expect(squash(row(table, 'Alby').get('th').text())).toBe('Alby');
    expect(row(table, 'Fittja').get('td').attributes('colspan')).toBe('5');
  });

  it('is in English after switching the language', async () => {
    const table = mountTable();
    setLocale('en');
    await table.vm.$nextTick();
    expect(headers(table)).toEqual(['Family centre', 'Goal 1', 'Goal 2', 'Goal 3', 'Goal 4', 'All goals', 'Change', 'Coverage', 'Stage']);
    expect(cells(table, 'Alby').slice(0, 7)).toEqual(['3.0', '3.8', '3.5', '2.0', '3.1', '+1.1 ↑', '13 of 16 (81%)']);
    expect(squash(row(table, 'Alby').get('th').text())).toBe('Alby Våren, 15 April 2026 (the newest of 2)');
    expect(cells(table, 'Fittja')).toEqual(['No round in VT 2026']);
  });
});
