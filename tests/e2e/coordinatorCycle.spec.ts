import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { ExportFile } from '../../src/domain/exchange/format';
import { districtFile, type DistrictSpec } from '../fixtures/handInFiles';
import { AppPage } from './pages/AppPage';
import { CoordinatorPage } from './pages/CoordinatorPage';
import { asUpload } from './support/exportFiles';
import { expectNoSeriousA11yViolations } from './support/fixtures';

const SHOTS = process.env.COORDINATOR_SHOTS;
const EXPORTED = '2026-10-19T10:00:00.000Z';

/**
 * Six districts' files, as each would send them to the coordinator on 19 October 2026: the May
 * check-in handed in on time, late or not at all, the October one by some; Östberga rewrote its
 * May reflection after handing in.
 */
const SPECS: DistrictSpec[] = [
  { id: 'c-rinkeby', name: 'Familjecentralen Rinkeby', mayAt: '2026-05-12T09:00:00.000Z', octoberAt: '2026-10-09T09:00:00.000Z', goal3: { reflection: 'Vi delar entré med BVC sedan mars.', action: 'Gemensam reception' } },
  { id: 'c-alby', name: 'Familjecentralen Alby', mayAt: '2026-05-20T09:00:00.000Z', goal3: { reflection: 'Lokalfrågan ligger hos förvaltningen.', action: 'Skylt vid entrén' } },
  { id: 'c-kista', name: 'Familjecentralen Kista', goal3: { reflection: 'Kista har inte börjat.', action: 'Boka möte med fastighetsägaren' } },
  { id: 'c-fittja', name: 'Familjecentralen Fittja', mayAt: '2026-05-15T21:30:00.000Z', octoberAt: '2026-10-16T08:00:00.000Z', goal3: { reflection: 'Öppna förskolan flyttar in i höst.', action: 'Flytt av öppna förskolan' } },
  { id: 'c-ostberga', name: 'Familjecentralen Östberga', mayAt: '2026-05-14T09:00:00.000Z', goal3: { reflection: 'Vi har inga gemensamma lokaler.', action: 'Gemensam fikarast' } },
  { id: 'c-skarholmen', name: 'Familjecentralen Skärholmen', mayAt: '2026-05-11T09:00:00.000Z', octoberAt: '2026-10-13T09:00:00.000Z', goal3: { reflection: 'Samma hus, olika våningar.', action: 'Gemensamt väntrum' } },
];

function files(): ExportFile[] {
  return SPECS.map((spec) => {
    const file = districtFile(spec, EXPORTED, true);
    if (spec.name === 'Familjecentralen Östberga') {
      const may = file.rounds[0];
      const reflection = file.reflections.find((r) => r.roundId === may?.id && r.goalId === 'goal-3');
      if (reflection) reflection.note = 'Omskrivet efter inlämningen.';
    }
    return file;
  });
}

function cell(page: Page, centre: string, deadlineId: string) {
  return page.getByTestId('deadline-table').locator(`tr[data-centre-name="${centre}"] td[data-deadline-id="${deadlineId}"]`);
}

