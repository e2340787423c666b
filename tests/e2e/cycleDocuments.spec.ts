import { mkdirSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { expectNoSeriousA11yViolations } from './support/fixtures';

const CENTRE = 'Familjecentralen Projektplan';
const ACTION = 'Gemensam öppen mottagning';
const COSTS = 'En halvtidstjänst som samordnare, 300 000 kr, delas lika av förvaltningarna.';
// The cycle panel shows the year of today; the rounds are dated in it.
const YEAR = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(new Date()));
const SHOTS = '/tmp/cycle-centre-shots';

async function addAction(page: Page, what: string, who: string): Promise<void> {
  const plan = page.getByTestId('action-plan');
  await plan.getByRole('button', { name: 'Lägg till åtgärd' }).click();
  const form = plan.getByRole('form', { name: 'Ny åtgärd' });
  await form.getByLabel('Vad ska göras?').fill(what);
  await form.getByLabel('Vem (verksamhet eller roll)').fill(who);
  await form.getByRole('button', { name: 'Spara åtgärden' }).click();
  await expect(plan.getByTestId('action-item').filter({ hasText: what })).toBeVisible();
}

function goal(page: Page, number: number): Locator {
  return page.getByTestId('plan-goal').filter({ has: page.getByRole('heading', { level: 2, name: new RegExp(`^Mål ${String(number)}:`) }) });
}

/** Hands in from an editor's hand-in bar and opens the sealed copy; returns its hash and printed text. */
async function handInAndOpen(page: Page, kind: 'project-plan-document' | 'yearly-report-document'): Promise<{ hash: string; text: string }> {
  const bar = page.getByTestId('cycle-hand-in');
  await bar.getByTestId('cycle-hand-in-open').click();
  const dialog = page.getByTestId('cycle-hand-in-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('cycle-hand-in-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(bar.getByTestId('cycle-hand-in-sealed')).toHaveText(/^Inlämnad \d{1,2} \w+\.? \d{4} · sha256:[0-9a-f]{8}…$/);
  await bar.getByTestId('cycle-hand-in-view').click();
  return printed(page, kind);
}

async function printed(page: Page, kind: string): Promise<{ hash: string; text: string }> {
  const document = page.getByTestId('hand-in-document');
  await expect(document.getByTestId(kind)).toBeVisible();
  await expect(page.getByTestId('hand-in-intact')).toHaveAttribute('data-intact', 'true');
  const hash = (await document.getAttribute('data-hash')) ?? '';
  expect(hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  // The footer says when it was printed, which is the minute of printing, not part of the document.
  const text = (await document.innerText()).replace(/^Utskriven .*$/m, '').trim();
  return { hash, text };
}

/** The document as A4 PDF, for looking at (pdftoppm turns it into PNG) and to see that it prints. */
async function pdf(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('hand-in-print')).toBeHidden();
  const bytes = await page.pdf({ format: 'A4', printBackground: true, path: `${SHOTS}/${name}.pdf` });
  expect(bytes.byteLength).toBeGreaterThan(10_000);
  await page.emulateMedia({ media: 'screen' });
}

async function shots(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}-1024.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1024, height: 768 });
}

test.beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

