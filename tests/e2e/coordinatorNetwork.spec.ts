import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { CoordinatorPage } from './pages/CoordinatorPage';
import { expectNoSeriousA11yViolations, waitForServiceWorker } from './support/fixtures';
import { allItems, asUpload, exportFile, instrument } from './support/exportFiles';

const ALL = ['bmm', 'bvc', 'openPreschool', 'socialServices'] as const;
const goal3 = instrument.goals[2]?.items.map((item) => item.id) ?? [];

/**
 * Three centres in VT 2026: Alby and Östberga complete, with what they wrote about goal 3;
 * Fittja's round is still in progress (goal 3 all 4) and must stay out until it is included.
 */
const alby = exportFile({
  name: 'Familjecentralen Alby',
  services: ALL,
  coLocation: 'co-located',
  exportedAt: '2026-05-20T14:00:00.000Z',
  rounds: [{ title: 'Våren 2026', date: '2026-04-22', period: 'VT 2026', ratings: { 'goal-1': allItems(3), 'goal-3': allItems(3) } }],
});
const albyRound = alby.rounds[0]?.id ?? '';
const albyReflection = alby.reflections.find((item) => item.goalId === 'goal-3');
if (albyReflection) albyReflection.note = 'Vi sitter i samma hus sedan januari.';
alby.actions.push({
  id: crypto.randomUUID(),
  centreId: alby.centre.id,
  roundId: albyRound,
  goalId: 'goal-3',
  what: 'Gemensam reception',
  who: 'BVC',
  due: '2026-09-30',
  status: 'ongoing',
  statusHistory: [{ status: 'ongoing', at: '2026-04-22T12:00:00.000Z', roundId: albyRound }],
  createdAt: '2026-04-22T12:00:00.000Z',
  updatedAt: '2026-04-22T12:00:00.000Z',
});
const ownId = crypto.randomUUID();
alby.localItems.push({ id: ownId, centreId: alby.centre.id, goalId: 'goal-3', text: 'Vi har ett gemensamt väntrum', levels: [], retired: false, createdAt: '2026-04-22T12:00:00.000Z', updatedAt: '2026-04-22T12:00:00.000Z' });
alby.answers.push({ id: crypto.randomUUID(), roundId: albyRound, itemId: ownId, value: 2, note: '', updatedAt: '2026-04-22T12:00:00.000Z' });
const noted = alby.answers.find((answer) => answer.roundId === albyRound && answer.itemId === goal3[1]);
if (noted) noted.note = 'BMM finns två dagar i veckan.';

const ostberga = exportFile({
  name: 'Familjecentralen Östberga',
  services: ['openPreschool', 'socialServices'],
  coLocation: 'separate',
  exportedAt: '2026-05-19T11:00:00.000Z',
  rounds: [{ title: 'Vårträffen', date: '2026-05-05', period: 'VT 2026', ratings: { 'goal-1': allItems(2), 'goal-3': allItems(1) } }],
});
const ostbergaReflection = ostberga.reflections.find((item) => item.goalId === 'goal-3');
if (ostbergaReflection) ostbergaReflection.note = 'Vi har inga gemensamma lokaler.';

const fittja = exportFile({
  name: 'Familjecentralen Fittja',
  services: ALL,
  coLocation: 'near',
  exportedAt: '2026-05-18T09:30:00.000Z',
  rounds: [{ title: 'Pågående vår', date: '2026-04-10', period: 'VT 2026', ratings: { 'goal-1': allItems(4), 'goal-3': allItems(4) } }],
});
const fittjaRound = fittja.rounds[0];
if (fittjaRound) {
  fittjaRound.status = 'in-progress';
  delete fittjaRound.completedAt;
}

