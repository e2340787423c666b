import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/AppPage';

// The cycle panel shows the year of today; the rounds are dated in it.
const YEAR = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(new Date()));
/** Where the A4 PDFs go for looking at (turned into PNG page by page outside the test); the test's own folder by default. */
const SHOTS = process.env.CYCLE_SHOTS ?? '';

async function startRound(app: AppPage, centre: string): Promise<void> {
  await app.gotoStart();
  await app.createCentre({ name: centre, services: ['Barnhälsovård (BVC)', 'Öppen förskola'] });
  await app.page.getByRole('link', { name: 'Starta ny omgång' }).click();
  await app.page.getByLabel('Rubrik').fill(`Våren ${String(YEAR)}`);
  await app.page.getByLabel('Datum').fill(`${String(YEAR)}-05-05`);
  await app.page.getByRole('button', { name: 'Lägg till deltagare' }).click();
  await app.page.getByLabel('Verksamhet eller roll').last().fill('BVC');
  await app.page.getByRole('button', { name: 'Starta omgången' }).click();
  await expect(app.page.getByRole('heading', { level: 1, name: `Våren ${String(YEAR)}` })).toBeVisible();
  await app.answer(0, 3);
  const plan = app.page.getByTestId('action-plan');
  await plan.getByRole('button', { name: 'Lägg till åtgärd' }).click();
  const form = plan.getByRole('form', { name: 'Ny åtgärd' });
  await form.getByLabel('Vad ska göras?').fill('Gemensam öppen mottagning');
  await form.getByLabel('Vem (verksamhet eller roll)').fill('BVC');
  await form.getByRole('button', { name: 'Spara åtgärden' }).click();
  await expect(plan.getByTestId('action-item')).toHaveCount(1);
  await app.expectSaved();
}

/** The open hand-in as A4 PDF: it must print (no screen controls) and is kept for looking at. */
async function pdf(page: Page, name: string, outputPath: (name: string) => string): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('hand-in-print')).toBeHidden();
  const path = SHOTS ? `${SHOTS}/${name}.pdf` : outputPath(`${name}.pdf`);
  const bytes = await page.pdf({ format: 'A4', printBackground: true, path });
  expect(bytes.byteLength).toBeGreaterThan(10_000);
  await page.emulateMedia({ media: 'screen' });
}