test('a project plan with two sub-goals and a linked action is handed in and reprints the same offline; a yearly report with its costs is handed in; a changed deadline moves the cycle panel', async ({ page, context }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const app = new AppPage(page);
  await app.gotoStart();
  await app.createCentre({ name: CENTRE });
  await app.createRound(`Våren ${String(YEAR)}`, `${String(YEAR)}-03-10`);
  await app.answer(0, 2);
  await addAction(page, ACTION, 'BVC');
  await app.expectSaved();
  await page.getByRole('link', { name: CENTRE }).click();

  // The cycle panel links to the year's project plan.
  const cycle = page.getByTestId('cycle-panel');
  await cycle.getByTestId('cycle-open-project-plan').click();
  await expect(page.getByRole('heading', { level: 1, name: `Lokal projektplan ${String(YEAR)}` })).toBeVisible();
  await expect(page.getByTestId('plan-goal')).toHaveCount(5);

  // Goal 1 in focus, by keyboard: the checkbox is reached and ticked with the space bar.
  const first = goal(page, 1);
  await first.getByTestId('plan-goal-focus').focus();
  await page.keyboard.press('Space');
  await expect(first.getByTestId('plan-goal-focus')).toBeChecked();
  await first.getByLabel('Varför målet är i fokus och hur ni tänker arbeta').fill('Hälsofrämjande insatser tidigt, tillsammans.');
  await first.getByTestId('plan-goal-add').focus();
  await page.keyboard.press('Enter');
  const targets = first.getByTestId('plan-target');
  await expect(targets).toHaveCount(1);
  // The first statement was rated 2: the new sub-goal aims one step above, from where it started.
  await expect(targets.nth(0).getByTestId('plan-target-level')).toHaveValue('3');
  await expect(targets.nth(0)).toContainText('Nivå när delmålet sattes: 2');
  await targets.nth(0).getByTestId('plan-target-level').selectOption('4');
  await targets.nth(0).getByTestId('plan-target-by').fill(`${String(YEAR)}-12-15`);
  await targets.nth(0).getByLabel('Barnhälsovård (BVC)').check();
  await targets.nth(0).getByLabel('Socialtjänst (förebyggande)').check();
  await targets.nth(0).getByLabel(new RegExp(ACTION)).check();
  await first.getByTestId('plan-goal-add').click();
  await expect(targets).toHaveCount(2);
  const secondItem = targets.nth(1).getByTestId('plan-target-item');
  const secondStatement = (await secondItem.locator('option').nth(1).textContent()) ?? '';
  await secondItem.selectOption({ index: 1 });
  await targets.nth(1).getByLabel('Öppen förskola').check();
  await page.getByLabel('Sammanfattning av planen').fill('Året då vi börjar arbeta tillsammans på riktigt.');
  await page.getByLabel('Sammanfattning av planen').blur();
  await app.expectSaved();
  await expectNoSeriousA11yViolations(page);
  await shots(page, 'project-plan-editor');

  // Saved at once: a reload shows every choice.
  await page.reload();
  await expect(goal(page, 1).getByTestId('plan-target')).toHaveCount(2);
  await expect(goal(page, 1).getByTestId('plan-target').nth(0).getByTestId('plan-target-level')).toHaveValue('4');
  await expect(goal(page, 1).getByTestId('plan-target').nth(0).getByLabel(new RegExp(ACTION))).toBeChecked();

  // The preview is the document that will be handed in.
  await page.getByTestId('cycle-preview').click();
  const preview = page.getByTestId('project-plan-document');
  await expect(preview.locator('tbody tr')).toHaveCount(2);
  await expect(preview).toContainText(`${ACTION} (Planerad)`);
  await expect(preview).toContainText('BVC, Socialtjänst');
  await expect(preview).toContainText(secondStatement.trim());
  await expectNoSeriousA11yViolations(page);

  const plan = await handInAndOpen(page, 'project-plan-document');
  expect(plan.text).toContain(ACTION);
  expect(plan.text).toContain('Hälsofrämjande insatser tidigt, tillsammans.');
  await expectNoSeriousA11yViolations(page);
  await pdf(page, 'project-plan');

  // Offline after a reload, the hand-in reprints identically.
  const handInUrl = page.url();
  await context.setOffline(true);
  await page.reload();
  expect(await printed(page, 'project-plan-document')).toEqual(plan);
  await context.setOffline(false);

  // The statement card shows the target; results show target against now.
  await page.getByRole('link', { name: /Tillbaka till centralen/ }).click();
  await expect(cycle.locator('[data-deadline="project-plan"]')).toHaveAttribute('data-state', /on-time|handed-in-late/);
  await app.roundCard(`Våren ${String(YEAR)}`).getByRole('link', { name: /^(Fortsätt|Öppna)$/ }).click();
  await expect(app.item(0).getByTestId('item-target')).toHaveText(/^Mål i projektplanen: 4 /);
  await page.getByRole('link', { name: CENTRE }).click();
  await app.roundCard(`Våren ${String(YEAR)}`).getByRole('link', { name: 'Resultat' }).click();
  const against = page.getByTestId('plan-targets-results');
  await expect(against.locator('tbody tr')).toHaveCount(2);
  await expect(against.locator('tbody tr').first()).toContainText('Inte ännu');
  await expectNoSeriousA11yViolations(page);

  // An edit after the hand-in says so; the hand-in is unchanged.
  await page.goto(`/centres/${handInUrl.split('/centres/')[1]?.split('/')[0] ?? ''}/project-plan/${String(YEAR)}`);
  await goal(page, 1).getByTestId('plan-target').nth(1).getByTestId('plan-target-remove').click();
  await page.getByRole('dialog', { name: 'Ta bort delmålet?' }).getByRole('button', { name: 'Ta bort' }).click();
  await expect(goal(page, 1).getByTestId('plan-target')).toHaveCount(1);
  await expect(page.getByTestId('cycle-hand-in-edited')).toBeVisible();
  await page.goto(handInUrl);
  expect(await printed(page, 'project-plan-document')).toEqual(plan);

  // The yearly report: next year's plan with a cost description, handed in.
  await page.getByRole('link', { name: /Tillbaka till centralen/ }).click();
  await cycle.getByTestId('cycle-open-yearly-report').click();
  await expect(page.getByRole('heading', { level: 1, name: `Årsredovisning ${String(YEAR)} och plan för ${String(YEAR + 1)}` })).toBeVisible();
  await page.getByTestId('report-editor').locator('[data-goal-id]').first().getByRole('textbox').fill('Öppen mottagning varje vecka sedan mars.');
  await page.getByTestId('report-focus').nth(3).check();
  await page.getByTestId('report-add-action').click();
  const action = page.getByTestId('report-action');
  await expect(action).toHaveCount(1);
  await expect(action.getByTestId('report-action-goal')).toHaveValue(/.+/);
  await action.getByLabel('Vad').fill('Föräldraråd två gånger per termin');
  await action.getByLabel('Vem (verksamhet eller roll)').fill('Öppna förskolan');
  await action.getByLabel('När').fill(`VT ${String(YEAR + 1)}`);
  await page.getByLabel('Kostnadsbeskrivning').fill(COSTS);
  await page.getByLabel('Kostnadsbeskrivning').blur();
  await app.expectSaved();
  await expectNoSeriousA11yViolations(page);
  await shots(page, 'yearly-report-editor');
  await page.getByTestId('cycle-preview').click();
  await expect(page.getByTestId('yearly-report-document').getByTestId('document-costs')).toHaveText(COSTS);
  const report = await handInAndOpen(page, 'yearly-report-document');
  expect(report.text).toContain(COSTS);
  expect(report.text).toContain('Föräldraråd två gånger per termin');
  await expectNoSeriousA11yViolations(page);
  await pdf(page, 'yearly-report');
  await page.reload();
  expect(await printed(page, 'yearly-report-document')).toEqual(report);

  // A network moves the spring check-in to 20 May: the centre's cycle panel follows.
  await page.goto('/instruments');
  const settings = page.getByTestId('cycle-settings');
  await expect(settings).toBeVisible();
  await settings.locator('[data-deadline="check-in-spring"]').fill(`${String(YEAR)}-05-20`);
  await settings.getByTestId('cycle-settings-save').click();
  await expect(settings.getByTestId('cycle-settings-dates-message')).toHaveText('Datumen är sparade.');
  await expectNoSeriousA11yViolations(page);
  await settings.scrollIntoViewIfNeeded();
  await shots(page, 'cycle-settings');
  await page.goto('/');
  await page.getByRole('link', { name: CENTRE }).click();
  await expect(cycle.locator('[data-deadline="check-in-spring"] td').first()).toHaveText(`20 maj ${String(YEAR)}`);
  await expect(cycle.locator('[data-deadline="check-in-autumn"] td').first()).toHaveText(/^15 okt/);
  await expectNoSeriousA11yViolations(page);

  expect(errors.filter((message) => !message.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
});
