import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import ReportGoal from '@/components/report/ReportGoal.vue';
import type { ActionItem, InstrumentGoal } from '@/domain/types';
import { setLocale } from '@/i18n';
import { smallInstrument } from '../../fixtures/instruments';
import { goalOf, scoresFor } from '../../fixtures/scores';
import { makeAction } from './helpers';

afterEach(() => {
  setLocale('sv');
});

function firstGoal(): InstrumentGoal {
  const goal = smallInstrument.goals[0];
  if (!goal) throw new Error('smallInstrument has a goal');
  return goal;
}
const goal = firstGoal();
const scores = scoresFor(smallInstrument, { values: {} });

function mountGoal(actions?: readonly ActionItem[]) {
  return mount(ReportGoal, {
    props: { goal, levels: smallInstrument.scale.levels, score: goalOf(scores, goal.id), items: scores.items, change: null, actions },
  });
}

describe('ReportGoal: actions', () => {
  it('lists the goal’s actions as a table of what, who, due and status', () => {
    const wrapper = mountGoal([
      makeAction('r', { what: 'Öppen mottagning', who: 'BVC', due: '2026-06-30', status: 'ongoing' }),
      makeAction('r', { what: 'Gruppträffar', who: '', due: '', status: 'planned' }),
    ]);
    const table = wrapper.get('[data-testid="report-actions"] table');
    expect(table.findAll('th').map((th) => th.text())).toEqual(['Vad ska göras?', 'Vem', 'Klart senast', 'Status']);
    const rows = table.findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => td.text()));
    expect(rows).toEqual([
      ['Öppen mottagning', 'BVC', '30 juni 2026', 'Pågår'],
      ['Gruppträffar', '–', '–', 'Planerad'],
    ]);
    expect(table.get('caption').text()).toBe(`Åtgärder för mål ${String(goal.number)}`);
  });

  it('says when there are none', () => {
    expect(mountGoal([]).get('[data-testid="report-actions"]').text()).toContain('Inga åtgärder.');
  });

  it('leaves the section out when no actions are given', () => {
    expect(mountGoal().find('[data-testid="report-actions"]').exists()).toBe(false);
  });
});
