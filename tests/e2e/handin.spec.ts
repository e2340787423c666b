import { expect, test, type Locator, type Page } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { expectNoSeriousA11yViolations } from './support/fixtures';

const CENTRE = 'Familjecentralen Inlämning';
const ACTION = 'Gemensam öppen mottagning';

function plan(page: Page): Locator {
  return page.getByTestId('action-plan');
}

async function addAction(page: Page, what: string, who: string): Promise<void> {
  await plan(page).getByRole('button', { name: 'Lägg till åtgärd' }).click();
  const form = plan(page).getByRole('form', { name: 'Ny åtgärd' });
  await form.getByLabel('Vad ska göras?').fill(what);
  await form.getByLabel('Vem (verksamhet eller roll)').fill(who);
  await form.getByRole('button', { name: 'Spara åtgärden' }).click();
  await expect(plan(page).getByTestId('action-item').filter({ hasText: what })).toBeVisible();
}

/** From the centre page to a round's results. */
async function openResults(app: AppPage, title: string): Promise<void> {
  await app.roundCard(title).getByRole('link', { name: 'Resultat' }).click();
  await expect(app.page.getByTestId('hand-in-panel')).toBeVisible();
}

/** "Lämna in" on the results page with the suggested check-in; returns the dialog's text about unanswered statements. */
async function handIn(page: Page, expectedDeadline: RegExp): Promise<string> {
  const panel = page.getByTestId('hand-in-panel');
  await panel.getByTestId('hand-in-open').click();
  const dialog = page.getByRole('dialog', { name: 'Lämna in avstämningen' });
  await expect(dialog).toBeVisible();
  const selected = dialog.getByTestId('hand-in-deadline').locator('option:checked');
  await expect(selected).toHaveText(expectedDeadline);
  const unanswered = (await dialog.getByTestId('hand-in-unanswered').textContent()) ?? '';
  await dialog.getByTestId('hand-in-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByTestId('hand-in-sealed')).toHaveText(/^Inlämnad \d{1,2} \w+\.? \d{4} · sha256:[0-9a-f]{8}…$/);
  return unanswered;
}

/** What the hand-in view prints: its hash attribute and the whole document's text. */
async function printed(page: Page): Promise<{ hash: string; text: string }> {
  const document = page.getByTestId('hand-in-document');
  await expect(document.getByTestId('check-in-document')).toBeVisible();
  await expect(page.getByTestId('hand-in-intact')).toHaveAttribute('data-intact', 'true');
  const hash = (await document.getAttribute('data-hash')) ?? '';
  expect(hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  await expect(document.getByTestId('document-hash')).toContainText(hash);
  return { hash, text: (await document.innerText()).replace(/^Utskriven .*$/m, '').trim() };
}

function goal1(page: Page): Locator {
  return page.getByTestId('hand-in-document').getByTestId('document-goal').filter({ has: page.getByRole('heading', { level: 3, name: /^Mål 1:/ }) });
}

test('a May hand-in stays as handed in while October moves on; a round changed after hand-in says so and both hand-ins stay readable', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const app = new AppPage(page);
  await app.gotoStart();
  await app.createCentre({ name: CENTRE });

  // May: one statement answered, one action under way for goal 1.
  await app.createRound('Våren 2026', '2026-05-05');
  await app.answer(0, 3);
  await addAction(page, ACTION, 'BVC');
  await plan(page).getByTestId('action-item').filter({ hasText: ACTION }).getByLabel('Status').selectOption('ongoing');
  await app.expectSaved();
  await page.getByRole('link', { name: CENTRE }).click();

  // The cycle panel shows the year's deadlines before anything is handed in.
  const cycle = page.getByTestId('cycle-panel');
  await expect(cycle.getByTestId('cycle-row')).toHaveCount(4);
  await expect(page.getByTestId('hand-in-list')).toContainText('Inget är inlämnat ännu.');
  await expectNoSeriousA11yViolations(page);

  await openResults(app, 'Våren 2026');
  const unanswered = await handIn(page, /^Skriftlig avstämning, våren 2026 \(senast 15 maj 2026\)/);
  expect(unanswered).toMatch(/^\d+ påståenden är obesvarade\. Vill du lämna in ändå\?$/);
  await expectNoSeriousA11yViolations(page);

  await page.getByTestId('hand-in-panel').getByRole('link', { name: 'Visa inlämningen' }).click();
  const mayFirst = await printed(page);
  await expect(goal1(page).locator('[data-section="next-steps"]')).toContainText(ACTION);
  await expect(goal1(page).locator('[data-section="next-steps"]')).toContainText('Pågår');
  await expect(goal1(page).locator('[data-section="since-last"]')).toContainText('första avstämningen');
  await expectNoSeriousA11yViolations(page);

  // October: the review marks May's action done.
  await page.getByRole('link', { name: /Tillbaka till centralen/ }).click();
  await app.createRound('Hösten 2026', '2026-10-08');
  const review = page.getByTestId('action-review');
  const item = review.getByTestId('review-item').filter({ hasText: ACTION });
  await item.getByLabel('Status').selectOption('done');
  await app.expectSaved();
  await app.answer(0, 4);
  await app.expectSaved();
  await page.getByRole('link', { name: CENTRE }).click();

  await openResults(app, 'Hösten 2026');
  await handIn(page, /^Skriftlig avstämning, hösten 2026 \(senast 15 okt\. 2026\)|^Skriftlig avstämning, hösten 2026 \(senast 15 oktober 2026\)/);
  await page.getByTestId('hand-in-panel').getByRole('link', { name: 'Visa inlämningen' }).click();
  const october = await printed(page);
  await page.screenshot({ path: test.info().outputPath('october-hand-in.png'), fullPage: true });
  // What was done since May is in the October check-in, with its status then and now.
  const since = goal1(page).locator('[data-section="since-last"]');
  await expect(since).toContainText(ACTION);
  await expect(since).toContainText('Pågår → Klar');
  expect(october.hash).not.toBe(mayFirst.hash);

  // The May hand-in reprints unchanged: the same hash and the same text, its action still under way.
  await page.getByRole('link', { name: /Tillbaka till centralen/ }).click();
  const rows = page.getByTestId('hand-in-list').getByTestId('hand-in-row');
  await expect(rows).toHaveCount(2);
  // October's review is no edit of the May round: it is not "changed after hand-in".
  await expect(page.getByTestId('hand-in-row-changed')).toHaveCount(0);
  await cycle.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('centre-cycle.png'), fullPage: true });
  await expect(cycle.locator('[data-deadline="check-in-spring"]')).toHaveAttribute('data-state', /on-time|handed-in-late/);
  await expect(cycle.locator('[data-deadline="check-in-autumn"]')).toHaveAttribute('data-state', /on-time|handed-in-late/);
  await expectNoSeriousA11yViolations(page);
  await rows.filter({ hasText: 'Våren 2026' }).getByRole('link', { name: /Öppna/ }).click();
  const mayAgain = await printed(page);
  expect(mayAgain).toEqual(mayFirst);
  await expect(goal1(page).locator('[data-section="next-steps"]')).toContainText('Pågår');

  // The May round edited after its hand-in: it says so, with the change, and offers a new hand-in.
  await page.getByRole('link', { name: /Tillbaka till centralen/ }).click();
  await app.roundCard('Våren 2026').getByRole('link', { name: /^(Fortsätt|Öppna)$/ }).click();
  await app.answer(0, 1);
  await app.expectSaved();
  await page.getByRole('link', { name: CENTRE }).click();
  await expect(page.getByTestId('hand-in-row-changed')).toHaveCount(1);
  await expect(cycle.locator('[data-deadline="check-in-spring"]')).toContainText('ändrad efter inlämning');
  await openResults(app, 'Våren 2026');
  const changed = page.getByTestId('hand-in-changed');
  await expect(changed).toContainText('Ändrad efter inlämning');
  // The answer, and with it step 1 of the profile: its goal-1 evidence no longer holds.
  await expect(changed.getByTestId('document-changes').getByRole('listitem')).toHaveCount(2);
  await expect(changed.getByTestId('document-changes').getByRole('listitem').first()).toContainText(/^Steg 1: .+ → .+$/);
  await page.getByTestId('hand-in-panel').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('changed-after-hand-in.png') });
  await expectNoSeriousA11yViolations(page);
  await handIn(page, /^Skriftlig avstämning, våren 2026/);
  await expect(page.getByTestId('hand-in-changed')).toHaveCount(0);

  // Both May hand-ins stay readable, the second says what changed since the first.
  await page.getByTestId('hand-in-panel').getByRole('link', { name: 'Visa inlämningen' }).click();
  const maySecond = await printed(page);
  expect(maySecond.hash).not.toBe(mayFirst.hash);
  const history = page.getByTestId('hand-in-history');
  await expect(history).toContainText('Inlämning 1');
  await expect(history).toContainText('Inlämning 2 (den här)');
  await expect(history.getByTestId('document-changes').getByRole('listitem')).toHaveCount(2);
  await expectNoSeriousA11yViolations(page);
  await history.getByRole('link', { name: 'Inlämning 1' }).click();
  expect(await printed(page)).toEqual(mayFirst);

  // And it prints on A4 as handed in.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('hand-in-print')).toBeHidden();
  await expect(page.getByTestId('hand-in-document')).toBeVisible();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.byteLength).toBeGreaterThan(10_000);
  await page.emulateMedia({ media: 'screen' });

  // After a reload too.
  await page.reload();
  expect(await printed(page)).toEqual(mayFirst);
  expect(errors).toEqual([]);
});
