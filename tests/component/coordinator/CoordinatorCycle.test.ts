import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import DeadlineTable from '@/components/coordinator/DeadlineTable.vue';
import { repository } from '../../fixtures/repository';
import { sealHandIn } from '@/domain/cycle/handIn';
import type { ExportFile } from '@/domain/exchange/format';
import { centreCycles, deadlineTable } from '@/domain/exchange/handInsAcross';
import { setLocale } from '@/i18n';
import { routes } from '@/modules/router';
import CoordinatorGoalView from '@/views/CoordinatorGoalView.vue';
import CoordinatorHandInView from '@/views/CoordinatorHandInView.vue';
import CoordinatorView from '@/views/CoordinatorView.vue';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { instrument } from '../../fixtures/cycle';
import { yearOfDocuments } from '../../fixtures/documents';
import { districtFile } from '../../fixtures/handInFiles';
import { squash } from '../../fixtures/tables';

const ChartFigureStub = defineComponent({ setup: () => () => h('figure', { class: 'chart-stub' }) });

function workspaceFiles(): ExportFile[] {
  return [
    districtFile({ id: 'c-rinkeby', name: 'Familjecentralen Rinkeby', mayAt: '2026-05-12T09:00:00.000Z', octoberAt: '2026-10-09T09:00:00.000Z', goal3: { reflection: 'Rinkeby om lokalen.', action: 'Gemensam reception' } }, '2026-10-20T10:00:00.000Z'),
    districtFile({ id: 'c-alby', name: 'Familjecentralen Alby', mayAt: '2026-05-20T09:00:00.000Z', goal3: { reflection: 'Alby om lokalen.', action: 'Skylt vid entrén' } }, '2026-10-20T10:00:00.000Z'),
    districtFile({ id: 'c-kista', name: 'Familjecentralen Kista', goal3: { reflection: 'Kista.', action: 'Inget' } }, '2026-10-20T10:00:00.000Z'),
  ];
}

async function store(list: readonly ExportFile[]): Promise<void> {
  await repository.putWorkspaceEntries(list.map((file) => ({ id: file.centre.id, fileName: `${file.centre.name}.json`, importedAt: '2026-10-21T10:00:00.000Z', file })));
}

async function mountAt(component: object, to: Parameters<Router['push']>[0], props: Record<string, string> = {}): Promise<{ view: VueWrapper; router: Router }> {
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(to);
  await router.isReady();
  const view = mount(component, { props, global: { plugins: [createPinia(), router], stubs: { ChartFigure: ChartFigureStub } }, attachTo: document.body });
  await vi.waitFor(async () => {
    await flushPromises();
    expect(view.text()).not.toContain('Laddar');
  }, { timeout: 5000 });
  return { view, router };
}

function mountTable(today: string) {
  const router = createRouter({ history: createMemoryHistory(), routes });
  const table = deadlineTable(centreCycles(workspaceFiles(), [instrument]), 2026, today);
  return mount(DeadlineTable, { props: { table }, global: { plugins: [router] } });
}

const cellText = (view: VueWrapper, centre: string, deadlineId: string) => squash(view.get(`tr[data-centre-name="${centre}"] td[data-deadline-id="${deadlineId}"]`).text());

beforeEach(async () => {
  await emptyAppDatabase();
});

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
  setLocale('sv');
});

