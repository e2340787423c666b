import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, type PropType } from 'vue';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import type { ChartRequest } from '@/components/charts/chartConfig';
import type { ExportFile } from '@/domain/exchange/format';
import type { Instrument } from '@/domain/types';
import { setLocale } from '@/i18n';
import { loadDefaultInstrument } from '@/instrument';
import { routes } from '@/modules/router';
import CoordinatorView from '@/views/CoordinatorView.vue';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { all, centreFile } from '../../fixtures/centreFiles';
import { repository } from '../../fixtures/repository';

/** What each chart was asked to draw: its kind and its series' labels. */
const ChartFigureStub = defineComponent({
  props: {
    title: { type: String, required: true },
    request: { type: Object as PropType<ChartRequest>, required: true },
    fileName: { type: String, required: true },
  },
  setup(props) {
    return () =>
      h('figure', {
        class: 'chart-stub',
        'data-kind': props.request.kind,
        'data-series': props.request.kind === 'heatmap' ? '' : props.request.data.datasets.map((d) => d.label).join(';'),
      }, [h('h3', props.title)]);
  },
});

let instrument: Instrument;
beforeAll(async () => {
  instrument = await loadDefaultInstrument();
});

/** Alby: every goal 3 in VT 2026 and 2 in HT 2025. Botkyrka: every goal 4 in VT 2026. Tumba: goal 1 at 1 in VT 2026. */
function workspaceFiles(): ExportFile[] {
  const everyGoal = (value: 1 | 2 | 3 | 4) => Object.fromEntries(instrument.goals.map((goal) => [goal.id, all(instrument, goal.id, value)]));
  return [
    centreFile(instrument, {
      name: 'Alby',
      rounds: [
        { title: 'Hösten', date: '2025-10-01', period: 'HT 2025', ratings: everyGoal(2) },
        { title: 'Våren', date: '2026-04-01', period: 'VT 2026', ratings: everyGoal(3) },
      ],
    }),
    centreFile(instrument, { name: 'Botkyrka', rounds: [{ title: 'Våren', date: '2026-04-02', period: 'VT 2026', ratings: everyGoal(4) }] }),
    centreFile(instrument, { name: 'Tumba', rounds: [{ title: 'Våren', date: '2026-04-03', period: 'VT 2026', ratings: { 'goal-1': all(instrument, 'goal-1', 1) } }] }),
  ];
}

async function mountAt(query: Record<string, string> = {}): Promise<{ view: VueWrapper; router: Router }> {
  await repository.putWorkspaceEntries(workspaceFiles().map((file) => ({ id: file.centre.id, fileName: `${file.centre.name}.json`, importedAt: '2026-05-20T10:00:00.000Z', file })));
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push({ name: 'coordinator', query });
  await router.isReady();
  const view = mount(CoordinatorView, { global: { plugins: [createPinia(), router], stubs: { ChartFigure: ChartFigureStub } }, attachTo: document.body });
  await vi.waitFor(async () => {
    await flushPromises();
    expect(view.find('[data-testid="centre-comparison"]').exists()).toBe(true);
  }, { timeout: 5000 });
  return { view, router };
}

const tableNames = (view: VueWrapper): string[] => view.findAll('[data-testid="centre-comparison"] tbody tr').map((row) => row.attributes('data-centre-name') ?? '');

/** The file the page hands to the browser's download: its name and its text. */
async function downloaded(action: () => Promise<void>): Promise<{ name: string; text: string }> {
  let blob: Blob | undefined;
  let name = '';
  vi.spyOn(URL, 'createObjectURL').mockImplementation((object) => {
    blob = object as Blob;
    return 'blob:test';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    name = this.download;
  });
  await action();
  if (!blob) throw new Error('nothing was downloaded');
  return { name, text: await blob.text() };
}

beforeEach(async () => {
  await emptyAppDatabase();
});

afterEach(() => {
  document.body.innerHTML = '';
  setLocale('sv');
});