test('the coordinator sees who handed in what and when, opens and prints a check-in, reads goal 3 across six districts and presents', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.clock.setFixedTime(new Date('2026-10-20T10:00:00.000Z'));
  await page.setViewportSize({ width: 1280, height: 800 });
  const app = new AppPage(page);
  const coordinator = new CoordinatorPage(page);
  await app.gotoStart();
  await coordinator.open();
  const all = files();
  await coordinator.importFiles(all.map((file) => asUpload(`${file.centre.name}.json`, file)));

  // The table: centres in name order, the year's four deadlines, each cell in words.
  const table = page.getByTestId('deadline-table');
  await expect(table.locator('tbody tr')).toHaveCount(6);
  expect(await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-centre-name')))).toEqual([
    'Familjecentralen Alby',
    'Familjecentralen Fittja',
    'Familjecentralen Kista',
    'Familjecentralen Rinkeby',
    'Familjecentralen Skärholmen',
    'Familjecentralen Östberga',
  ]);
  await expect(table.locator('thead th[scope="col"]')).toHaveCount(5);
  await expect(cell(page, 'Familjecentralen Rinkeby', 'check-in-spring')).toContainText('Inlämnad 12 maj 2026, i tid');
  await expect(cell(page, 'Familjecentralen Fittja', 'check-in-spring')).toContainText('Inlämnad 15 maj 2026, i tid');
  await expect(cell(page, 'Familjecentralen Alby', 'check-in-spring')).toContainText('Inlämnad 20 maj 2026, för sent');
  await expect(cell(page, 'Familjecentralen Kista', 'check-in-spring')).toContainText('Saknas – skulle ha lämnats in 15 maj 2026');
  await expect(cell(page, 'Familjecentralen Fittja', 'check-in-autumn')).toContainText('Inlämnad 16 oktober 2026, för sent');
  await expect(cell(page, 'Familjecentralen Rinkeby', 'yearly-report')).toContainText('Inte inlämnad – ska in senast 31 oktober 2026 (om 11 dagar)');
  await expect(cell(page, 'Familjecentralen Östberga', 'check-in-spring')).toContainText('Ändrad efter inlämning');
  await expect(cell(page, 'Familjecentralen Rinkeby', 'check-in-spring')).not.toContainText('Ändrad efter inlämning');
  if (SHOTS) {
    await page.getByTestId('cycle-section').screenshot({ path: `${SHOTS}/cycle-1280.png` });
    await page.screenshot({ path: `${SHOTS}/workspace-1280x800.png` });
    await page.screenshot({ path: `${SHOTS}/workspace-1280-full.png`, fullPage: true });
  }
  await expectNoSeriousA11yViolations(page);

  // Keyboard: Tab reaches the cell's link, Enter opens the hand-in.
  const open = page.getByRole('link', { name: 'Öppna Skriftlig avstämning, våren 2026 från Familjecentralen Rinkeby' });
  await page.getByRole('heading', { level: 2, name: 'Inlämningar per tidpunkt' }).click();
  let reached = false;
  for (let i = 0; i < 40 && !reached; i += 1) {
    await page.keyboard.press('Tab');
    reached = await open.evaluate((node) => node === document.activeElement);
  }
  expect(reached, 'the link is reachable by Tab').toBe(true);
  await page.keyboard.press('Enter');

  // The check-in exactly as handed in: the reflection and the action as it stood in May.
  await expect(page.getByTestId('hand-in-centre')).toHaveText('Inlämning från Familjecentralen Rinkeby');
  await expect(page.getByTestId('hand-in-intact')).toHaveAttribute('data-intact', 'true');
  const checkIn = page.getByTestId('check-in-document');
  await expect(checkIn).toContainText('Vi delar entré med BVC sedan mars.');
  await expect(checkIn).toContainText('Gemensam reception');
  await expect(checkIn).toContainText('Pågår');
  await expect(page.getByTestId('document-seal')).toContainText('Inlämnad 12 maj 2026');
  await expect(page.getByTestId('hand-in-history')).toContainText('Inlämning 1 (den här)');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/hand-in-1280.png` });
  await expectNoSeriousA11yViolations(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('hand-in-print')).toBeHidden();
  await expect(page.getByTestId('hand-in-history')).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.byteLength).toBeGreaterThan(10_000);
  if (SHOTS) writeFileSync(`${SHOTS}/hand-in.pdf`, pdf);
  await page.emulateMedia({ media: 'screen' });

  // Goal 3 across all six, from their newest hand-ins.
  await page.getByRole('link', { name: 'Till samordnarens arbetsyta' }).click();
  await page.getByRole('link', { name: 'Läs vad familjecentralerna säger om ett mål' }).click();
  await page.getByLabel('Mål', { exact: true }).selectOption('goal-3');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vad säger familjecentralerna om mål 3?');
  await expect(page.getByLabel('Läs från')).toHaveValue('latest');
  const articles = page.locator('article[data-centre-name]');
  await expect(articles).toHaveCount(6);
  const article = (name: string) => articles.filter({ has: page.getByRole('heading', { name }) });
  await expect(article('Familjecentralen Rinkeby').getByTestId('reflection')).toHaveText('Vi delar entré med BVC sedan mars. (hösten)');
  await expect(article('Familjecentralen Rinkeby').getByTestId('actions')).toContainText('Klar');
  await expect(article('Familjecentralen Alby').getByTestId('reflection')).toHaveText('Lokalfrågan ligger hos förvaltningen.');
  await expect(article('Familjecentralen Östberga').getByTestId('reflection')).toHaveText('Vi har inga gemensamma lokaler.');
  await expect(article('Familjecentralen Alby').getByTestId('targets')).toContainText('Vi har ett gemensamt väntrum');
  await expect(article('Familjecentralen Kista')).toContainText('Ingen inlämnad avstämning att läsa.');
  await page.getByLabel('Läs från').selectOption('check-in-spring@2026');
  await expect(article('Familjecentralen Rinkeby').getByTestId('reflection')).toHaveText('Vi delar entré med BVC sedan mars.');
  await expect(article('Familjecentralen Rinkeby').getByTestId('actions')).toContainText('Pågår');
  if (SHOTS) {
    await article('Familjecentralen Alby').screenshot({ path: `${SHOTS}/goal3-alby-1280.png` });
    await page.screenshot({ path: `${SHOTS}/goal3-1280x800.png` });
  }
  await expectNoSeriousA11yViolations(page);

  // The presentation opens from the workspace.
  await page.getByRole('link', { name: 'Till samordnarens jämförelse' }).click();
  await page.getByRole('link', { name: 'Presentera för nätverket' }).click();
  await expect(page.getByTestId('network-presentation')).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/presentation-1280x800.png` });
  await page.keyboard.press('Escape');

  // On a phone the table scrolls in its own box; the page itself does not scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/coordinator');
  const box = page.getByRole('region', { name: 'Inlämningar 2026: familjecentraler och tidpunkter' });
  await expect(box).toBeVisible();
  expect(await box.evaluate((node) => node.scrollWidth > node.clientWidth)).toBe(true);
  const sideways = () => page.evaluate(() => {
    window.scrollTo(2000, window.scrollY);
    const x = window.scrollX;
    window.scrollTo(0, window.scrollY);
    return x;
  });
  // Every table scrolls in its own box; the page itself does not scroll sideways.
  expect(await sideways()).toBe(0);
  if (SHOTS) {
    await box.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/workspace-390.png` });
  }
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/coordinator');
  await expect(page.getByTestId('deadline-table')).toBeVisible();
  expect(await sideways()).toBe(0);
  if (SHOTS) {
    await page.screenshot({ path: `${SHOTS}/workspace-1024x768.png` });
    await page.screenshot({ path: `${SHOTS}/workspace-1024-full.png`, fullPage: true });
    await page.getByRole('link', { name: 'Läs vad familjecentralerna säger om ett mål' }).click();
    await page.getByLabel('Mål', { exact: true }).selectOption('goal-3');
    await expect(page.locator('article[data-centre-name]')).toHaveCount(6);
    await page.screenshot({ path: `${SHOTS}/goal3-1024x768.png` });
  }
  expect(errors).toEqual([]);
});
