import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { expectNoSeriousA11yViolations } from './support/fixtures';

async function goalTable(page: Page): Promise<string[]> {
  const rows = page.locator('table.goal-scores tbody tr');
  await expect(rows).toHaveCount(5);
  return rows.allInnerTexts();
}

test('a centre exported in one browser is restored in another with the same data and results', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const app = new AppPage(page);
  await app.gotoStart();
  await app.createCentre({ name: 'Familjecentralen Export', municipality: 'Nacka', services: ['Barnhälsovård (BVC)'] });
  await expect(page.getByTestId('last-export')).toHaveText('Inget har exporterats från den här enheten ännu.');
  await app.createRound('Våren', '2026-04-02');
  await app.answer(0, 4);
  await app.answer(1, 2);
  await app.answer(2, 'Vet inte');
  await app.writeNote(0, 'Anteckning med "citat"; semikolon och <b>html</b>');
  // An own statement under goal 1, rated: it travels in the file and does not change the results.
  const ownSection = page.getByTestId('local-items');
  await ownSection.getByRole('button', { name: 'Lägg till eget påstående' }).click();
  await ownSection.getByRole('form', { name: 'Nytt eget påstående' }).getByLabel('Påstående', { exact: true }).fill('Vi har öppet hus varje fredag');
  await ownSection.getByRole('button', { name: 'Spara' }).click();
  await ownSection.getByTestId('local-item').getByRole('radio', { name: /^1 / }).check();
  await app.expectSaved();
  await page.getByRole('link', { name: 'Resultat' }).click();
  const before = await goalTable(page);
  await expect(page.locator('canvas')).toHaveCount(1);
  const chartSummaryBefore = await page.locator('.chart-figure__summary').innerText();
  await page.getByRole('link', { name: 'Familjecentralen Export' }).click();
  await expect(page.getByTestId('backup-reminder')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exportera alla omgångar (JSON)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Familjecentralen Export – VT 2026 – \d{4}-\d{2}-\d{2}\.json$/);
  const path = await file.path();
  const json = JSON.parse(await readFile(path, 'utf8')) as { format: string; formatVersion: number; answers: unknown[]; localItems: { text: string; goalId: string }[] };
  expect(json.format).toBe('familjecentral-export');
  expect(json.formatVersion).toBe(4);
  expect(json.answers).toHaveLength(4);
  expect(json.localItems).toMatchObject([{ text: 'Vi har öppet hus varje fredag', goalId: 'goal-1' }]);
  await expect(page.getByTestId('last-export')).toContainText('Senaste export:');
  await expect(page.getByTestId('backup-reminder')).toBeHidden();

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Svar som CSV (Excel)' }).click();
  const csv = await readFile(await (await csvDownload).path(), 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv).toContain('Familjecentral;Omgång;Period;Datum;Mål');
  expect(csv).toContain('"Anteckning med ""citat""; semikolon och <b>html</b>"');

  // A fresh browser profile: an empty device.
  const fresh = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm', viewport: { width: 1024, height: 768 } });
  const other = await fresh.newPage();
  const otherApp = new AppPage(other);
  await otherApp.gotoStart();
  await expect(other.getByText('Det finns ingen familjecentral på den här enheten ännu.')).toBeVisible();
  await other.getByRole('link', { name: 'Importera från fil' }).click();
  await other.getByLabel('Välj exportfil (.json)').setInputFiles(path);
  const preview = other.getByTestId('import-preview');
  await expect(preview).toContainText('Familjecentral: Familjecentralen Export');
  await expect(preview).toContainText('Läggs till: 7');
  await expectNoSeriousA11yViolations(other);
  await other.getByRole('button', { name: 'Importera' }).click();
  await expect(other.getByTestId('import-done')).toContainText('7 tillagda, 0 uppdaterade, 0 oförändrade');
  await other.getByRole('link', { name: 'Öppna Familjecentralen Export' }).click();
  await other.getByRole('link', { name: 'Resultat' }).click();
  expect(await goalTable(other)).toEqual(before);
  await expect(other.locator('canvas')).toHaveCount(1);
  expect(await other.locator('.chart-figure__summary').innerText()).toBe(chartSummaryBefore);
  await other.getByRole('link', { name: 'Öppna' }).first().click();
  await expect(otherApp.item(0).getByLabel('Anteckning')).toHaveValue('Anteckning med "citat"; semikolon och <b>html</b>');
  const restoredOwn = other.getByTestId('local-items').getByTestId('local-item');
  await expect(restoredOwn).toContainText('Vi har öppet hus varje fredag');
  await expect(restoredOwn.getByRole('radio', { name: /^1 / })).toBeChecked();

  // The same file again changes nothing.
  await other.goto('/import');
  await other.getByLabel('Välj exportfil (.json)').setInputFiles(path);
  await expect(other.getByTestId('import-preview')).toContainText('Allt i filen finns redan på enheten. Inget ändras.');
  await expect(other.getByRole('button', { name: 'Importera' })).toHaveCount(0);
  await fresh.close();
});

test('a broken file is refused with a clear message and nothing changes', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoStart();
  await page.goto('/import');
  const input = page.getByLabel('Välj exportfil (.json)');
  await input.setInputFiles({ name: 'trasig.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "familjecentral-export", "formatVer') });
  await expect(page.getByRole('alert')).toContainText('Filen trasig.json kan inte importeras:');
  await expect(page.getByTestId('import-problems')).toContainText('Filen är inte giltig JSON: den tar slut för tidigt, på rad 1, kolumn 47.');

  const wrong = {
    format: 'familjecentral-export',
    formatVersion: 1,
    exportedAt: '2026-05-01T10:00:00.000Z',
    app: { name: 'x', version: '1' },
    instruments: [],
    centre: { id: 'not-a-uuid', name: 'X', municipality: '', district: '', services: [], otherServices: '', coLocation: 'near', createdAt: '2026-05-01T10:00:00.000Z', updatedAt: '2026-05-01T10:00:00.000Z' },
    rounds: [],
    answers: [],
    reflections: [],
  };
  await input.setInputFiles({ name: 'fel.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(wrong)) });
  await expect(page.getByTestId('import-problems')).toContainText('Fel vid centre.id: väntade ett UUID.');
  await expectNoSeriousA11yViolations(page);
  await input.setInputFiles({ name: 'ny.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...wrong, formatVersion: 7 })) });
  await expect(page.getByTestId('import-problems')).toContainText('formatversion 7');

  await page.goto('/');
  await expect(page.getByText('Det finns ingen familjecentral på den här enheten ännu.')).toBeVisible();
});