describe('the centres × deadlines table', () => {
  it('is a table with column and row headers, in name order, with the due day in each column', () => {
    const view = mountTable('2026-10-20');
    expect(view.get('caption').text()).toBe('Inlämningar 2026: familjecentraler och tidpunkter');
    const headers = view.findAll('thead th');
    expect(headers.every((th) => th.attributes('scope') === 'col')).toBe(true);
    expect(squash(headers[2]?.text() ?? '')).toBe('Skriftlig avstämning, våren senast 15 maj 2026');
    expect(view.findAll('tbody th').map((th) => [th.attributes('scope'), squash(th.text())])).toEqual([
      ['row', 'Familjecentralen Alby'],
      ['row', 'Familjecentralen Kista'],
      ['row', 'Familjecentralen Rinkeby'],
    ]);
  });

  it('says in words what each cell is: on time, late, missing, due soon, changed after hand-in', () => {
    const view = mountTable('2026-10-20');
    expect(cellText(view, 'Familjecentralen Rinkeby', 'check-in-spring')).toBe('Inlämnad 12 maj 2026, i tidÖppna');
    expect(cellText(view, 'Familjecentralen Alby', 'check-in-spring')).toBe('Inlämnad 20 maj 2026, för sentÖppna');
    expect(cellText(view, 'Familjecentralen Kista', 'check-in-spring')).toBe('Saknas – skulle ha lämnats in 15 maj 2026');
    expect(cellText(view, 'Familjecentralen Kista', 'yearly-report')).toBe('Inte inlämnad – ska in senast 31 oktober 2026 (om 11 dagar)');
    const open = view.get('tr[data-centre-name="Familjecentralen Rinkeby"] td[data-deadline-id="check-in-spring"] a');
    expect(open.attributes('aria-label')).toBe('Öppna Skriftlig avstämning, våren 2026 från Familjecentralen Rinkeby');
    expect(open.attributes('href')).toMatch(/^\/coordinator\/centres\/c-rinkeby\/hand-ins\/handin-/);
    expect(mountTable('2026-04-20').find('td[data-deadline-id="check-in-spring"][data-state="upcoming"]').text()).toBe('Inte aktuell än');
  });

  it('shows "changed after hand-in" from the file’s data, and more than one hand-in', () => {
    const [rinkeby] = workspaceFiles();
    if (!rinkeby) throw new Error('no file');
    const may = rinkeby.rounds[0];
    const reflection = rinkeby.reflections.find((r) => r.roundId === may?.id && r.goalId === 'goal-3');
    if (reflection) reflection.note = 'Ändrad efteråt.';
    const [first] = rinkeby.handIns;
    if (!first) throw new Error('no hand-in');
    rinkeby.handIns.push({ ...first, id: 'again', sequence: 2, sealedAt: '2026-05-14T09:00:00.000Z' });
    const router = createRouter({ history: createMemoryHistory(), routes });
    const view = mount(DeadlineTable, { props: { table: deadlineTable(centreCycles([rinkeby], [instrument]), 2026, '2026-10-20') }, global: { plugins: [router] } });
    expect(cellText(view, 'Familjecentralen Rinkeby', 'check-in-spring')).toBe('Inlämnad 12 maj 2026, i tid2 inlämningar, den senaste 14 maj 2026Ändrad efter inlämningÖppna');
    expect(cellText(view, 'Familjecentralen Rinkeby', 'check-in-autumn')).not.toContain('Ändrad');
  });
});

describe('the workspace with hand-ins', () => {
  it('shows the deadline table and opens the newest hand-in from a centre’s entry', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-10-20T10:00:00.000Z'));
    await store(workspaceFiles());
    const { view } = await mountAt(CoordinatorView, { name: 'coordinator' });
    const section = view.get('[data-testid="cycle-section"]');
    expect(section.find('#cycle-year').exists()).toBe(false);
    expect(section.findAll('tbody tr').length).toBe(3);
    const entry = view.get('.workspace-list tr[data-centre-id="c-rinkeby"] [data-testid="workspace-hand-ins"]');
    expect(squash(entry.text())).toBe('Inlämningar: 2 · Öppna den senaste');
    expect(entry.get('a').attributes('href')).toBe(`/coordinator/centres/c-rinkeby/hand-ins/${workspaceFilesId('c-rinkeby', 'check-in-autumn')}`);
  });
});

/** The ids the story gives its hand-ins are counted per centre, so they are the same in every build of the files. */
function workspaceFilesId(centreId: string, deadlineId: string): string {
  return workspaceFiles().find((f) => f.centre.id === centreId)?.handIns.find((h) => h.deadlineId === deadlineId)?.id ?? '';
}

