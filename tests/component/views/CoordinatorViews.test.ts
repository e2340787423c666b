import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, type PropType } from 'vue';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import type { ChartRequest } from '@/components/charts/chartConfig';
import { repository } from '../../fixtures/repository';
import type { ExportFile } from '@/domain/exchange/format';
import type { Instrument } from '@/domain/types';
import { setLocale } from '@/i18n';
import { loadDefaultInstrument } from '@/instrument';
import { routes } from '@/modules/router';
import CoordinatorGoalView from '@/views/CoordinatorGoalView.vue';
import CoordinatorPresentationView from '@/views/CoordinatorPresentationView.vue';
import CoordinatorView from '@/views/CoordinatorView.vue';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { all, centreFile } from '../../fixtures/centreFiles';
import { sayAboutGoal } from '../../fixtures/goalReading';

/** Charts are drawn by Chart.js in the browser tests; here only what they were asked to draw. */
const ChartFigureStub = defineComponent({
  props: {
    title: { type: String, required: true },
    summary: { type: Array as PropType<readonly string[]>, required: true },
    request: { type: Object as PropType<ChartRequest>, required: true },
    fileName: { type: String, required: true },
  },
  setup(props) {
    return () =>
      h('figure', {
        class: 'chart-stub',
        'data-kind': props.request.kind,
        'data-series': props.request.kind === 'heatmap' ? '' : props.request.data.datasets.map((d) => `${d.label}|${String(d.backgroundColor)}|${String(d.pointStyle)}`).join(';'),
      }, [h('h3', props.title)]);
  },
});

let instrument: Instrument;
let files: ExportFile[] = [];

beforeAll(async () => {
  instrument = await loadDefaultInstrument();
});

/**
 * Alby: VT 2026 complete, goal 3 all 3, a reflection on goal 3. Fittja: VT 2026 in progress, goal 3 all 4.
 * Östberga: HT 2025 complete only.
 */
function workspaceFiles(): ExportFile[] {
  const alby = centreFile(instrument, { name: 'Alby', rounds: [{ title: 'Våren', date: '2026-04-01', period: 'VT 2026', ratings: { 'goal-3': all(instrument, 'goal-3', 3) } }] });
  sayAboutGoal(alby, 0, 'goal-3', { reflection: 'Vi sitter i samma hus', actions: [{ what: 'Gemensam reception', who: 'BVC', status: 'planned' }] });
  const fittja = centreFile(instrument, {
    name: 'Fittja',
    rounds: [{ title: 'Pågående vår', date: '2026-04-10', period: 'VT 2026', ratings: { 'goal-3': all(instrument, 'goal-3', 4) }, inProgress: true }],
  });
  sayAboutGoal(fittja, 0, 'goal-3', { reflection: 'Utkast' });
  const ostberga = centreFile(instrument, { name: 'Östberga', rounds: [{ date: '2025-10-01', period: 'HT 2025', ratings: { 'goal-1': all(instrument, 'goal-1', 2) } }] });
  return [ostberga, fittja, alby];
}

async function store(list: readonly ExportFile[]): Promise<void> {
  await repository.putWorkspaceEntries(list.map((file) => ({ id: file.centre.id, fileName: `${file.centre.name}.json`, importedAt: '2026-05-20T10:00:00.000Z', file })));
}

async function mountAt(component: object, name: string, query: Record<string, string> = {}): Promise<{ view: VueWrapper; router: Router }> {
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push({ name, query });
  await router.isReady();
  const view = mount(component, { global: { plugins: [createPinia(), router], stubs: { ChartFigure: ChartFigureStub } }, attachTo: document.body });
  await vi.waitFor(async () => {
    await flushPromises();
    expect(view.text()).not.toContain('Laddar');
  }, { timeout: 5000 });
  return { view, router };
}

const names = (view: VueWrapper, selector: string): string[] => view.findAll(selector).map((row) => row.attributes('data-centre-name') ?? '');

beforeEach(async () => {
  await emptyAppDatabase();
  files = workspaceFiles();
});

afterEach(() => {
  document.body.innerHTML = '';
  setLocale('sv');
});

