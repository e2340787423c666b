import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import ReportGoal from '@/components/report/ReportGoal.vue';
import ReportItemsTable from '@/components/report/ReportItemsTable.vue';
import type { GoalScore } from '@/domain/scoring';
import type { InstrumentGoal } from '@/domain/types';
import { setLocale } from '@/i18n';
import { smallInstrument } from '../../fixtures/instruments';
import { goalOf, scoresFor } from '../../fixtures/scores';

function secondGoal(): InstrumentGoal {
  const goal = smallInstrument.goals[1];
  if (!goal) throw new Error('smallInstrument has a goal-b');
  return goal;
}
const goalB = secondGoal();
const levels = smallInstrument.scale.levels;

/** goal-b: 2 and 3 rated, one "don't know" → 2,5, coverage 2 of 3. */
const scores = scoresFor(smallInstrument, {
  values: { 'b-1': 2, 'b-2': 3, 'b-3': 'dont-know' },
  notes: { 'b-2': 'Vi har en plan.' },
  reflections: { 'goal-b': 'Samverkan har blivit bättre.\nNästa steg: gemensam fortbildning.' },
});

interface Props {
  score?: GoalScore | undefined;
  change?: number | null;
  previousLabel?: string | undefined;
}

function mountGoal(props: Props = {}) {
  return mount(ReportGoal, {
    props: {
      goal: goalB,
      levels,
      score: 'score' in props ? props.score : goalOf(scores, 'goal-b'),
      items: scores.items,
      change: props.change ?? null,
      previousLabel: props.previousLabel,
    },
  });
}

const squash = (value: string): string => value.replace(/\s+/g, ' ').trim();

function figures(goal: ReturnType<typeof mountGoal>): [string, string][] {
  return goal.findAll('.report-goal__figures > div').map((div) => [div.get('dt').text(), squash(div.get('dd').text())]);
}

afterEach(() => {
  setLocale('sv');
});

describe('ReportGoal', () => {
  it('is a section named by its "Mål N: title" heading', () => {
    const goal = mountGoal();
    const heading = goal.get('h3');
    expect(heading.text()).toBe('Mål 2: Mål B');
    expect(goal.get('section').attributes('aria-labelledby')).toBe(heading.attributes('id'));
    expect(goal.get('section').attributes('data-goal-id')).toBe('goal-b');
  });

  it('shows the mean with one decimal, the coverage and the change since the round before', () => {
    const goal = mountGoal({ change: 0.75, previousLabel: 'VT 2026' });
    expect(figures(goal)).toEqual([
      ['Medelvärde', '2,5'],
      ['Täckning', '2 av 3 (67 %)'],
      ['Förändring sedan VT 2026', '+0,8 ↑'],
    ]);
  });

  it('shows "±0" and "–" changes as such', () => {
    expect(figures(mountGoal({ change: 0, previousLabel: 'VT 2026' }))[2]?.[1]).toBe('±0');
    expect(figures(mountGoal({ change: null, previousLabel: 'VT 2026' }))[2]?.[1]).toBe('–');
  });

  it('says so when there is no earlier round', () => {
    expect(figures(mountGoal())[2]).toEqual(['Förändring', 'Ingen tidigare omgång att jämföra med']);
  });

  it('shows the reflection as text with its line breaks, or says none was written', () => {
    const goal = mountGoal();
    expect(goal.get('.report-goal__reflection h4').text()).toBe('Sammanfattning och reflektion');
    expect(goal.get('.report-goal__reflection p').element.textContent).toBe('Samverkan har blivit bättre.\nNästa steg: gemensam fortbildning.');
    const empty = mountGoal({ score: goalOf(scoresFor(smallInstrument, {}), 'goal-b') });
    expect(empty.get('.report-goal__reflection p').text()).toBe('Ingen reflektion antecknad.');
    expect(empty.get('.report-goal__reflection p').classes()).toContain('report-goal__empty');
    expect(figures(empty)[0]).toEqual(['Medelvärde', '–']);
    expect(figures(empty)[1]).toEqual(['Täckning', '0 av 3 (0 %)']);
  });

  it('shows a skipped goal as not relevant, without figures, but still lists its items and reflection', () => {
    const skipped = scoresFor(smallInstrument, { values: { 'b-1': 4 }, skipped: ['goal-b'], reflections: { 'goal-b': 'Inte nu.' } });
    const goal = mountGoal({ score: goalOf(skipped, 'goal-b'), change: null, previousLabel: 'VT 2026' });
    expect(goal.find('.report-goal__figures').exists()).toBe(false);
    expect(goal.get('.report-goal__skipped').text()).toBe('Målet är markerat som inte aktuellt i den här omgången. Svaren visas men räknas inte.');
    expect(goal.get('.report-goal__reflection p').text()).toBe('Inte nu.');
    expect(goal.findComponent(ReportItemsTable).exists()).toBe(true);
  });

  it('has the item table with every statement of the goal', () => {
    const goal = mountGoal();
    expect(goal.findAll('tbody tr').map((tr) => tr.attributes('data-item-id'))).toEqual(['b-1', 'b-2', 'b-3']);
    expect(goal.get('tr[data-item-id="b-2"]').text()).toContain('Vi har en plan.');
  });

  it('is in English after switching the language', async () => {
    const goal = mountGoal({ change: -0.3, previousLabel: 'Spring 2026' });
    setLocale('en');
    await goal.vm.$nextTick();
    expect(goal.get('h3').text()).toBe('Goal 2: Goal B');
    expect(figures(goal)).toEqual([
      ['Mean', '2.5'],
      ['Coverage', '2 of 3 (67%)'],
      ['Change since Spring 2026', '−0.3 ↓'],
    ]);
    expect(goal.get('.report-goal__reflection h4').text()).toBe('Summary and reflection');
  });
});