describe('a hand-in opened by the coordinator', () => {
  it('shows the sealed check-in with its seal, says it is intact, and lists the earlier hand-in with what changed', async () => {
    const files = workspaceFiles();
    const rinkeby = files[0];
    const first = rinkeby?.handIns[0];
    if (!rinkeby || !first || first.document.kind !== 'check-in') throw new Error('no hand-in');
    const changed = { ...first.document, goals: first.document.goals.map((g) => (g.goalId === 'goal-3' ? { ...g, reflection: 'Rättad reflektion.' } : g)) };
    const second = sealHandIn(changed, { id: 'second', centreId: rinkeby.centre.id, deadlineId: 'check-in-spring', year: 2026, roundId: first.roundId ?? '', sequence: 2, sealedAt: '2026-05-14T09:00:00.000Z' });
    rinkeby.handIns.push(second);
    await store(files);
    const { view } = await mountAt(CoordinatorHandInView, { name: 'coordinator-hand-in', params: { centreId: 'c-rinkeby', handInId: 'second' } }, { centreId: 'c-rinkeby', handInId: 'second' });
    expect(view.get('[data-testid="hand-in-centre"]').text()).toBe('Inlämning från Familjecentralen Rinkeby');
    expect(view.findAll('h1').length).toBe(1);
    expect(view.get('[data-testid="hand-in-intact"]').attributes('data-intact')).toBe('true');
    expect(view.get('[data-testid="check-in-document"]').text()).toContain('Rättad reflektion.');
    expect(view.get('[data-testid="document-seal"]').text()).toContain('inlämning 2');
    const history = view.get('[data-testid="hand-in-history"]');
    expect(history.findAll('ol li').map((li) => li.attributes('data-sequence'))).toEqual(['1', '2']);
    expect(history.get('ol li a').attributes('href')).toBe(`/coordinator/centres/c-rinkeby/hand-ins/${first.id}`);
    expect(history.get('[data-testid="document-changes"]').text()).toContain('Ändrat sedan inlämning 1');
    expect(history.get('[data-testid="hand-in-others"]').text()).toContain('Skriftlig avstämning, hösten 2026');
    expect(view.get('[data-testid="hand-in-print"]').text()).toBe('Skriv ut / spara som PDF (A4)');
  });

  it('opens and prints a centre’s project plan and yearly report exactly as handed in', async () => {
    const files = workspaceFiles();
    const rinkeby = files[0];
    if (!rinkeby) throw new Error('no file');
    const { plan, report } = yearOfDocuments();
    const sealedPlan = sealHandIn({ ...plan, centre: { ...plan.centre, name: rinkeby.centre.name } }, { id: 'plan-1', centreId: rinkeby.centre.id, deadlineId: 'project-plan', year: 2026, sequence: 1, sealedAt: '2026-03-30T09:00:00.000Z' });
    const sealedReport = sealHandIn({ ...report, centre: { ...report.centre, name: rinkeby.centre.name } }, { id: 'report-1', centreId: rinkeby.centre.id, deadlineId: 'yearly-report', year: 2026, sequence: 1, sealedAt: '2026-10-30T09:00:00.000Z' });
    rinkeby.handIns.push(sealedPlan, sealedReport);
    await store(files);

    const opened = await mountAt(CoordinatorHandInView, { name: 'coordinator-hand-in', params: { centreId: 'c-rinkeby', handInId: 'plan-1' } }, { centreId: 'c-rinkeby', handInId: 'plan-1' });
    expect(opened.view.get('[data-testid="hand-in-intact"]').attributes('data-intact')).toBe('true');
    const planView = opened.view.get('[data-testid="project-plan-document"]');
    expect(planView.text()).toContain('Lokal projektplan 2026');
    expect(planView.text()).toContain('Vi tar steg mot samlokalisering.');
    expect(planView.text()).toContain('Vi har en gemensam rutin för hembesök');
    expect(opened.view.get('[data-testid="document-seal"]').text()).toContain(sealedPlan.hash.slice(7, 11));
    expect(opened.view.get('[data-testid="hand-in-print"]').text()).toBe('Skriv ut / spara som PDF (A4)');
    opened.view.unmount();

    const second = await mountAt(CoordinatorHandInView, { name: 'coordinator-hand-in', params: { centreId: 'c-rinkeby', handInId: 'report-1' } }, { centreId: 'c-rinkeby', handInId: 'report-1' });
    expect(second.view.get('[data-testid="hand-in-intact"]').attributes('data-intact')).toBe('true');
    const reportView = second.view.get('[data-testid="yearly-report-document"]');
    expect(reportView.text()).toContain('Två föräldragrupper har genomförts.');
    expect(reportView.get('[data-testid="document-costs"]').text()).toBe('Hyra för gemensam lokal: 120 000 kr.');
    expect(reportView.text()).toContain('Fasta tider för BVC i lokalen');
  });

  it('says plainly when the document no longer matches its checksum', async () => {
    const files = workspaceFiles();
    const first = files[0]?.handIns[0];
    if (!files[0] || !first || first.document.kind !== 'check-in') throw new Error('no hand-in');
    files[0].handIns = [{ ...first, document: { ...first.document, goals: first.document.goals.map((g) => ({ ...g, reflection: 'Manipulerad' })) } }];
    await store(files);
    const { view } = await mountAt(CoordinatorHandInView, { name: 'coordinator-hand-in', params: { centreId: 'c-rinkeby', handInId: first.id } }, { centreId: 'c-rinkeby', handInId: first.id });
    const line = view.get('[data-testid="hand-in-intact"]');
    expect(line.attributes('data-intact')).toBe('false');
    expect(line.attributes('role')).toBe('alert');
    expect(line.text()).toContain('stämmer inte med kontrollsumman');
    expect(line.classes()).not.toContain('no-print');
  });

  it('says so when the hand-in is not in the workspace', async () => {
    await store(workspaceFiles());
    const { view } = await mountAt(CoordinatorHandInView, { name: 'coordinator-hand-in', params: { centreId: 'c-rinkeby', handInId: 'nope' } }, { centreId: 'c-rinkeby', handInId: 'nope' });
    expect(view.text()).toContain('Inlämningen finns inte i arbetsytan');
  });
});