describe('the coordinator’s comparison', () => {
  it('says the workspace is empty before any file is imported', async () => {
    const { view } = await mountAt(CoordinatorView, 'coordinator');
    expect(view.text()).toContain('Arbetsytan är tom');
    expect(view.find('[data-testid="centre-comparison"]').exists()).toBe(false);
  });

  it('marks a round in progress in words and leaves it out until the coordinator includes it', async () => {
    await store(files);
    const { view, router } = await mountAt(CoordinatorView, 'coordinator', { period: 'VT 2026' });
    const table = view.get('[data-testid="centre-comparison"]');
    expect(names(view, '[data-testid="centre-comparison"] tbody tr')).toEqual(['Alby', 'Fittja', 'Östberga']);
    const fittja = table.get('tr[data-centre-name="Fittja"]');
    expect(fittja.text()).toContain('Pågår');
    expect(fittja.text()).toContain('”Pågående vår”');
    expect(fittja.text()).toContain('är inte med i jämförelsen');
    expect(fittja.find('td.centre-scores__overall').exists()).toBe(false);
    expect(view.get('.chart-stub[data-kind="bar"]').attributes('data-series')).not.toContain('Fittja');

    const toggle = view.findAll('input[type="checkbox"]').find((input) => input.element.closest('label')?.textContent?.includes('Ta med pågående omgångar'));
    expect((toggle?.element as HTMLInputElement | undefined)?.checked).toBe(false);
    await toggle?.setValue(true);
    await flushPromises();
    expect(router.currentRoute.value.query.pending).toBe('1');
    const included = view.get('[data-testid="centre-comparison"] tr[data-centre-name="Fittja"]');
    expect(included.get('td.centre-scores__overall').text()).toBe('4,0');
    expect(included.text()).toContain('Pågår');
    expect(view.get('.chart-stub[data-kind="bar"]').attributes('data-series')).toContain('Fittja');
    // Drawn, it says in the legend that it is not finished.
    expect(view.get('.chart-stub[data-kind="bar"]').attributes('data-series')).toContain('Fittja (pågår)|');
    expect(view.get('.chart-stub[data-kind="radar"]').attributes('data-series')).toContain('Fittja (pågår)|');
    expect(view.get('.chart-stub[data-kind="bar"]').attributes('data-series')).not.toContain('Alby (pågår)');
  });

  it('draws each centre with the same colour and marker in every chart and beside its name in the table', async () => {
    await store(files);
    const { view } = await mountAt(CoordinatorView, 'coordinator', { period: 'VT 2026', pending: '1' });
    const series = (kind: string) =>
      new Map(view.get(`.chart-stub[data-kind="${kind}"]`).attributes('data-series')?.split(';').map((entry) => {
        const [label = '', color = '', shape = ''] = entry.split('|');
        return [label, { color, shape }] as const;
      }));
    const bar = series('bar');
    const line = series('line');
    const albyRow = view.get('[data-testid="centre-comparison"] tr[data-centre-name="Alby"] .centre-swatch');
    expect(bar.get('Alby')?.color).toBe(albyRow.attributes('data-color'));
    expect(bar.get('Alby')?.shape).toBe(albyRow.attributes('data-shape'));
    // The trend line's colour is its border; its background is the same colour when not filled.
    expect(line.get('Alby')).toEqual(bar.get('Alby'));
    expect(bar.get('Alby')).not.toEqual(bar.get('Fittja'));
    // Fittja's round is in progress: its series is named so, with its own colour and marker still.
    expect(bar.get('Fittja (pågår)')).toEqual(line.get('Fittja'));
    expect(bar.get('Alby')).not.toEqual(bar.get('Fittja (pågår)'));
  });

  it('links the goal reading and the presentation with the same period and choice', async () => {
    await store(files);
    const { view } = await mountAt(CoordinatorView, 'coordinator', { period: 'VT 2026', pending: '1' });
    const links = view.findAll('a').map((a) => a.attributes('href') ?? '');
    expect(links).toContain('/coordinator/goal?period=VT+2026&pending=1');
    expect(links).toContain('/coordinator/present?period=VT+2026&pending=1');
  });
});

describe('reading one goal across centres', () => {
  it('shows each centre’s reflection and actions in name order, without rounds in progress by default', async () => {
    await store(files);
    const { view } = await mountAt(CoordinatorGoalView, 'coordinator-goal', { goal: 'goal-3', period: 'VT 2026' });
    expect(view.get('h1').text()).toBe('Vad säger familjecentralerna om mål 3?');
    expect(names(view, 'article[data-centre-name]')).toEqual(['Alby', 'Fittja', 'Östberga']);
    const alby = view.get('article[data-centre-name="Alby"]');
    expect(alby.get('[data-testid="reflection"]').text()).toBe('Vi sitter i samma hus');
    expect(alby.get('[data-testid="actions"] tbody').text()).toContain('Gemensam reception');
    expect(alby.get('[data-testid="actions"] tbody').text()).toContain('Planerad');
    expect(alby.text()).toContain('Medelvärde för målet: 3,0');
    expect(view.get('article[data-centre-name="Fittja"]').text()).toContain('Ingen omgång VT 2026');
  });

  it('includes a round in progress, marked, when chosen', async () => {
    await store(files);
    const { view } = await mountAt(CoordinatorGoalView, 'coordinator-goal', { goal: 'goal-3', period: 'VT 2026', pending: '1' });
    const fittja = view.get('article[data-centre-name="Fittja"]');
    expect(fittja.text()).toContain('Pågår');
    expect(fittja.get('[data-testid="reflection"]').text()).toBe('Utkast');
  });
});

describe('the network presentation', () => {
  it('moves with the group presentation’s keys and shows every centre’s score on a goal slide', async () => {
    await store(files);
    const { view, router } = await mountAt(CoordinatorPresentationView, 'coordinator-present', { period: 'VT 2026' });
    expect(view.get('h1').text()).toBe('Översikt: familjecentralernas medelvärden per mål');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'End' }));
    await flushPromises();
    expect(router.currentRoute.value.query.slide).toBe('6');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home' }));
    await flushPromises();
    for (let i = 0; i < 3; i += 1) {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
      await flushPromises();
    }
    expect(view.get('h1').text()).toBe('Mål 3: ' + (instrument.goals[2]?.title.sv ?? ''));
    // Only centres with a round compared in the period, in name order.
    expect(names(view, '.network-slide__centre')).toEqual(['Alby']);
    expect(view.get('[data-testid="centre-score"]').text()).toBe('3,0');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'h' }));
    await flushPromises();
    expect(view.get('[data-testid="centre-score"]').text()).toBe('?');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('coordinator'));
    expect(router.currentRoute.value.query.period).toBe('VT 2026');
  });
});
