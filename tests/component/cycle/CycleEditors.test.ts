import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import CycleSettings from '@/components/cycle/CycleSettings.vue';
import { db } from '@/db';
import { repository } from '../../fixtures/repository';
import { createAction, emptyActionInput } from '@/domain/actions';
import { loadDefaultInstrument } from '@/instrument';
import { routes } from '@/modules/router';
import { DEADLINES_KEY } from '@/stores/cycleSettings';
import ProjectPlanView from '@/views/ProjectPlanView.vue';
import YearlyReportView from '@/views/YearlyReportView.vue';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { makeCentre, makeRound } from '../../fixtures/records';

const centre = makeCentre({ id: 'centre-e', name: 'Familjecentralen Redigering' });
const round = makeRound(centre.id, { id: 'round-e', title: 'Våren 2026', date: '2026-03-05', period: 'VT 2026' });
const action = createAction({ ...emptyActionInput(), what: 'Gemensam öppen mottagning', who: 'BVC', status: 'ongoing' }, centre.id, round.id, 'goal-1');
let firstItem = '';

beforeEach(async () => {
  await emptyAppDatabase();
  await repository.addCentre(centre);
  await repository.addRound(round);
  const instrument = await loadDefaultInstrument();
  firstItem = instrument.goals[0]?.items[0]?.id ?? '';
  await repository.saveAnswer(round.id, 'goal-1', firstItem, { value: 2 });
  await repository.putAction(action);
});

async function until(check: () => void | Promise<void>): Promise<void> {
  await vi.waitFor(
    async () => {
      await flushPromises();
      await check();
    },
    { timeout: 5000 },
  );
}

async function mountView(component: typeof ProjectPlanView, name: string): Promise<VueWrapper> {
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push({ name, params: { centreId: centre.id, year: '2026' } });
  await router.isReady();
  const view = mount(component, { props: { centreId: centre.id, year: '2026' }, global: { plugins: [createPinia(), router] }, attachTo: document.body });
  await until(() => expect(view.find('h1').exists()).toBe(true));
  return view;
}

describe('ProjectPlanView', () => {
  it('puts a goal in focus, adds a sub-goal from the last rating, links the action and seals the plan', async () => {
    const view = await mountView(ProjectPlanView, 'project-plan');
    expect(view.get('h1').text()).toBe('Lokal projektplan 2026');
    const goal1 = () => view.get('[data-goal-id="goal-1"]');
    // Out of focus and empty: only the switch.
    expect(goal1().find('[data-testid="plan-goal-add"]').exists()).toBe(false);
    await goal1().get('[data-testid="plan-goal-focus"]').setValue(true);
    await until(async () => expect((await db.projectPlans.toArray())[0]?.goalsInFocus).toEqual(['goal-1']));
    await until(() => expect(goal1().find('[data-testid="plan-goal-add"]').exists()).toBe(true));
    await goal1().get('[data-testid="plan-goal-add"]').trigger('click');
    await until(() => expect(goal1().findAll('[data-testid="plan-target"]')).toHaveLength(1));
    const target = () => goal1().get('[data-testid="plan-target"]');
    // Rated 2 last: aimed at 3, starting from 2.
    expect(target().get<HTMLSelectElement>('[data-testid="plan-target-level"]').element.value).toBe('3');
    expect(target().text()).toContain('Nivå när delmålet sattes: 2');
    await target().get(`[data-action-id="${action.id}"]`).setValue(true);
    await target().get('[data-service="bvc"]').setValue(true);
    await until(async () => expect((await db.projectPlans.toArray())[0]?.targets[0]).toMatchObject({ itemId: firstItem, level: 3, startLevel: 2, services: ['bvc'], actionIds: [action.id] }));

    await view.get('[data-testid="cycle-preview"]').trigger('click');
    await until(() => expect(view.find('[data-testid="project-plan-document"]').text()).toContain('Gemensam öppen mottagning (Pågår)'));

    await view.get('[data-testid="cycle-hand-in-open"]').trigger('click');
    await view.get('[data-testid="cycle-hand-in-confirm"]').trigger('click');
    await until(() => expect(view.find('[data-testid="cycle-hand-in-sealed"]').exists()).toBe(true));
    const [sealed] = await db.handIns.toArray();
    expect(sealed).toMatchObject({ kind: 'project-plan', deadlineId: 'project-plan', year: 2026, centreId: centre.id });
    expect(view.find('[data-testid="cycle-hand-in-edited"]').exists()).toBe(false);
  });
});

describe('YearlyReportView', () => {
  it('saves what was achieved, next year’s focus, an action and the cost description', { timeout: 15_000 }, async () => {
    const view = await mountView(YearlyReportView, 'yearly-report');
    expect(view.get('h1').text()).toBe('Årsredovisning 2026 och plan för 2027');
    expect(view.get('[data-testid="report-check-ins"]').text()).toContain('Inga avstämningar är inlämnade för 2026');
    await view.get('[data-testid="report-focus"][data-goal-id="goal-3"]').setValue(true);
    // A new action goes under the first goal in focus, once that is stored.
    await until(async () => expect((await db.yearlyReports.toArray())[0]?.nextYear.goalsInFocus).toEqual(['goal-3']));
    await until(() => expect(view.get<HTMLInputElement>('[data-testid="report-focus"][data-goal-id="goal-3"]').element.checked).toBe(true));
    await view.get('[data-testid="report-add-action"]').trigger('click');
    await until(() => expect(view.findAll('[data-testid="report-action"]')).toHaveLength(1));
    const what = view.get('[data-testid="report-action"]').findAll('input[type="text"]')[0];
    await what?.setValue('Föräldraråd');
    await what?.trigger('blur');
    const costs = view.findAll('textarea').at(-1);
    await costs?.setValue('Lokalhyra 40 000 kr');
    await costs?.trigger('blur');
    await until(async () =>
      expect((await db.yearlyReports.toArray())[0]?.nextYear).toMatchObject({ goalsInFocus: ['goal-3'], actions: [{ goalId: 'goal-3', what: 'Föräldraråd' }], costs: 'Lokalhyra 40 000 kr' }),
    );
  });
});

describe('CycleSettings', () => {
  it('stores a moved deadline as month and day only, and restores the defaults', async () => {
    const settings = mount(CycleSettings, { global: { plugins: [createPinia()] } });
    await until(() => expect(settings.findAll('[data-testid="cycle-settings-date"]')).toHaveLength(4));
    expect(settings.text()).toContain('Standarddatumen används.');
    await settings.get('[data-deadline="check-in-spring"]').setValue('2031-05-20');
    await settings.get('form').trigger('submit');
    await until(async () => expect(await repository.getSetting(DEADLINES_KEY)).toContain('"monthDay":"05-20"'));
    await until(() => expect(settings.text()).toContain('Nätverkets egna datum används.'));
    await settings.get('[data-testid="cycle-settings-reset"]').trigger('click');
    await until(async () => expect(await repository.getSetting(DEADLINES_KEY)).toBe(''));
    await until(() => expect(settings.text()).toContain('Standarddatumen används.'));
  });
});
