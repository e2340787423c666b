import { execFileSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { expectNoSeriousA11yViolations } from './support/fixtures';

const CENTRE = 'Familjecentralen Avstämning';
const SECTIONS = ['Steg på vägen mot familjecentral', 'Resultat per mål', 'Översikt i diagram', 'Mål för mål'];

/**
 * A round through the round form (AppPage.createRound leaves the participants alone). The form
 * starts with one participant per base service of the centre (BMM, BVC, Öppen förskola,
 * Socialtjänst); names are written into the BVC and Socialtjänst rows and the BMM row is removed.
 */
async function createRoundWithParticipants(page: Page, title: string, date: string): Promise<void> {
  await page.getByRole('link', { name: 'Starta ny omgång' }).click();
  await page.getByLabel('Rubrik').fill(title);
  await page.getByLabel('Datum').fill(date);
  await expect(page.getByLabel('Verksamhet eller roll')).toHaveCount(4);
  await page.getByLabel('Namn').nth(1).fill('Anna Berg');
  await page.getByLabel('Namn').nth(3).fill('Karim Said');
  await page.getByRole('button', { name: 'Ta bort deltagare 1' }).click();
  await page.getByRole('button', { name: 'Starta omgången' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

async function answerAll(app: AppPage, ratings: readonly (number | 'Vet inte' | 'Inte aktuellt')[]): Promise<void> {
  const count = await app.itemCount();
  for (let i = 0; i < count; i++) await app.answer(i, ratings[i % ratings.length] ?? 1);
}

async function reflect(page: Page, text: string): Promise<void> {
  const field = page.getByLabel('Sammanfattning och reflektion för målet');
  await field.fill(text);
  await field.blur();
}

async function nextGoal(page: Page, number: number): Promise<void> {
  await page.getByRole('link', { name: 'Nästa mål' }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Mål ${String(number)}:`) })).toBeVisible();
}

/** The text of the PDF through poppler's pdftotext, if this machine has it; nothing is installed for it. */
function pdfText(pdf: Buffer): string | undefined {
  try {
    return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' });
  } catch {
    return undefined;
  }
}

test('the written check-in shows every section and prints to A4 pages', async ({ page }, testInfo) => {
  // Two rounds answered through the UI before the report: a long journey.
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const app = new AppPage(page);
  await app.gotoStart();
  await app.createCentre({
    name: CENTRE,
    municipality: 'Botkyrka',
    district: 'Fittja',
    services: ['Mödrahälsovård (BMM/MVC)', 'Barnhälsovård (BVC)', 'Öppen förskola', 'Socialtjänst (förebyggande)'],
  });

  // Spring: goal 1 = 1,2,1,2,1,2,1 → 10/7 ≈ 1,4; goal 2 all 2 → 2,0.
  await app.createRound('Våren 2026', '2026-04-20');
  await answerAll(app, [1, 2]);
  await nextGoal(page, 2);
  await answerAll(app, [2]);
  await app.expectSaved();

  // Autumn: goal 1 = 3,4,3,4,3,4 and "Vet inte" → 3,5 (+2,1); goal 2 = six 3s and "Inte aktuellt" → 3,0 (+1,0).
  await page.getByRole('link', { name: CENTRE }).click();
  await createRoundWithParticipants(page, 'Hösten 2026', '2026-10-10');
  await answerAll(app, [3, 4, 3, 4, 3, 4, 'Vet inte']);
  await app.writeNote(0, 'Öppet hus varje tisdag.');
  await app.writeNote(6, 'Ingen har följt upp detta ännu.');
  await reflect(page, 'Vi når fler familjer än i våras.');
  await nextGoal(page, 2);
  await answerAll(app, [3, 3, 3, 3, 3, 3, 'Inte aktuellt']);
  await reflect(page, 'Arbetsgruppen träffas nu varje månad.');
  await page.getByRole('link', { name: /^Mål 5/ }).click();
  await page.getByLabel('Målet är inte aktuellt för oss i den här omgången').check();
  await app.expectSaved();

  await page.getByRole('link', { name: 'Resultat' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Resultat: Hösten 2026' })).toBeVisible();
  await page.getByRole('link', { name: 'Skriftlig avstämning' }).click();
  await expect(page).toHaveURL(/\/report$/);

  // On screen.
  const report = page.getByTestId('report');
  await expect(page.getByRole('heading', { level: 1, name: 'Skriftlig avstämning: Hösten 2026' })).toBeVisible();
  const details = page.getByTestId('report-details');
  await expect(details).toContainText(CENTRE);
  await expect(details).toContainText('Botkyrka, Fittja');
  await expect(details).toContainText('10 oktober 2026');
  await expect(details).toContainText('HT 2026');
  await expect(page.getByTestId('report-participants').getByRole('listitem')).toHaveText(['Anna Berg (BVC)', 'Öppen förskola', 'Karim Said (Socialtjänst)']);
  await expect(details).toContainText('Mödrahälsovård (BMM/MVC), Barnhälsovård (BVC), Öppen förskola, Socialtjänst (förebyggande)');
  await expect(details).toContainText('På olika platser');
  for (const name of SECTIONS) await expect(report.getByRole('heading', { level: 2, name })).toBeVisible();

  const stage = page.getByTestId('report-stage');
  await expect(stage.getByTestId('path-marks').getByRole('listitem')).toHaveCount(4);
  await expect(stage).toContainText('Underlaget (Stockholms stad, 2016): ”Utökad samverkan med BVC och BMM.”');
  await expect(stage.locator('details')).toHaveCount(0);
  await expect(stage.getByTestId('stage-evidence-3')).toContainText('Placering enligt profilen: På olika platser');

  const goal1Row = page.locator('table.goal-scores tr[data-goal-id="goal-1"]');
  await expect(goal1Row.locator('td.score')).toHaveText('3,5');
  await expect(goal1Row).toContainText('6 av 7 (86 %)');
  await expect(goal1Row.locator('td.change')).toHaveText('+2,1 ↑');
  await expect(page.locator('table.goal-scores tr[data-goal-id="goal-2"] td.change')).toHaveText('+1,0 ↑');
  await expect(page.locator('table.goal-scores tr[data-goal-id="goal-5"]')).toContainText('Inte aktuellt denna omgång');

  const chart = page.getByTestId('report-chart');
  await expect(chart.locator('canvas')).toBeVisible();
  await expect(chart).toContainText('De fem målen: VT 2026 – HT 2026');
  await expect(chart).toContainText('Mål 1: 1,4 → 3,5');

  const goals = page.getByTestId('report-goal');
  await expect(goals).toHaveCount(5);
  const goal1 = goals.nth(0);
  await expect(goal1.getByRole('heading', { level: 3 })).toHaveText(/^Mål 1: /);
  await expect(goal1.locator('.report-goal__score')).toHaveText('3,5');
  await expect(goal1.locator('.report-goal__change')).toHaveText('+2,1 ↑');
  await expect(goal1).toContainText('Vi når fler familjer än i våras.');
  await expect(goal1.locator('tbody tr')).toHaveCount(7);
  await expect(goal1.locator('tbody tr').nth(0)).toContainText('3 – Delvis etablerat');
  await expect(goal1.locator('tbody tr').nth(0)).toContainText('Öppet hus varje tisdag.');
  await expect(goal1.locator('tbody tr').nth(6)).toContainText('Vet inte');
  await expect(goal1.locator('tbody tr').nth(6)).toContainText('Ingen har följt upp detta ännu.');
  await expect(goals.nth(1)).toContainText('Arbetsgruppen träffas nu varje månad.');
  await expect(goals.nth(1).locator('tbody tr').nth(6)).toContainText('Inte aktuellt');
  await expect(goals.nth(2).locator('.report-goal__score')).toHaveText('–');
  await expect(goals.nth(2).locator('tbody tr').first()).toContainText('Obesvarat');
  await expect(goals.nth(4)).toContainText('Målet är markerat som inte aktuellt i den här omgången');
  await expect(page.getByTestId('report-footer')).toContainText(/Utskriven .+2\d{3}/);
  await expect(page.getByTestId('report-footer')).toContainText(/version \d+\.\d+\.\d+/);
  await expect(page.getByRole('button', { name: 'Skriv ut / spara som PDF' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: testInfo.outputPath('report-screen.png'), fullPage: false });

  // The button opens the browser's print dialog.
  await page.evaluate(() => {
    (window as Window & { printed?: number }).printed = 0;
    window.print = () => {
      (window as Window & { printed?: number }).printed = 1;
    };
  });
  await page.getByRole('button', { name: 'Skriv ut / spara som PDF' }).click();
  expect(await page.evaluate(() => (window as Window & { printed?: number }).printed)).toBe(1);

  // In print media: no app chrome, every section shown, page breaks kept away from headings and rows.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header.header')).toBeHidden();
  await expect(page.getByTestId('report-print')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Ladda ned som PNG' })).toBeHidden();
  const layout = await page.evaluate(() => {
    const visible = (selector: string): boolean[] =>
      [...document.querySelectorAll<HTMLElement>(selector)].map((element) => element.offsetParent !== null && element.offsetHeight > 0);
    const style = (selector: string) => {
      const element = document.querySelector(selector);
      return element ? getComputedStyle(element) : undefined;
    };
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="report-chart"] canvas');
    const reportElement = document.querySelector<HTMLElement>('[data-testid="report"]');
    return {
      sections: visible('[data-testid="report"] h1, [data-testid="report"] h2:not(.visually-hidden), [data-testid="report-details"], [data-testid="report-stage"], table.goal-scores, [data-testid="report-chart"] canvas, [data-testid="report-goal"], [data-testid="report-footer"]'),
      goalHeadingBreakAfter: style('.report-goal__title')?.breakAfter,
      goalHeadBreakInside: style('.report-goal__head')?.breakInside,
      itemRowBreakInside: style('.report-items tbody tr')?.breakInside,
      chartBreakInside: style('[data-testid="report-chart"]')?.breakInside,
      canvasWithinReport: canvas !== null && reportElement !== null && canvas.getBoundingClientRect().right <= reportElement.getBoundingClientRect().right + 1,
      background: getComputedStyle(document.body).backgroundColor,
    };
  });
  expect(layout.sections.length).toBe(1 + SECTIONS.length + 1 + 1 + 1 + 1 + 5 + 1);
  expect(layout.sections.every(Boolean), 'every section is shown in print').toBe(true);
  expect(layout.goalHeadingBreakAfter).toBe('avoid');
  expect(layout.goalHeadBreakInside).toBe('avoid');
  expect(layout.itemRowBreakInside).toBe('avoid');
  expect(layout.chartBreakInside).toBe('avoid');
  expect(layout.canvasWithinReport).toBe(true);
  expect(layout.background).toBe('rgb(255, 255, 255)');

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const path = testInfo.outputPath('report.pdf');
  writeFileSync(path, pdf);
  // REPORT_PDF=/tmp/report.pdf keeps a copy to look at by eye.
  if (process.env.REPORT_PDF) copyFileSync(path, process.env.REPORT_PDF);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(2);
  expect(pages.length).toBeLessThanOrEqual(12);

  const text = pdfText(pdf);
  if (text !== undefined) {
    const flat = text.replace(/\s+/g, ' ');
    for (const heading of ['Skriftlig avstämning: Hösten 2026', ...SECTIONS, 'Mål 1:', 'Mål 5:']) expect(flat).toContain(heading);
    expect(flat).not.toContain('Skriv ut / spara som PDF');
  }
  expect(errors).toEqual([]);
});
