import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import GoalScoresTable from '@/components/results/GoalScoresTable.vue';
import type { GoalScore } from '@/domain/scoring';
import type { Instrument, InstrumentGoal, LocalizedText } from '@/domain/types';
import { setLocale } from '@/i18n';
import { smallInstrument } from '../../fixtures/instruments';
import { scoresFor, type RoundSpec } from '../../fixtures/scores';
import { cellsOf, headersOf } from '../../fixtures/tables';

const text = (sv: string, en: string = sv): LocalizedText => ({ sv, en });

/** A fourth goal of eight items, so one "not relevant" leaves seven that apply. */
const wideGoal: InstrumentGoal = {
  id: 'goal-d',
  number: 4,
  title: text('Mål D', 'Goal D'),
  description: text('Mål D beskrivning', 'Goal D description'),
  items: [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ id: `d-${String(n)}`, statement: text(`Påstående D${String(n)}`) })),
};

const instrument: Instrument = { ...smallInstrument, goals: [...smallInstrument.goals, wideGoal] };

/**
 * goal-a: 2 and 3 → 2,5, 2 of 2. goal-b: skipped. goal-c: its only item not relevant → no score,
 * no coverage. goal-d: 2,2,2,3,3,3, one "don't know", one "not relevant" → 2,5, 6 of 7 (86 %).
 */
const currentSpec: RoundSpec = {
  values: {
    'a-1': 2,
    'a-2': 3,
    'b-1': 4,
    'c-1': 'not-relevant',
    'd-1': 2,
    'd-2': 2,
    'd-3': 2,
    'd-4': 3,
    'd-5': 3,
    'd-6': 3,
    'd-7': 'dont-know',
    'd-8': 'not-relevant',
  },
  skipped: ['goal-b'],
};
const current = scoresFor(instrument, currentSpec, 'current').goals;

/** goal-a 1,5 (→ +1,0), goal-b 2, goal-c 3, goal-d 3,0 (→ −0,5). */
const before = scoresFor(
  instrument,
  { values: { 'a-1': 1, 'a-2': 2, 'b-1': 2, 'c-1': 3, 'd-1': 3, 'd-2': 3 } },
  'before',
).goals;

interface Props {
  caption?: string;
  scores?: readonly GoalScore[];
  previous?: readonly GoalScore[] | undefined;
  previousLabel?: string | undefined;
}

function mountTable(props: Props = {}) {
  return mount(GoalScoresTable, {
    props: {
      caption: props.caption ?? 'Medelvärde per mål',
      goals: instrument.goals,
      scores: props.scores ?? current,
      previous: props.previous,
      previousLabel: props.previousLabel,
    },
  });
}

type Table = ReturnType<typeof mountTable>;

function row(table: Table, goalId: string) {
  return table.get(`tr[data-goal-id="${goalId}"]`);
}

function cells(table: Table, goalId: string): string[] {
  return cellsOf(table, `tr[data-goal-id="${goalId}"]`);
}

const headers = headersOf;

afterEach(() => {
  setLocale('sv');
});

