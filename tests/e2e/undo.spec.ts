import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/AppPage';

/** The undo window of src/domain/deletions.ts, with room for a slow machine. */
const PAST_WINDOW_MS = 25_000;

/** A centre with round A (one answer) and round B (two answers), ending on the centre page. */
async function centreWithTwoRounds(page: Page): Promise<AppPage> {
  const app = new AppPage(page);
  await app.gotoStart();
  await app.createCentre({ name: 'Familjecentralen Alby' });
  await app.createRound('Omgång A', '2026-03-01');
  await app.answer(0, 3);
  await app.expectSaved();
  await page.getByRole('link', { name: 'Familjecentralen Alby' }).click();
  await app.createRound('Omgång B', '2026-04-01');
  await app.answer(0, 2);
  await app.answer(1, 4);
  await app.expectSaved();
  await page.getByRole('link', { name: 'Familjecentralen Alby' }).click();
  await expect(app.roundCard('Omgång B')).toContainText('2 av 41 påståenden besvarade');
  await expect(app.roundCard('Omgång A')).toContainText('1 av 41 påståenden besvarade');
  return app;
}

test('delete A, delete B, undo B: B is back with its answers and A can still be undone; each goes for good only after its own window', async ({ page }) => {
  test.setTimeout(120_000);
  const app = await centreWithTwoRounds(page);

  await app.deleteRound('Omgång A');
  await app.deleteRound('Omgång B');
  await expect(page.getByTestId('undo-toast')).toHaveCount(2);
  await expect(app.undoToast('Omgången ”Omgång A” togs bort.')).toBeVisible();

  await app.undoToast('Omgången ”Omgång B” togs bort.').getByRole('button', { name: 'Ångra' }).click();
  await expect(app.roundCard('Omgång B')).toContainText('2 av 41 påståenden besvarade');
  await expect(app.undoToast('Omgången ”Omgång B”')).toHaveCount(0);
  await expect(app.roundCard('Omgång A')).toHaveCount(0);

  // A is still offered, and its undo brings it back too.
  await app.undoToast('Omgången ”Omgång A” togs bort.').getByRole('button', { name: 'Ångra' }).click();
  await expect(app.roundCard('Omgång A')).toContainText('1 av 41 påståenden besvarade');
  await expect(page.getByTestId('undo-toast')).toHaveCount(0);

  // Deleted again and left alone: the offer ends with its window and A is gone for good; B stays.
  await app.deleteRound('Omgång A');
  await expect(app.undoToast('Omgång A')).toBeVisible();
  await expect(app.undoToast('Omgång A')).toHaveCount(0, { timeout: PAST_WINDOW_MS });
  await page.reload();
  await expect(app.roundCard('Omgång B')).toContainText('2 av 41 påståenden besvarade');
  await expect(app.roundCard('Omgång A')).toHaveCount(0);
  await expect(page.getByTestId('undo-toast')).toHaveCount(0);
});

test('a deletion survives a reload within the window: the undo is still offered and still works', async ({ page }) => {
  const app = await centreWithTwoRounds(page);
  await app.deleteRound('Omgång B');
  await page.reload();
  await expect(app.roundCard('Omgång A')).toBeVisible();
  await expect(app.roundCard('Omgång B')).toHaveCount(0);
  await app.undoToast('Omgången ”Omgång B” togs bort.').getByRole('button', { name: 'Ångra' }).click();
  await expect(app.roundCard('Omgång B')).toContainText('2 av 41 påståenden besvarade');
  await page.reload();
  await expect(app.roundCard('Omgång B')).toContainText('2 av 41 påståenden besvarade');
  await expect(page.getByTestId('undo-toast')).toHaveCount(0);
});