describe('CoordinatorView', () => {
  it('lists the centres of the newest period in name order, and by a score only when chosen, with the choice in the URL', async () => {
    const { view, router } = await mountAt();
    expect((view.get('#coordinator-period').element as HTMLSelectElement).value).toBe('VT 2026');
    expect(tableNames(view)).toEqual(['Alby', 'Botkyrka', 'Tumba']);
    expect(view.find('#coordinator-order').exists()).toBe(false);

    await view.get('#coordinator-sort').setValue('overall');
    await flushPromises();
    expect(router.currentRoute.value.query.sort).toBe('overall');
    expect(tableNames(view)).toEqual(['Botkyrka', 'Alby', 'Tumba']);

    await view.get('#coordinator-order').setValue('asc');
    await flushPromises();
    expect(router.currentRoute.value.query.order).toBe('asc');
    expect(tableNames(view)).toEqual(['Tumba', 'Alby', 'Botkyrka']);

    await view.get('#coordinator-sort').setValue('name');
    await flushPromises();
    expect(router.currentRoute.value.query.sort).toBeUndefined();
    expect(tableNames(view)).toEqual(['Alby', 'Botkyrka', 'Tumba']);
  });

  it('reads an unknown sort or measure in the URL as the default instead of failing', async () => {
    const { view } = await mountAt({ sort: 'goal-99', measure: 'nonsense', order: 'asc' });
    expect(tableNames(view)).toEqual(['Alby', 'Botkyrka', 'Tumba']);
    expect((view.get('#coordinator-sort').element as HTMLSelectElement).value).toBe('name');
  });

  it('shows another period’s rounds when it is picked', async () => {
    const { view, router } = await mountAt();
    await view.get('#coordinator-period').setValue('HT 2025');
    await flushPromises();
    expect(router.currentRoute.value.query.period).toBe('HT 2025');
    expect(view.get('[data-testid="centre-comparison"] tr[data-centre-name="Alby"] td.centre-scores__overall').text()).toBe('2,0');
    expect(view.get('.chart-stub[data-kind="bar"]').attributes('data-series')).toBe('Alby');
  });

  it('draws only the centres chosen for the charts', async () => {
    const { view } = await mountAt();
    expect(view.get('.chart-stub[data-kind="bar"]').attributes('data-series')).toBe('Alby;Botkyrka;Tumba');
    const box = view.findAll('input[type="checkbox"]').find((input) => input.element.closest('label')?.textContent?.includes('Botkyrka'));
    if (!box) throw new Error('no chart choice for Botkyrka');
    await box.setValue(false);
    await flushPromises();
    expect(view.get('.chart-stub[data-kind="bar"]').attributes('data-series')).toBe('Alby;Tumba');
    expect(view.get('.chart-stub[data-kind="radar"]').attributes('data-series')).toBe('Alby;Tumba');
  });

  it('downloads the table as shown as CSV: its order, every mean with two decimals, a file name safe on every OS', async () => {
    const { view } = await mountAt({ sort: 'overall' });
    const button = view.findAll('button').find((b) => b.text() === 'Ladda ned tabellen som CSV');
    if (!button) throw new Error(`no CSV button among ${view.findAll('button').map((b) => b.text()).join(', ')}`);
    const file = await downloaded(() => button.trigger('click'));
    expect(file.name).toMatch(/^[^\\/:*?"<>|]+ VT 2026[^\\/:*?"<>|]*\.csv$/);
    const lines = file.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]?.split(';').slice(0, 7)).toEqual(['Familjecentral', 'Kommun eller region', 'Stadsdel eller område', 'Period', 'Omgång', 'Datum', 'Mål 1']);
    expect(lines.slice(1, -1).map((line) => line.split(';')[0])).toEqual(['Botkyrka', 'Alby', 'Tumba']);
    const alby = lines[2]?.split(';') ?? [];
    // Goals 1–5 and the overall mean all 3: "3,00", never "3"; the change since HT 2025 is +1.
    expect(alby.slice(6, 12)).toEqual(['3,00', '3,00', '3,00', '3,00', '3,00', '3,00']);
    expect(alby[12]).toBe('1,00');
  });

  it('words the CSV in the language shown', async () => {
    setLocale('en');
    const { view } = await mountAt();
    const button = view.findAll('button').find((b) => b.text() === 'Download the table as CSV');
    if (!button) throw new Error(`no CSV button among ${view.findAll('button').map((b) => b.text()).join(', ')}`);
    const file = await downloaded(() => button.trigger('click'));
    expect(file.text.replace(/^\uFEFF/, '').split(';')[0]).toBe('Family centre');
  });
});
