import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import LocalItemsComparison from '@/components/results/LocalItemsComparison.vue';
import type { LocalGoalSeries } from '@/domain/localItems';
import { smallInstrument } from '../../fixtures/instruments';

const series: LocalGoalSeries[] = [
  {
    goalId: 'goal-b',
    items: [
      { itemId: 'own-1', text: 'Vi har ett gemensamt väntrum', values: [2, 4], answers: [2, 4] },
      { itemId: 'own-2', text: 'Nytt i höstas', values: [null, null], answers: [null, 'dont-know'] },
    ],
    means: [2, 4],
  },
];

describe('LocalItemsComparison', () => {
  it('shows each own statement with its answer in every compared round, and the own mean per round', () => {
    const view = mount(LocalItemsComparison, { props: { series, goals: smallInstrument.goals, roundLabels: ['VT 2026', 'HT 2026'] } });
    expect(view.get('caption').text()).toBe('Mål 2: Mål B');
    expect(view.findAll('thead th').map((th) => th.text())).toEqual(['Nr', 'Påstående', 'VT 2026', 'HT 2026']);
    const rows = view.findAll('tbody tr').map((row) => row.findAll('td, th').map((cell) => cell.text()));
    expect(rows).toEqual([
      ['E1', 'Vi har ett gemensamt väntrum', '2', '4'],
      ['E2', 'Nytt i höstas', '–', 'Vet inte'],
    ]);
    expect(view.findAll('tfoot td').map((td) => td.text())).toEqual(['2,0', '4,0']);
    expect(view.get('[role="region"]').attributes('aria-label')).toBe('Mål 2: Mål B');
  });

  it('shows nothing when no compared round has own statements', () => {
    const view = mount(LocalItemsComparison, { props: { series: [], goals: smallInstrument.goals, roundLabels: ['VT 2026'] } });
    expect(view.find('[data-testid="local-comparison"]').exists()).toBe(false);
  });
});
