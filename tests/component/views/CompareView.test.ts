import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, type PropType } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { ChartRequest } from '@/components/charts/chartConfig';
import { routes } from '@/modules/router';
import CompareView from '@/views/CompareView.vue';
import { makeCentre, makeRound } from '../../fixtures/records';
import { seedScoredRounds } from '../../fixtures/scoredRounds';

/** Chart.js does not draw in happy-dom: the figure shows how many series it was given. */
const ChartFigureStub = defineComponent({
  name: 'ChartFigure',
  props: { request: { type: Object as PropType<ChartRequest>, required: true } },
  setup(props) {
    return () => h('figure', { class: 'chart-stub', 'data-kind': props.request.kind, 'data-series': props.request.kind === 'heatmap' ? 0 : props.request.data.datasets.length });
  },
});

const centre = makeCentre({ id: 'centre-c', name: 'Familjecentralen Jämför' });
const rounds = [
  makeRound(centre.id, { id: 'round-2025', title: 'Hösten 2025', date: '2025-10-10', period: 'HT 2025' }),
  makeRound(centre.id, { id: 'round-spring', title: 'Våren 2026', date: '2026-04-20', period: 'VT 2026' }),
  makeRound(centre.id, { id: 'round-autumn', title: 'Hösten 2026', date: '2026-10-10', period: 'HT 2026' }),
];

beforeEach(() => seedScoredRounds(centre, rounds));

async function mountCompare(query: Record<string, string> = {}) {
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push({ name: 'compare', params: { centreId: centre.id }, query });
  await router.isReady();
  const view = mount(CompareView, { props: { centreId: centre.id }, global: { plugins: [createPinia(), router], stubs: { ChartFigure: ChartFigureStub } } });
  await vi.waitFor(
    async () => {
      await flushPromises();
      expect(view.findAll('input[type="checkbox"]')).toHaveLength(3);
    },
    { timeout: 5000 },
  );
  return view;
}

function checked(view: Awaited<ReturnType<typeof mountCompare>>): string[] {
  return view.findAll<HTMLInputElement>('input[type="checkbox"]').filter((box) => box.element.checked).map((box) => box.element.value);
}

describe('CompareView', () => {
  it('compares the two newest rounds by default, not one and not all', async () => {
    const view = await mountCompare();
    expect(checked(view)).toEqual(['round-spring', 'round-autumn']);
    await vi.waitFor(() => expect(view.find('.chart-stub[data-kind="radar"]').attributes('data-series')).toBe('2'));
    view.unmount();
  });

  it('compares the rounds the address names instead, when it names them', async () => {
    const view = await mountCompare({ rounds: 'round-2025,round-spring,round-autumn' });
    expect(checked(view)).toEqual(['round-2025', 'round-spring', 'round-autumn']);
    view.unmount();
  });
});
