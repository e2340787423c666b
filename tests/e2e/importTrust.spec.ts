import { expect, test, type Page } from '@playwright/test';
import { CoordinatorPage } from './pages/CoordinatorPage';
import { AppPage } from './pages/AppPage';
import { allItems, asUpload, exportFile } from './support/exportFiles';

/**
 * Files that must not be trusted: not UTF-8, a timestamp outside the one rule, ids that belong to
 * another centre on the device; and a coordinator's pick with one bad file among good ones.
 */

const ALL = ['bmm', 'bvc', 'openPreschool', 'socialServices'] as const;

function centre(name: string) {
  return exportFile({
    name,
    municipality: 'Malmö',
    services: ALL,
    coLocation: 'near',
    exportedAt: '2026-05-20T14:00:00.000Z',
    rounds: [{ title: 'Våren 2026', date: '2026-04-22', period: 'VT 2026', ratings: { 'goal-1': allItems(3), 'goal-2': allItems(2) } }],
  });
}

/** Every record of the app's database, as text, table by table: to see that nothing changed at all. */
async function dump(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string[]>>((resolve, reject) => {
        const open = indexedDB.open('familjecentral');
        open.onerror = () => reject(new Error('cannot open'));
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, string[]> = {};
          for (const name of names) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => {
              out[name] = (request.result as unknown[]).map((row) => JSON.stringify(row)).sort();
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
        };
      }),
  );
}

async function openImport(page: Page): Promise<void> {
  await new AppPage(page).gotoStart();
  await page.goto('/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Importera från fil' })).toBeVisible();
}

test('a Latin-1 file is refused with a message that it is not UTF-8, and nothing is stored', async ({ page }) => {
  await openImport(page);
  const text = JSON.stringify(centre('Familjecentralen Malmö'));
  const latin1 = Buffer.from(text, 'latin1');
  expect(latin1.includes(0xf6)).toBe(true);
  await page.getByLabel('Välj exportfil (.json)').setInputFiles({ name: 'malmo-latin1.json', mimeType: 'application/json', buffer: latin1 });
  await expect(page.getByRole('alert')).toContainText('Filen malmo-latin1.json kan inte importeras:');
  await expect(page.getByTestId('import-problems')).toContainText('Filen är inte sparad som UTF-8-text');

  // The same file in UTF-16 with a byte-order mark is read, with "Malmö" intact.
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  await page.getByLabel('Välj exportfil (.json)').setInputFiles({ name: 'malmo-utf16.json', mimeType: 'application/json', buffer: utf16 });
  await expect(page.getByTestId('import-preview')).toContainText('Familjecentral: Familjecentralen Malmö');
  await page.getByRole('button', { name: 'Avbryt' }).click();
  expect((await dump(page)).centres).toEqual([]);
});

test('a file with a bad timestamp is refused naming the field; broken JSON is placed by line and column', async ({ page }) => {
  await openImport(page);
  const input = page.getByLabel('Välj exportfil (.json)');
  for (const [field, value] of [
    ['updatedAt', '2026-05-20T10:00:00+05'],
    ['createdAt', '9999-12-31T23:59:59-23:59'],
  ] as const) {
    const file = centre('Familjecentralen Tid');
    file.centre[field] = value;
    await input.setInputFiles(asUpload(`tid-${field}.json`, file));
    await expect(page.getByTestId('import-problems')).toContainText(`Fel vid centre.${field}: väntade en tidpunkt som 2026-05-15T10:00:00Z`);
  }
  await input.setInputFiles({ name: 'trasig.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "format": "familjecentral-export"\n  "formatVersion": 3\n}') });
  await expect(page.getByTestId('import-problems')).toHaveText('Filen är inte giltig JSON: fel på rad 3, kolumn 3.');
  await input.setInputFiles({ name: 'version.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...centre('X'), formatVersion: '3' })) });
  await expect(page.getByTestId('import-problems')).toContainText('Fel vid formatVersion: väntade ett tal, fick "3".');
  expect((await dump(page)).centres).toEqual([]);
});

test('a file whose ids belong to another centre here is refused, naming what collided, and that centre is unchanged', async ({ page }) => {
  await openImport(page);
  const a = centre('Familjecentralen Alby');
  const input = page.getByLabel('Välj exportfil (.json)');
  await input.setInputFiles(asUpload('alby.json', a));
  await page.getByRole('button', { name: 'Importera' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  const before = await dump(page);
  expect(before.answers?.length).toBe(a.answers.length);

  // Fittja's file, with one answer and one reflection under Alby's ids.
  const fittja = centre('Familjecentralen Fittja');
  const [answerId, reflectionId] = [a.answers[0]?.id ?? '', a.reflections[0]?.id ?? ''];
  const b = {
    ...fittja,
    answers: fittja.answers.map((answer, index) => (index === 3 ? { ...answer, id: answerId } : answer)),
    reflections: fittja.reflections.map((reflection, index) => (index === 1 ? { ...reflection, id: reflectionId } : reflection)),
  };
  await page.goto('/import');
  await input.setInputFiles(asUpload('fittja.json', b));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Filen fittja.json kan inte importeras:');
  await expect(alert).toContainText('Filen rör poster som hör till en annan familjecentral på den här enheten. Ingenting har importerats');
  await expect(alert).toContainText(`answers[3].id: ett svar med id ${answerId} finns redan här och hör till Familjecentralen Alby.`);
  await expect(alert).toContainText(`reflections[1].id: en reflektion med id ${reflectionId} finns redan här och hör till Familjecentralen Alby.`);
  await expect(page.getByRole('button', { name: 'Importera' })).toHaveCount(0);
  expect(await dump(page)).toEqual(before);
});

test('the coordinator\'s pick of three files with one bad one stores the two good ones and names the bad one', async ({ page }) => {
  await new AppPage(page).gotoStart();
  const coordinator = new CoordinatorPage(page);
  await coordinator.open();
  const bad = centre('Familjecentralen Skärholmen');
  bad.exportedAt = '2026-05-20T10:00:00+05';
  await coordinator.importFiles([asUpload('alby.json', centre('Familjecentralen Alby')), asUpload('skarholmen.json', bad), asUpload('fittja.json', centre('Familjecentralen Fittja'))]);
  await expect(coordinator.reportFor('alby.json')).toHaveAttribute('data-status', 'added');
  await expect(coordinator.reportFor('fittja.json')).toHaveAttribute('data-status', 'added');
  const report = coordinator.reportFor('skarholmen.json');
  await expect(report).toHaveAttribute('data-status', 'invalid');
  await expect(report).toContainText('Fel vid exportedAt: väntade en tidpunkt');
  await expect(coordinator.workspaceList).toContainText('Familjecentralen Alby');
  await expect(coordinator.workspaceList).toContainText('Familjecentralen Fittja');
  await expect(coordinator.workspaceList).not.toContainText('Skärholmen');
});
