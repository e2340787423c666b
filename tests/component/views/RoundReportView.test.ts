import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, type PropType } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { ChartRequest } from '@/components/charts/chartConfig';
import ReportGoal from '@/components/report/ReportGoal.vue';
import { repository } from '../../fixtures/repository';
import { setLocale } from '@/i18n';
import { loadDefaultInstrument } from '@/instrument';
import { routes } from '@/modules/router';
import RoundReportView from '@/views/RoundReportView.vue';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { makeCentre, makeRound, participant } from '../../fixtures/records';

/** Chart.js does not draw in happy-dom: the figure is replaced by one that shows what it was given. */
const ChartFigureStub = defineComponent({
  name: 'ChartFigure',
  props: {
    title: { type: String, required: true },
    summary: { type: Array as PropType<readonly string[]>, required: true },
    request: { type: Object as PropType<ChartRequest>, required: true },
    fileName: { type: String, required: true },
  },
  setup(props) {
    return () =>
      h('figure', { class: 'chart-stub', 'data-kind': props.request.kind, 'data-series': props.request.kind === 'heatmap' ? 0 : props.request.data.datasets.length }, [
        h('h3', props.title),
        h('ul', props.summary.map((line) => h('li', line))),
      ]);
  },
});

const centre = makeCentre({ id: 'centre-r', name: 'Familjecentralen Rapport', services: ['bmm', 'bvc', 'openPreschool', 'socialServices'], coLocation: 'separate' });
const spring = makeRound(centre.id, { id: 'round-spring', title: 'Våren 2026', date: '2026-04-20', period: 'VT 2026' });
const autumn = makeRound(centre.id, {
  id: 'round-autumn',
  title: 'Hösten 2026',
  date: '2026-10-10',
  period: 'HT 2026',
  participants: [participant('Anna Berg', 'BVC')],
});

async function seed(): Promise<void> {
  await repository.addCentre(centre);
  await repository.addRound(spring);
  await repository.addRound(autumn);
}

/** Answers the first items of goal 1 with the given values. */
async function answer(roundId: string, values: readonly number[], itemIds: readonly string[]): Promise<void> {
  for (const [index, value] of values.entries()) {
    const itemId = itemIds[index];
    if (itemId) await repository.saveAnswer(roundId, 'goal-1', itemId, { value });
  }
}

async function mountView(roundId: string) {
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push({ name: 'report', params: { centreId: centre.id, roundId } });
  await router.isReady();
  const view = mount(RoundReportView, {
    props: { centreId: centre.id, roundId },
    global: { plugins: [createPinia(), router], stubs: { ChartFigure: ChartFigureStub } },
  });
  await vi.waitFor(
    async () => {
      await flushPromises();
      expect(view.find('[data-testid="report"], .card').exists()).toBe(true);
    },
    { timeout: 5000 },
  );
  return view;
}

/** Goal 1's item ids in the default instrument. */
let itemIds: string[] = [];

beforeEach(async () => {
  await emptyAppDatabase();
  await seed();
  const instrument = await loadDefaultInstrument();
  itemIds = instrument.goals[0]?.items.map((item) => item.id) ?? [];
  await answer(spring.id, [1, 2], itemIds);
  await answer(autumn.id, [3, 4], itemIds);
  await repository.saveAnswer(autumn.id, 'goal-1', itemIds[0] ?? '', { note: 'Öppet hus varje tisdag.' });
  await repository.saveReflection(autumn.id, 'goal-1', { note: 'Vi når fler familjer.' });
  await repository.saveReflection(autumn.id, 'goal-5', { notRelevant: true });
});

afterEach(() => {
  vi.unstubAllGlobals();
  setLocale('sv');
  document.title = 'Självvärdering familjecentral';
});

