import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

const PEOPLE = [
  { name: 'Åsa Öberg', role: 'BVC' },
  { name: 'Jörgen Håkansson', role: 'Öppna förskolan' },
];

test('a coordinator export contains none of the participant names entered, while the backup contains them', async ({ page }) => {
  test.setTimeout(90_000);
  const app = new AppPage(page);
  await app.gotoStart();
  await app.createCentre({ name: 'Familjecentralen Namnlös', municipality: 'Botkyrka', services: ['Barnhälsovård (BVC)'] });
  await page.getByRole('link', { name: 'Starta ny omgång' }).click();
  await page.getByLabel('Rubrik').fill('Våren');
  await page.getByLabel('Datum').fill('2026-04-02');
  for (const person of PEOPLE) {
    await page.getByRole('button', { name: 'Lägg till deltagare' }).click();
    await page.getByLabel('Namn').last().fill(person.name);
    await page.getByLabel('Verksamhet eller roll').last().fill(person.role);
  }
  await page.getByRole('button', { name: 'Starta omgången' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Våren' })).toBeVisible();
  await app.answer(0, 3);
  await app.expectSaved();
  await page.getByRole('link', { name: 'Familjecentralen Namnlös' }).click();

  await expect(page.getByTestId('export-coordinator-says')).toContainText('utan namn');
  await expect(page.getByTestId('export-backup-says')).toContainText('namn');

  const coordinatorDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Till samordnaren (JSON)' }).click();
  const coordinatorFile = await coordinatorDownload;
  expect(coordinatorFile.suggestedFilename()).toContain('till samordnaren');
  const coordinatorText = await readFile(await coordinatorFile.path(), 'utf8');
  const coordinator = JSON.parse(coordinatorText) as { audience: string; ratings: unknown[]; rounds: { participants: { role: string }[] }[] };
  expect(coordinator.audience).toBe('coordinator');
  expect(coordinator.ratings).toEqual([]);
  expect(coordinator.rounds[0]?.participants.map((p) => p.role)).toEqual(expect.arrayContaining(PEOPLE.map((p) => p.role)));

  const backupDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exportera alla omgångar (JSON)' }).click();
  const backupText = await readFile(await (await backupDownload).path(), 'utf8');

  for (const person of PEOPLE) {
    // Searched as written, and as JSON would escape it, so that neither form slips through.
    expect(coordinatorText).not.toContain(person.name);
    expect(coordinatorText).not.toContain(JSON.stringify(person.name).slice(1, -1));
    expect(backupText).toContain(person.name);
  }
});