describe('goal 3 read from the hand-ins', () => {
  it('reads each centre’s newest hand-in by default and the May ones when chosen', async () => {
    await store(workspaceFiles());
    const { view, router } = await mountAt(CoordinatorGoalView, { name: 'coordinator-goal', query: { goal: 'goal-3' } });
    const source = view.get('#goal-across-source');
    expect((source.element as HTMLSelectElement).value).toBe('latest');
    expect(view.find('#goal-across-period').exists()).toBe(false);
    const article = (name: string) => view.get(`article[data-centre-name="${name}"]`);
    expect(article('Familjecentralen Rinkeby').get('[data-testid="reflection"]').text()).toBe('Rinkeby om lokalen. (hösten)');
    expect(article('Familjecentralen Rinkeby').get('[data-testid="actions"]').text()).toContain('Klar');
    expect(article('Familjecentralen Rinkeby').get('[data-testid="targets"]').text()).toContain('Vi har ett gemensamt väntrum');
    expect(article('Familjecentralen Rinkeby').get('[data-testid="hand-in-source"]').text()).toContain('Skriftlig avstämning, hösten 2026, inlämning 1');
    expect(article('Familjecentralen Kista').text()).toContain('Ingen inlämnad avstämning att läsa.');
    await source.setValue('check-in-spring@2026');
    await flushPromises();
    expect(router.currentRoute.value.query.from).toBe('check-in-spring@2026');
    expect(article('Familjecentralen Rinkeby').get('[data-testid="reflection"]').text()).toBe('Rinkeby om lokalen.');
    expect(article('Familjecentralen Rinkeby').get('[data-testid="actions"]').text()).toContain('Pågår');
    await source.setValue('rounds');
    await flushPromises();
    expect(view.find('#goal-across-period').exists()).toBe(true);
  });
});