describe('GoalScoresTable', () => {
  it('has the caption', () => {
    const table = mountTable();
    expect(table.get('caption').text()).toBe('Medelvärde per mål');
  });

  it('has one row per goal, in order, headed "Mål N: title" with th scope=row', () => {
    const table = mountTable();
    const rows = table.findAll('tbody tr');
    expect(rows.map((r) => r.attributes('data-goal-id'))).toEqual(['goal-a', 'goal-b', 'goal-c', 'goal-d']);
    const rowHeaders = rows.map((r) => r.get('th'));
    expect(rowHeaders.map((th) => th.text())).toEqual(['Mål 1: Mål A', 'Mål 2: Mål B', 'Mål 3: Mål C', 'Mål 4: Mål D']);
    expect(rowHeaders.every((th) => th.attributes('scope') === 'row')).toBe(true);
  });

  it('has column headers with scope=col and no change column without a previous round', () => {
    const table = mountTable();
    expect(headers(table)).toEqual(['Mål', 'Medelvärde', 'Täckning', 'Vet inte', 'Inte aktuellt']);
    expect(table.findAll('thead th').every((th) => th.attributes('scope') === 'col')).toBe(true);
    expect(table.find('td.change').exists()).toBe(false);
  });

  it('shows the mean with one decimal and a decimal comma', () => {
    const table = mountTable();
    expect(row(table, 'goal-a').get('td.score').text()).toBe('2,5');
    expect(row(table, 'goal-d').get('td.score').text()).toBe('2,5');
  });

  it('shows a whole mean with one decimal too', () => {
    const table = mountTable({ scores: scoresFor(instrument, { values: { 'a-1': 3, 'a-2': 3 } }).goals });
    expect(row(table, 'goal-a').get('td.score').text()).toBe('3,0');
  });

  it('rounds the mean for display only, to one decimal', () => {
    // 2, 3 and 3 → 2,666… → 2,7.
    const table = mountTable({ scores: scoresFor(instrument, { values: { 'b-1': 2, 'b-2': 3, 'b-3': 3 } }).goals });
    expect(row(table, 'goal-b').get('td.score').text()).toBe('2,7');
  });

  it('shows "–" for a goal without a score', () => {
    const table = mountTable();
    expect(row(table, 'goal-c').get('td.score').text()).toBe('–');
  });

  it('shows "–" for an unanswered goal, with coverage "0 av N (0 %)"', () => {
    const table = mountTable({ scores: scoresFor(instrument, {}).goals });
    expect(row(table, 'goal-b').get('td.score').text()).toBe('–');
    expect(cells(table, 'goal-b')[1]).toBe('0 av 3 (0 %)');
  });

  it('shows coverage as "6 av 7 (86 %)"', () => {
    const table = mountTable();
    const coverage = cells(table, 'goal-d')[1];
    expect(coverage).toBe('6 av 7 (86 %)');
    // Also check the raw text, whatever space Intl puts before the per cent sign.
    expect(row(table, 'goal-d').findAll('td')[1]?.text()).toMatch(/^6 av 7 \(86[\s\u00a0\u202f]?%\)$/);
    expect(cells(table, 'goal-a')[1]).toBe('2 av 2 (100 %)');
  });

  it('shows "–" for coverage when no item applies', () => {
    const table = mountTable();
    expect(cells(table, 'goal-c')[1]).toBe('–');
  });

  it('counts "Vet inte" and "Inte aktuellt" answers', () => {
    const table = mountTable();
    expect(cells(table, 'goal-d')).toEqual(['2,5', '6 av 7 (86 %)', '1', '1']);
    expect(cells(table, 'goal-c')).toEqual(['–', '–', '0', '1']);
    expect(cells(table, 'goal-a')).toEqual(['2,5', '2 av 2 (100 %)', '0', '0']);
  });

  it('shows a skipped goal as "Inte aktuellt denna omgång" across the columns, with no score', () => {
    const table = mountTable();
    const tds = row(table, 'goal-b').findAll('td');
    expect(tds).toHaveLength(1);
    expect(tds[0]?.text()).toBe('Inte aktuellt denna omgång');
    expect(tds[0]?.attributes('colspan')).toBe('4');
    expect(row(table, 'goal-b').find('td.score').exists()).toBe(false);
    // Goal B's answer (4) must not show up as a score.
    expect(tds.map((td) => td.text()).join(' ')).not.toMatch(/\d/);
  });

  it('spans the change column too for a skipped goal when there is one', () => {
    const table = mountTable({ previous: before, previousLabel: 'HT 2025' });
    const tds = row(table, 'goal-b').findAll('td');
    expect(tds).toHaveLength(1);
    expect(tds[0]?.attributes('colspan')).toBe('5');
    expect(tds[0]?.text()).toBe('Inte aktuellt denna omgång');
  });

  it('adds a "Sedan <round>" change column with a previous round and its label', () => {
    const table = mountTable({ previous: before, previousLabel: 'HT 2025' });
    expect(headers(table)).toEqual(['Mål', 'Medelvärde', 'Täckning', 'Vet inte', 'Inte aktuellt', 'Sedan HT 2025']);
    expect(row(table, 'goal-a').get('td.change').text()).toBe('+1,0 ↑');
    expect(row(table, 'goal-d').get('td.change').text()).toBe('−0,5 ↓');
  });

  it('shows "±0" for no change', () => {
    const same = scoresFor(instrument, currentSpec, 'same').goals;
    const table = mountTable({ previous: same, previousLabel: 'VT 2025' });
    expect(row(table, 'goal-a').get('td.change').text()).toBe('±0');
    expect(row(table, 'goal-d').get('td.change').text()).toBe('±0');
  });

  it('shows "–" as the change when this round has no score', () => {
    const table = mountTable({ previous: before, previousLabel: 'HT 2025' });
    // goal-c had 3 before but has no score now.
    expect(row(table, 'goal-c').get('td.change').text()).toBe('–');
  });

  it('shows "–" as the change when the previous round has no score', () => {
    const empty = scoresFor(instrument, { values: { 'a-1': 'dont-know' } }, 'empty').goals;
    const table = mountTable({ previous: empty, previousLabel: 'HT 2025' });
    expect(row(table, 'goal-a').get('td.change').text()).toBe('–');
    expect(row(table, 'goal-d').get('td.change').text()).toBe('–');
  });

  it('shows "–" as the change when the goal was skipped in the previous round', () => {
    const skippedBefore = scoresFor(instrument, { values: { 'a-1': 3, 'a-2': 3 }, skipped: ['goal-a'] }, 'skipped').goals;
    const table = mountTable({ previous: skippedBefore, previousLabel: 'HT 2025' });
    expect(row(table, 'goal-a').get('td.change').text()).toBe('–');
  });

  it('has no change column with previous scores but no label', () => {
    const table = mountTable({ previous: before });
    expect(headers(table)).toHaveLength(5);
    expect(table.find('td.change').exists()).toBe(false);
    expect(row(table, 'goal-b').get('td').attributes('colspan')).toBe('4');
  });

  it('has no change column with a label but no previous scores', () => {
    const table = mountTable({ previousLabel: 'HT 2025' });
    expect(headers(table)).toHaveLength(5);
    expect(table.find('td.change').exists()).toBe(false);
  });

  it('wraps the table in a focusable region named by the caption, so it can be scrolled by keyboard', () => {
    const table = mountTable({ caption: 'Resultat per mål' });
    const region = table.get('.table-scroll');
    expect(region.attributes('tabindex')).toBe('0');
    expect(region.attributes('role')).toBe('region');
    expect(region.attributes('aria-label')).toBe('Resultat per mål');
    expect(region.find('table').exists()).toBe(true);
  });

  it('is in English after switching the language', async () => {
    const table = mountTable({ previous: before, previousLabel: 'Autumn 2025' });
    setLocale('en');
    await table.vm.$nextTick();
    expect(headers(table)).toEqual(['Goal', 'Mean', 'Coverage', 'Don’t know', 'Not relevant', 'Since Autumn 2025']);
    expect(row(table, 'goal-a').get('th').text()).toBe('Goal 1: Goal A');
    expect(cells(table, 'goal-a')).toEqual(['2.5', '2 of 2 (100%)', '0', '0', '+1.0 ↑']);
    expect(cells(table, 'goal-d')).toEqual(['2.5', '6 of 7 (86%)', '1', '1', '−0.5 ↓']);
    expect(cells(table, 'goal-b')).toEqual(['Not relevant this round']);
  });
});