/** "label|colour|shape" of every series drawn by the charts of a figure's canvas. */
async function seriesOf(page: Page, kind: 'bar' | 'radar' | 'line'): Promise<Map<string, string>> {
  const attribute = await page.locator(`.chart-canvas--${kind}`).first().getAttribute('data-series');
  return new Map((attribute ?? '').split(';').filter(Boolean).map((entry) => {
    const [label = '', ...style] = entry.split('|');
    return [label, style.join('|')];
  }));
}

test('the coordinator keeps each centre’s colour, leaves a round in progress out, reads goal 3 across centres and presents to the network', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.setViewportSize({ width: 1280, height: 800 });
  const app = new AppPage(page);
  const coordinator = new CoordinatorPage(page);
  await app.gotoStart();
  await waitForServiceWorker(page);
  await coordinator.open();
  await coordinator.importFiles([asUpload('fittja.json', fittja), asUpload('alby.json', alby), asUpload('ostberga.json', ostberga)]);
  await app.expectSaved();

  // The round in progress is marked in words and left out of the comparison and the charts.
  await expect(coordinator.period).toHaveValue('VT 2026');
  const fittjaRow = coordinator.row('Familjecentralen Fittja');
  await expect(fittjaRow).toContainText('Pågår');
  await expect(fittjaRow).toContainText('Omgången ”Pågående vår” (10 april 2026) pågår och är inte med i jämförelsen.');
  await expect(fittjaRow.locator('td.centre-scores__overall')).toHaveCount(0);
  await expect.poll(async () => [...(await seriesOf(page, 'bar')).keys()]).toEqual(['Familjecentralen Alby', 'Familjecentralen Östberga']);

  // One colour and marker per centre: the same in the bars, the radar and the table's swatch.
  const bar = await seriesOf(page, 'bar');
  const radar = await seriesOf(page, 'radar');
  for (const name of ['Familjecentralen Alby', 'Familjecentralen Östberga']) {
    expect(radar.get(name)).toBe(bar.get(name));
    const swatch = coordinator.row(name).locator('.centre-swatch');
    expect(`${(await swatch.getAttribute('data-color')) ?? ''}|${(await swatch.getAttribute('data-shape')) ?? ''}`).toBe(bar.get(name));
  }
  expect(bar.get('Familjecentralen Alby')).not.toBe(bar.get('Familjecentralen Östberga'));
  await page.screenshot({ path: 'test-results/coordinator-network-compare.png', fullPage: true });
  await expectNoSeriousA11yViolations(page);

  // Included on request, still marked; Alby keeps its colour although a new series is drawn.
  await page.getByLabel('Ta med pågående omgångar').check();
  await expect(fittjaRow.locator('td.centre-scores__overall')).toHaveText('4,0');
  await expect(fittjaRow).toContainText('Pågår');
  await expect.poll(async () => (await seriesOf(page, 'bar')).size).toBe(3);
  expect((await seriesOf(page, 'bar')).get('Familjecentralen Alby')).toBe(bar.get('Familjecentralen Alby'));
  await page.getByLabel('Ta med pågående omgångar').uncheck();
  await expect(fittjaRow.locator('td.centre-scores__overall')).toHaveCount(0);

  // Goal 3 read across centres, in name order, printable.
  await page.getByRole('link', { name: 'Läs vad familjecentralerna säger om ett mål' }).click();
  await page.getByLabel('Mål', { exact: true }).selectOption('goal-3');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vad säger familjecentralerna om mål 3?');
  const articles = page.locator('article[data-centre-name]');
  await expect(articles).toHaveCount(3);
  expect(await articles.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-centre-name')))).toEqual([
    'Familjecentralen Alby',
    'Familjecentralen Fittja',
    'Familjecentralen Östberga',
  ]);
  const albyGoal = articles.filter({ hasText: 'Familjecentralen Alby' });
  await expect(albyGoal.getByTestId('reflection')).toHaveText('Vi sitter i samma hus sedan januari.');
  await expect(albyGoal.getByTestId('actions')).toContainText('Gemensam reception');
  await expect(albyGoal.getByTestId('actions')).toContainText('BVC');
  await expect(albyGoal.getByTestId('actions')).toContainText('30 september 2026');
  await expect(albyGoal.getByTestId('actions')).toContainText('Pågår');
  await expect(albyGoal.getByTestId('own-statements')).toContainText('Vi har ett gemensamt väntrum');
  await expect(albyGoal.getByTestId('notes')).toContainText('BMM finns två dagar i veckan.');
  await expect(articles.filter({ hasText: 'Familjecentralen Fittja' })).toContainText('Ingen omgång VT 2026.');
  await expect(articles.filter({ hasText: 'Familjecentralen Östberga' }).getByTestId('reflection')).toHaveText('Vi har inga gemensamma lokaler.');
  await expect(page.getByRole('button', { name: 'Skriv ut / spara som PDF' })).toBeVisible();
  await page.screenshot({ path: 'test-results/coordinator-network-goal.png', fullPage: true });
  await expectNoSeriousA11yViolations(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Skriv ut / spara som PDF' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // The network presentation: name order, the same keys as the group's presentation.
  await page.getByRole('link', { name: 'Till samordnarens jämförelse' }).click();
  await page.getByRole('link', { name: 'Presentera för nätverket' }).click();
  const presentation = page.getByTestId('network-presentation');
  await expect(presentation.getByRole('heading', { level: 1 })).toHaveText('Översikt: familjecentralernas medelvärden per mål');
  const overview = await seriesOf(page, 'radar');
  expect([...overview.keys()]).toEqual(['Familjecentralen Alby', 'Familjecentralen Östberga']);
  expect(overview.get('Familjecentralen Alby')).toBe(bar.get('Familjecentralen Alby'));
  await page.screenshot({ path: 'test-results/coordinator-network-present-overview.png' });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('PageDown');
  await page.keyboard.press(' ');
  await expect(presentation.getByRole('heading', { level: 1 })).toContainText('Mål 3:');
  await expect(page).toHaveURL(/slide=4/);
  const cards = presentation.locator('.network-slide__centre');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toContainText('Familjecentralen Alby');
  await expect(cards.nth(0).getByTestId('centre-score')).toHaveText('3,0');
  await expect(cards.nth(0)).toContainText('Vi sitter i samma hus sedan januari.');
  await expect(cards.nth(1).getByTestId('centre-score')).toHaveText('1,0');
  await page.screenshot({ path: 'test-results/coordinator-network-present-goal.png' });
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press('h');
  await expect(cards.nth(0).getByTestId('centre-score')).toHaveText('?');
  await page.keyboard.press('H');
  await expect(cards.nth(0).getByTestId('centre-score')).toHaveText('3,0');
  await page.keyboard.press('End');
  await expect(page).toHaveURL(/slide=6/);
  await page.keyboard.press('Home');
  await expect(page).toHaveURL(/slide=1/);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Samordnarens jämförelse' })).toBeVisible();

  // Presented with the round in progress only when chosen, and then marked on the chart and the slide.
  await page.getByLabel('Ta med pågående omgångar').check();
  await page.getByRole('link', { name: 'Presentera för nätverket' }).click();
  await expect(presentation.getByRole('heading', { level: 1 })).toHaveText('Översikt: familjecentralernas medelvärden per mål');
  await expect.poll(async () => [...(await seriesOf(page, 'radar')).keys()]).toEqual(['Familjecentralen Alby', 'Familjecentralen Fittja (pågår)', 'Familjecentralen Östberga']);
  expect((await seriesOf(page, 'radar')).get('Familjecentralen Alby')).toBe(bar.get('Familjecentralen Alby'));
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(presentation.getByRole('heading', { level: 1 })).toContainText('Mål 3:');
  await expect(cards.filter({ hasText: 'Familjecentralen Fittja' })).toContainText('Pågår');
  await expect(cards.filter({ hasText: 'Familjecentralen Alby' })).not.toContainText('Pågår');
  await page.keyboard.press('Escape');

  expect(errors).toEqual([]);
});