test('a second tab opened within the window purges nothing, and "Ångra" in the first tab still works', async ({ page, context }) => {
  const app = await centreWithTwoRounds(page);
  await app.deleteRound('Omgång B');
  await page.getByRole('button', { name: 'Ta bort familjecentral' }).click();
  await page.getByRole('dialog', { name: 'Ta bort familjecentralen?' }).getByRole('button', { name: 'Ta bort' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Välj familjecentral' })).toBeVisible();

  const second = await context.newPage();
  const other = new AppPage(second);
  await other.gotoStart();
  // The second tab offers the same undos (the deletions are in the database), and has purged nothing.
  await expect(other.undoToast('Familjecentralen ”Familjecentralen Alby” togs bort.')).toBeVisible();
  await expect(other.undoToast('Omgången ”Omgång B” togs bort.')).toBeVisible();

  await app.undoToast('Familjecentralen ”Familjecentralen Alby” togs bort.').getByRole('button', { name: 'Ångra' }).click();
  await page.getByTestId('centre-list').getByRole('link', { name: /Alby/ }).click();
  await expect(app.roundCard('Omgång A')).toContainText('1 av 41 påståenden besvarade');
  await app.undoToast('Omgången ”Omgång B” togs bort.').getByRole('button', { name: 'Ångra' }).click();
  await expect(app.roundCard('Omgång B')).toContainText('2 av 41 påståenden besvarade');

  // The other tab sees the undo too: its toasts go, and the centre is back in its list.
  await expect(second.getByTestId('undo-toast')).toHaveCount(0);
  await expect(second.getByTestId('centre-list').getByRole('link', { name: /Alby/ })).toBeVisible();
  await second.close();
});

test('importing a just deleted centre\'s own file says first that it brings the centre back with everything it had, and does; after the window the file makes a new centre of only what it holds', async ({ page }) => {
  test.setTimeout(120_000);
  const app = await centreWithTwoRounds(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exportera alla omgångar (JSON)' }).click();
  const path = await (await download).path();
  // A round made after the export is not in the file.
  await app.createRound('Omgång C', '2026-05-01');
  await page.getByRole('link', { name: 'Familjecentralen Alby' }).click();
  await page.getByRole('button', { name: 'Ta bort familjecentral' }).click();
  await page.getByRole('dialog', { name: 'Ta bort familjecentralen?' }).getByRole('button', { name: 'Ta bort' }).click();
  await expect(app.undoToast('Familjecentralen ”Familjecentralen Alby” togs bort.')).toBeVisible();

  await page.goto('/import');
  await page.getByLabel('Välj exportfil (.json)').setInputFiles(path);
  const preview = page.getByTestId('import-preview');
  await expect(preview.getByTestId('import-restores')).toHaveText('”Familjecentralen Alby” togs nyss bort på den här enheten och kan fortfarande ångras. Importen tar tillbaka den med allt den hade, inte bara det som står i filen.');
  // Nothing in the file is new, yet the import has something to do: end the deletion.
  await expect(preview).not.toContainText('Allt i filen finns redan på enheten');
  await preview.getByRole('button', { name: 'Importera' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await expect(page.getByTestId('undo-toast')).toHaveCount(0);
  await page.getByTestId('import-done').getByRole('link', { name: /Familjecentralen Alby/ }).click();
  for (const title of ['Omgång A', 'Omgång B', 'Omgång C']) await expect(app.roundCard(title)).toBeVisible();

  // Deleted again and left past its window: gone, and the same file now brings only what it holds.
  await page.getByRole('button', { name: 'Ta bort familjecentral' }).click();
  await page.getByRole('dialog', { name: 'Ta bort familjecentralen?' }).getByRole('button', { name: 'Ta bort' }).click();
  await page.waitForTimeout(PAST_WINDOW_MS);
  await page.reload();
  await expect(page.getByTestId('undo-toast')).toHaveCount(0);
  await expect(page.getByTestId('centre-list').getByRole('link', { name: /Alby/ })).toHaveCount(0);
  await page.goto('/import');
  await page.getByLabel('Välj exportfil (.json)').setInputFiles(path);
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await expect(page.getByTestId('import-restores')).toHaveCount(0);
  await page.getByTestId('import-preview').getByRole('button', { name: 'Importera' }).click();
  await page.getByTestId('import-done').getByRole('link', { name: /Familjecentralen Alby/ }).click();
  await expect(app.roundCard('Omgång A')).toBeVisible();
  await expect(app.roundCard('Omgång B')).toBeVisible();
  await expect(app.roundCard('Omgång C')).toHaveCount(0);
});