describe('RoundReportView', () => {
  it('shows the round as a document: header, stage, goal table, radar of both rounds, every goal and a footer', async () => {
    const view = await mountView(autumn.id);
    expect(view.get('h1').text()).toBe('Skriftlig avstämning: Hösten 2026');
    expect(view.get('[data-testid="report-details"]').text()).toContain('Familjecentralen Rapport');
    expect(view.get('[data-testid="report-participants"]').text()).toBe('Anna Berg (BVC)');
    expect(view.findAll('h2:not(.visually-hidden)').map((h2) => h2.text())).toEqual([
      'Steg på vägen mot familjecentral',
      'Resultat per mål',
      'Översikt i diagram',
      'Mål för mål',
    ]);
    // Goal 1: 1,2 → 1,5 in spring; 3,4 → 3,5 in autumn: +2,0.
    const row = view.get('table.goal-scores tr[data-goal-id="goal-1"]');
    expect(row.get('td.score').text()).toBe('3,5');
    expect(row.get('td.change').text()).toBe('+2,0 ↑');
    expect(view.get('table.goal-scores thead').text()).toContain('Sedan VT 2026');
    expect(view.get('[data-testid="report-summary"]').text()).toContain('Alla mål: 3,5');

    const chart = view.get('.chart-stub');
    expect(chart.attributes('data-kind')).toBe('radar');
    expect(chart.attributes('data-series')).toBe('2');
    expect(chart.get('h3').text()).toBe('De fem målen: VT 2026 – HT 2026');
    expect(chart.text()).toContain('Mål 1: 1,5 → 3,5');

    const goals = view.findAllComponents(ReportGoal);
    expect(goals).toHaveLength(5);
    expect(goals[0]?.get('.report-goal__change').text()).toBe('+2,0 ↑');
    expect(goals[0]?.text()).toContain('Vi når fler familjer.');
    expect(goals[0]?.get(`tr[data-item-id="${itemIds[0] ?? ''}"]`).text()).toContain('Öppet hus varje tisdag.');
    expect(goals[4]?.text()).toContain('Målet är markerat som inte aktuellt');
    expect(view.get('[data-testid="report-footer"]').text()).toContain('version test (test)');
  });

  it('has a print button outside the printed page that opens the print dialog', async () => {
    // happy-dom has no print dialog.
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const view = await mountView(autumn.id);
    const button = view.get('[data-testid="report-print"]');
    expect(button.text()).toBe('Skriv ut / spara som PDF');
    expect(button.element.closest('.no-print')).not.toBeNull();
    expect(view.get('[data-testid="report"]').find('.no-print button').exists()).toBe(false);
    await button.trigger('click');
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('names the document after the centre and period for "save as PDF", and restores the title afterwards', async () => {
    document.title = 'Självvärdering familjecentral';
    const view = await mountView(autumn.id);
    expect(document.title).toBe('Skriftlig avstämning – Familjecentralen Rapport – HT 2026');
    view.unmount();
    expect(document.title).toBe('Självvärdering familjecentral');
  });

  it('has no change column and says there is no earlier round for the first round', async () => {
    const view = await mountView(spring.id);
    expect(view.get('h1').text()).toBe('Skriftlig avstämning: Våren 2026');
    expect(view.find('table.goal-scores td.change').exists()).toBe(false);
    expect(view.get('.chart-stub').attributes('data-series')).toBe('1');
    expect(view.findAllComponents(ReportGoal)[0]?.get('.report-goal__change').text()).toBe('Ingen tidigare omgång att jämföra med');
  });

  it('says the round is not found for an unknown id', async () => {
    const view = await mountView('no-such-round');
    expect(view.find('[data-testid="report"]').exists()).toBe(false);
    expect(view.text()).toContain('Omgången finns inte på den här enheten.');
  });

  it('is in English after switching the language', async () => {
    const view = await mountView(autumn.id);
    setLocale('en');
    await flushPromises();
    expect(view.get('h1').text()).toBe('Written check-in: Hösten 2026');
    expect(view.get('[data-testid="report-print"]').text()).toBe('Print / save as PDF');
    expect(view.findAll('h2:not(.visually-hidden)').map((h2) => h2.text())).toEqual([
      'Steps on the path to a family centre',
      'Results per goal',
      'Overview chart',
      'Goal by goal',
    ]);
  });
});
