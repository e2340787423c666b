import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { expectNoSeriousA11yViolations, waitForServiceWorker } from './support/fixtures';

/** Answers every statement of goal 1 with the given ratings (cycled), and one item of goal 2. */
async function answerGoal1(app: AppPage, ratings: readonly (number | 'Vet inte')[]): Promise<void> {
  const count = await app.itemCount();
  for (let i = 0; i < count; i++) await app.answer(i, ratings[i % ratings.length] ?? 1);
  await app.expectSaved();
}

/**
 * Chart code fetched since `since` (performance.now() in the page). The centre page may fetch it in
 * idle time for the first chart view; the questionnaire never does.
 */
async function chartRequests(page: Page, since = 0): Promise<string[]> {
  return page.evaluate((from) =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime >= from)
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.includes('ChartCanvas')),
  since);
}

const now = (page: Page): Promise<number> => page.evaluate(() => performance.now());

test('two rounds are compared per goal with the change computed by hand, and presented with the keyboard', async ({ page, context }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const app = new AppPage(page);
  await app.gotoStart();
  await waitForServiceWorker(page);
  await app.createCentre({
    name: 'Familjecentralen Jämförelse',
    services: ['Mödrahälsovård (BMM/MVC)', 'Barnhälsovård (BVC)', 'Öppen förskola', 'Socialtjänst (förebyggande)'],
  });

  // Round 1 (spring): goal 1 = 1,2,1,2,… ; 7 items → 1,2,1,2,1,2,1 → mean 10/7 = 1.43
  await app.createRound('Våren', '2026-04-20');
  let questionnaireFrom = await now(page);
  await answerGoal1(app, [1, 2]);
  expect(await chartRequests(page, questionnaireFrom), 'chart code on the questionnaire').toEqual([]);

  // Round 2 (autumn): goal 1 = 3,4,3,4,… → 3,4,3,4,3,4,3 → mean 24/7 = 3.43; change +2.0
  await page.getByRole('link', { name: 'Familjecentralen Jämförelse' }).click();
  await app.createRound('Hösten', '2026-10-10');
  questionnaireFrom = await now(page);
  await answerGoal1(app, [3, 4, 3, 4, 3, 4, 'Vet inte']);
  // With "Vet inte" on item 7: ratings 3,4,3,4,3,4 → mean 3.5; change 3.5 − 10/7 = 2.07 → "+2,1 ↑"
  expect(await chartRequests(page, questionnaireFrom), 'chart code on the questionnaire').toEqual([]);

  await page.getByRole('link', { name: 'Resultat' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Resultat: Hösten' })).toBeVisible();
  const goal1 = page.locator('table.goal-scores tr[data-goal-id="goal-1"]');
  await expect(goal1.locator('td.score')).toHaveText('3,5');
  await expect(goal1).toContainText('6 av 7 (86 %)');
  await expect(goal1.locator('td.change')).toHaveText('+2,1 ↑');
  await expect(page.getByTestId('stage').getByTestId('path-marks').getByRole('listitem')).toHaveCount(4);
  await expect(page.locator('canvas').first()).toBeVisible();
  expect((await chartRequests(page)).length).toBeGreaterThan(0);
  await expect(page.getByText('Mål 1: 1,4 → 3,5').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('link', { name: 'Jämför omgångar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jämför omgångar' })).toBeVisible();
  await expect(page.getByLabel(/Våren/)).toBeChecked();
  await expect(page.getByLabel(/Hösten/)).toBeChecked();
  const table = page.locator('table.comparison-table').first();
  await expect(table.locator('thead')).toContainText('VT 2026');
  await expect(table.locator('thead')).toContainText('HT 2026');
  await expect(table.locator('tr[data-row="goal-1"]')).toContainText('1,4');
  await expect(table.locator('tr[data-row="goal-1"] td.change')).toHaveText('+2,1 ↑');
  await expect(page.locator('canvas')).toHaveCount(4);
  // The radar, the bars and the trend show the same goal values: one goal table, not three.
  await expect(page.locator('table.comparison-table:has(tr[data-row="goal-1"])')).toHaveCount(1);
  await expectNoSeriousA11yViolations(page);

  // The PNG download gives a real image.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ladda ned som PNG' }).first().click();
  expect((await download).suggestedFilename()).toMatch(/\.png$/);

  // Offline, the results and charts still work from the cache.
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('canvas')).toHaveCount(4);

  await page.getByRole('link', { name: 'Presentera' }).click();
  const presentation = page.getByTestId('presentation');
  // The meeting opens with what was left open last time, then the overview.
  await expect(presentation.getByRole('heading', { level: 1 })).toHaveText('Sedan förra gången');
  await page.keyboard.press('ArrowRight');
  await expect(presentation.getByRole('heading', { level: 1 })).toHaveText('Översikt: de fem målen');
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press('ArrowRight');
  await expect(presentation.getByRole('heading', { level: 1 })).toHaveText(/^Mål 1:/);
  await expect(page.getByTestId('slide-score')).toContainText('3,5');
  await expect(page.getByTestId('slide-change')).toContainText('+2,1 ↑');
  await expect(page).toHaveURL(/slide=3/);
  await page.keyboard.press('h');
  await expect(page.getByTestId('slide-score')).toContainText('?');
  await expect(page.getByText('HT 2026 är dold')).toBeVisible();
  await page.keyboard.press('h');
  await expect(page.getByTestId('slide-score')).toContainText('3,5');
  await page.keyboard.press('PageDown');
  await page.keyboard.press(' ');
  await expect(presentation.getByRole('heading', { level: 1 })).toHaveText(/^Mål 3:/);
  await page.keyboard.press('PageUp');
  await expect(presentation.getByRole('heading', { level: 1 })).toHaveText(/^Mål 2:/);
  await page.keyboard.press('End');
  await expect(presentation.getByRole('heading', { level: 1 })).toHaveText('Nästa steg');
  await page.keyboard.press('ArrowLeft');
  await expect(presentation.getByRole('heading', { level: 1 })).toHaveText('Utveckling över tid');
  await expectNoSeriousA11yViolations(page);
  // A deep link opens a given slide.
  const url = new URL(page.url());
  url.searchParams.set('slide', '5');
  await page.goto(url.toString());
  await expect(presentation.getByRole('heading', { level: 1 })).toHaveText(/^Mål 3:/);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Jämför omgångar' })).toBeVisible();
  // Offline, the browser logs the failed update check of the worker; nothing else may fail.
  expect(errors.filter((message) => !message.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
});
