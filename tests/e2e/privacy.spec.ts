import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations, expectTouchTargets, waitForServiceWorker } from './support/fixtures';

interface StoredRound {
  participants: { id: string; name: string; role: string }[];
}

/** The app's database as IndexedDB holds it, read without the app. */
async function stored(page: Page, roundId: string): Promise<{ round: StoredRound; ratings: { participantId: string; value: unknown }[] }> {
  return page.evaluate(
    (id) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('familjecentral');
        open.onerror = () => reject(new Error('open failed'));
        open.onsuccess = () => {
          const tx = open.result.transaction(['rounds', 'ratings'], 'readonly');
          const round = tx.objectStore('rounds').get(id);
          const ratings = tx.objectStore('ratings').index('roundId').getAll(id);
          tx.oncomplete = () => {
            open.result.close();
            resolve({ round: round.result as StoredRound, ratings: ratings.result as { participantId: string; value: unknown }[] });
          };
        };
      }),
    roundId,
  );
}

test('the accessibility statement has what DIGG asks for, in both languages, linked from the start and About pages, and opens offline', async ({ page, context }) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  await page.getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' })).toBeVisible();
  await expect(page).toHaveURL(/\/accessibility$/);

  const main = page.locator('main');
  await expect(main).toContainText('Självvärdering familjecentral');
  await expect(main).toContainText('delvis förenlig med lagen om tillgänglighet till digital offentlig service');
  await expect(main).toContainText('EN 301 549');
  await expect(main).toContainText('WCAG 2.1 nivå AA');
  await expect(page.getByTestId('shortcomings').locator('li')).toHaveCount(5);
  await expect(page.getByTestId('shortcomings')).toContainText('15 sekunder');
  await expect(main).toContainText('samma värden i en tabell');
  await expect(main).toContainText('självskattning');
  await expect(main).toContainText('Den senaste bedömningen gjordes 2 december 2026.');
  await expect(main).toContainText('Redogörelsen uppdaterades senast 2 december 2026.');
  // Not configured in this build: the contact and the organisation are marked placeholders.
  await expect(page.getByTestId('feedback-contact')).toHaveText(/^\[Platshållare: /);
  await expect(main).toContainText('[Platshållare: namnet på organisationen som driver appen]');
  await expect(page.getByRole('link', { name: 'Anmäl bristande tillgänglighet till Digg' })).toHaveAttribute('href', 'https://www.digg.se/tdosanmalan');
  await expectNoSeriousA11yViolations(page);
  await expectNoHorizontalScroll(page);

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accessibility statement' })).toBeVisible();
  await expect(main).toContainText('partially compliant');
  await expect(page.getByRole('link', { name: /Report lack of accessibility to Digg/ })).toHaveAttribute('href', 'https://www.digg.se/tdosanmalan');
  await page.getByRole('button', { name: 'Byt till svenska' }).click();

  await page.goto('/about');
  await page.getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' })).toBeVisible();

  // Readable without a network, straight from the address, like every page of the app.
  await context.setOffline(true);
  await page.goto('/accessibility');
  await expect(page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' })).toBeVisible();
  await page.goto('/privacy');
  await expect(page.getByRole('heading', { level: 1, name: 'Personuppgifter och lagring' })).toBeVisible();
  await context.setOffline(false);
});

test('the privacy page says what is stored where, and "Radera allt" erases the database, the caches and the settings after a typed confirmation', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoStart();
  await waitForServiceWorker(page);
  await app.createCentre({ name: 'Familjecentralen Radera' });
  await page.getByRole('link', { name: 'Startsida – välj familjecentral' }).click();
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('button', { name: 'Byt till svenska' }).click();
  expect(await page.evaluate(() => localStorage.getItem('fc.locale'))).toBe('sv');

  await page.getByRole('link', { name: 'Personuppgifter och lagring' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Personuppgifter och lagring' })).toBeVisible();
  const main = page.locator('main');
  await expect(main).toContainText('IndexedDB), som heter ”familjecentral”');
  for (const table of ['centres', 'rounds', 'answers', 'reflections', 'actions', 'ratings', 'localItems', 'instruments', 'workspace', 'settings']) {
    await expect(page.getByTestId('stored-tables')).toContainText(`tabellen ${table}`);
  }
  await expect(main).toContainText('Cache Storage');
  await expect(main).toContainText('Inget skickas någonstans');
  await expect(main).toContainText('omgångarna med deltagarnas namn');
  await expect(main).toContainText('Namn är frivilliga');
  await expectNoSeriousA11yViolations(page);
  await expectNoHorizontalScroll(page);

  // By keyboard: Enter opens the question with the word field focused, Escape leaves it and returns focus.
  const erase = page.getByRole('button', { name: 'Radera allt på den här enheten' });
  const dialog = page.getByRole('dialog', { name: 'Radera allt på den här enheten?' });
  expect((await erase.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  await erase.focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('Skriv RADERA för att bekräfta')).toBeFocused();
  await expectTouchTargets(dialog);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(erase).toBeFocused();

  // Step one only opens the question; a wrong word erases nothing; Cancel keeps everything.
  await erase.click();
  await expect(dialog).toContainText('Det gäller 1 familjecentral och allt i den.');
  await expectNoSeriousA11yViolations(page);
  await dialog.getByLabel('Skriv RADERA för att bekräfta').fill('radera');
  await dialog.getByRole('button', { name: 'Radera allt' }).click();
  await expect(dialog.getByText('Skriv RADERA med versaler för att kunna radera.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name))).toContain('familjecentral');

  await page.getByRole('button', { name: 'Radera allt på den här enheten' }).click();
  await dialog.getByLabel('Skriv RADERA för att bekräfta').fill('RADERA');
  await dialog.getByLabel('Skriv RADERA för att bekräfta').press('Enter');
  await expect(page.getByTestId('erase-result')).toContainText('Allt är raderat från den här enheten.');
  await expect(page.getByTestId('erase-result')).toBeFocused();
  const left = await page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((db) => db.name),
    caches: await caches.keys(),
    localStorage: localStorage.length,
    workers: (await navigator.serviceWorker.getRegistrations()).length,
  }));
  expect(left).toEqual({ databases: [], caches: [], localStorage: 0, workers: 0 });

  await page.getByRole('button', { name: 'Börja om' }).click();
  await expect(page.getByText('Det finns ingen familjecentral på den här enheten ännu.')).toBeVisible();
  // The app sets itself up again: the service worker comes back for offline use.
  await waitForServiceWorker(page);
});

test('a round\'s names are removed after asking: participants keep their roles and individual ratings, and nothing brings the names back', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoStart();
  await app.createCentre({ name: 'Familjecentralen Namn', services: ['Mödrahälsovård (BMM/MVC)', 'Barnhälsovård (BVC)', 'Öppen förskola'] });
  await page.getByRole('link', { name: 'Starta ny omgång' }).click();
  await page.getByLabel('Rubrik').fill('Våren');
  await page.getByLabel('Namn').nth(0).fill('Anna Andersson');
  await page.getByLabel('Namn').nth(2).fill('Cecilia');
  await page.getByRole('button', { name: 'Starta omgången' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Våren' })).toBeVisible();
  const [, centreId = '', roundId = ''] = /\/centres\/([^/]+)\/rounds\/([^/]+)/.exec(page.url()) ?? [];
  const round = `/centres/${centreId}/rounds/${roundId}`;

  // Anna rates the first statement on her own.
  await page.getByRole('link', { name: 'Individuella bedömningar först' }).click();
  await page.getByRole('button', { name: /^Anna Andersson \(BMM\)/ }).click();
  await page.locator('fieldset[data-item-id]').first().getByRole('radio', { name: /^3 / }).check();
  await app.expectSaved();
  const before = await stored(page, roundId);
  expect(before.ratings).toEqual([expect.objectContaining({ participantId: before.round.participants[0]?.id, value: 3 })]);

  await page.goto(`${round}/edit`);
  await expect(page.getByRole('heading', { level: 1, name: 'Redigera omgång' })).toBeVisible();
  const card = page.getByTestId('remove-names');
  await card.getByRole('button', { name: 'Ta bort namnen från omgången' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ta bort namnen från omgången?' });
  await expect(dialog).toContainText('Det går inte att ångra.');
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  expect((await stored(page, roundId)).round.participants.map((p) => p.name)).toEqual(['Anna Andersson', '', 'Cecilia']);

  await card.getByRole('button', { name: 'Ta bort namnen från omgången' }).click();
  await dialog.getByRole('button', { name: 'Ta bort namnen' }).click();
  await expect(card).toContainText('Namnen är borttagna. Deltagarna visas med sin verksamhet eller roll.');
  await expect(page.getByLabel('Namn', { exact: true })).toHaveCount(3);
  for (const field of await page.getByLabel('Namn', { exact: true }).all()) await expect(field).toHaveValue('');
  await expect(page.getByLabel('Verksamhet eller roll').first()).toHaveValue('BMM');
  await expectNoSeriousA11yViolations(page);
  // Saving the form afterwards must not write the names back.
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByTestId('round-list')).toBeVisible();

  const after = await stored(page, roundId);
  expect(after.round.participants).toEqual(before.round.participants.map((p) => ({ ...p, name: '' })));
  expect(after.ratings).toEqual(before.ratings);
  await page.goto(`${round}/goals/goal-1/individual`);
  await expect(page.getByRole('button', { name: /^Deltagare 1 \(BMM\)/ })).toBeVisible();
  await page.goto(`${round}/report`);
  await expect(page.locator('main')).toContainText('BMM');
  await expect(page.locator('main')).not.toContainText('Anna');
  await expect(page.locator('main')).not.toContainText('Cecilia');
});

test('offline, "Radera allt" erases every record but keeps the app\'s own files, so that the app still opens without a network', async ({ page, context }) => {
  const app = new AppPage(page);
  await app.gotoStart();
  await waitForServiceWorker(page);
  await app.createCentre({ name: 'Familjecentralen Utan nät' });
  await page.getByRole('link', { name: 'Startsida – välj familjecentral' }).click();
  await page.getByRole('link', { name: 'Personuppgifter och lagring' }).click();
  // Offline after the page opened: Chromium's emulation reports a reloaded document as online again.
  await context.setOffline(true);
  await expect(page.getByText('Ingen nätverksanslutning')).toBeVisible();
  await page.getByRole('button', { name: 'Radera allt på den här enheten' }).click();
  const dialog = page.getByRole('dialog', { name: 'Radera allt på den här enheten?' });
  await dialog.getByLabel('Skriv RADERA för att bekräfta').fill('RADERA');
  await dialog.getByRole('button', { name: 'Radera allt' }).click();
  await expect(page.getByTestId('erase-result')).toContainText('Alla uppgifter är raderade. Enheten är utan nät');
  const left = await page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((db) => db.name),
    caches: (await caches.keys()).length,
    workers: (await navigator.serviceWorker.getRegistrations()).length,
  }));
  expect(left.databases).toEqual([]);
  expect(left.caches).toBeGreaterThan(0);
  expect(left.workers).toBe(1);

  // Leaving by the header's link loads the app afresh, still offline, with nothing left in it.
  await page.getByRole('link', { name: 'Startsida – välj familjecentral' }).click();
  await expect(page.getByText('Det finns ingen familjecentral på den här enheten ännu.')).toBeVisible();
  await context.setOffline(false);
});