/** "Hand in" on the round's results with the suggested deadline, then the sealed copy. */
async function handInCheckIn(page: Page, dialogName: string, viewName: string): Promise<void> {
  const panel = page.getByTestId('hand-in-panel');
  await panel.getByTestId('hand-in-open').click();
  const dialog = page.getByRole('dialog', { name: dialogName });
  await dialog.getByTestId('hand-in-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByTestId('hand-in-sealed')).toBeVisible();
  await panel.getByRole('link', { name: viewName }).click();
  await expect(page.getByTestId('hand-in-intact')).toHaveAttribute('data-intact', 'true');
}

/** "Hand in" from a project plan's or yearly report's bar, then the sealed copy. */
async function handInDocument(page: Page): Promise<void> {
  const bar = page.getByTestId('cycle-hand-in');
  await bar.getByTestId('cycle-hand-in-open').click();
  await page.getByTestId('cycle-hand-in-dialog').getByTestId('cycle-hand-in-confirm').click();
  await expect(bar.getByTestId('cycle-hand-in-sealed')).toBeVisible();
  await bar.getByTestId('cycle-hand-in-view').click();
  await expect(page.getByTestId('hand-in-intact')).toHaveAttribute('data-intact', 'true');
}

test.beforeAll(() => {
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

test('in English, the check-in, the project plan and the yearly report are handed in and print with English headings', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const app = new AppPage(page);
  const centre = 'Familjecentralen English';
  await startRound(app, centre);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('button', { name: 'Byt till svenska' })).toBeVisible();
  await page.getByRole('link', { name: centre }).click();

  // The check-in.
  await app.roundCard(`Våren ${String(YEAR)}`).getByRole('link', { name: 'Results' }).click();
  await handInCheckIn(page, 'Hand in the check-in', 'View the hand-in');
  const checkIn = page.getByTestId('check-in-document');
  await expect(checkIn.getByRole('heading', { level: 1 })).toContainText('Written check-in');
  for (const heading of ['Summary', 'Stage on the path to a family centre', 'Who took part']) await expect(checkIn.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  const goal1 = checkIn.getByTestId('document-goal').first();
  await expect(goal1.getByRole('heading', { level: 3 })).toHaveText(/^Goal 1:/);
  for (const heading of ['What we did since the last check-in', 'Where we stand', 'Reflection', 'Next steps']) await expect(goal1.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  await expect(goal1).toContainText('Gemensam öppen mottagning');
  await expect(checkIn).not.toContainText(/Vad vi har gjort|Var vi står|Nästa steg|Vilka som deltog|Mål 1:/);
  await pdf(page, 'check-in-en', testInfo.outputPath.bind(testInfo));

  // The project plan.
  await page.getByRole('link', { name: /Back to the centre/ }).first().click();
  await page.getByTestId('cycle-panel').getByTestId('cycle-open-project-plan').click();
  await expect(page.getByRole('heading', { level: 1, name: `Local project plan ${String(YEAR)}` })).toBeVisible();
  await page.getByTestId('plan-goal').first().getByTestId('plan-goal-focus').check();
  await page.getByTestId('plan-goal').first().getByTestId('plan-goal-add').click();
  await expect(app.saveStatus).toContainText(/Saved ✓ \d{2}:\d{2}/);
  await handInDocument(page);
  const plan = page.getByTestId('project-plan-document');
  await expect(plan.getByRole('heading', { level: 1 })).toContainText(`Local project plan ${String(YEAR)}`);
  await expect(plan.getByRole('heading', { level: 3 }).first()).toHaveText(/^Goal 1:/);
  await expect(plan).not.toContainText(/Lokal projektplan|Mål 1:/);
  await pdf(page, 'project-plan-en', testInfo.outputPath.bind(testInfo));

  // The yearly report.
  await page.getByRole('link', { name: /Back to the centre/ }).first().click();
  await page.getByTestId('cycle-panel').getByTestId('cycle-open-yearly-report').click();
  await expect(page.getByRole('heading', { level: 1, name: `Yearly report ${String(YEAR)} and plan for ${String(YEAR + 1)}` })).toBeVisible();
  await page.getByLabel('Cost description').fill('Half a coordinator post, shared by the services.');
  await page.getByLabel('Cost description').blur();
  await expect(app.saveStatus).toContainText(/Saved ✓ \d{2}:\d{2}/);
  await handInDocument(page);
  const report = page.getByTestId('yearly-report-document');
  await expect(report.getByRole('heading', { level: 1 })).toContainText(`Yearly report ${String(YEAR)} with the plan for ${String(YEAR + 1)}`);
  await expect(report.getByTestId('document-costs')).toHaveText('Half a coordinator post, shared by the services.');
  await expect(report).not.toContainText(/Årsredovisning|Kostnadsbeskrivning/);
  await pdf(page, 'yearly-report-en', testInfo.outputPath.bind(testInfo));

  expect(errors).toEqual([]);
});

const NETWORK_TEMPLATE = {
  id: 'stadens-avstamning',
  version: '2.0.0',
  title: { sv: 'Stadens avstämning i mall', en: "The city's check-in form" },
  overall: [
    { id: 'participants', heading: { sv: 'Arbetsgruppen', en: 'The working group' } },
    { id: 'summary', heading: { sv: 'Läget i korthet', en: 'In short' } },
  ],
  perGoal: [
    { id: 'where-we-stand', heading: { sv: 'Läget nu', en: 'Where things are' } },
    { id: 'since-last', heading: { sv: 'Genomfört sedan i våras', en: 'Done since the spring' }, prompt: { sv: 'Det som har hänt sedan sist.', en: 'What happened since last time.' } },
    { id: 'next-steps', heading: { sv: 'Kommande steg', en: 'Coming steps' } },
  ],
};

test("a network's own template replaces the check-in's headings, in both languages, and a hand-in keeps them after the default is restored", async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const app = new AppPage(page);
  const centre = 'Familjecentralen Stadens mall';
  await startRound(app, centre);
  const roundUrl = page.url();

  await page.goto('/instruments');
  const settings = page.getByTestId('cycle-settings');
  await settings.locator('input[type="file"]').setInputFiles({ name: 'stadens-mall.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(NETWORK_TEMPLATE)) });
  await expect(settings.getByTestId('cycle-settings-template-message')).toHaveText('Mallen ”Stadens avstämning i mall” är inläst.');

  // Straight to the results in a fresh page load: the hand-in reads the template where it seals.
  await page.goto(roundUrl.replace(/\/rounds\/([^/]+).*$/, '/rounds/$1/results'));
  await handInCheckIn(page, 'Lämna in avstämningen', 'Visa inlämningen');
  const checkIn = page.getByTestId('check-in-document');
  await expect(checkIn.getByRole('heading', { level: 1 })).toContainText('Stadens avstämning i mall');
  const goal1 = checkIn.getByTestId('document-goal').first();
  await expect(goal1.locator('h4')).toHaveText(['Läget nu', 'Genomfört sedan i våras', 'Kommande steg']);
  await expect(goal1).toContainText('Det som har hänt sedan sist.');
  await expect(checkIn.getByRole('heading', { name: 'Arbetsgruppen', exact: true })).toBeVisible();
  await expect(checkIn).not.toContainText(/Vad vi har gjort sedan förra avstämningen|Reflektion|Vilka som deltog/);
  const handInUrl = page.url();
  const sealed = (await checkIn.innerText()).replace(/^Utskriven .*$/m, '');
  await pdf(page, 'check-in-network-template', testInfo.outputPath.bind(testInfo));

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(checkIn.getByRole('heading', { level: 1 })).toContainText("The city's check-in form");
  await expect(goal1.locator('h4')).toHaveText(['Where things are', 'Done since the spring', 'Coming steps']);
  await page.getByRole('button', { name: 'Byt till svenska' }).click();

  // The network goes back to the default: what was handed in keeps the template it was written in.
  await page.goto('/instruments');
  await settings.getByTestId('cycle-settings-template-reset').click();
  await expect(settings.getByTestId('cycle-settings-template')).toContainText('Skriftlig avstämning');
  await page.goto(handInUrl);
  await expect(page.getByTestId('hand-in-intact')).toHaveAttribute('data-intact', 'true');
  expect((await page.getByTestId('check-in-document').innerText()).replace(/^Utskriven .*$/m, '')).toBe(sealed);

  expect(errors).toEqual([]);
});
