import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

test('several centres on one tablet keep their rounds apart; deleting asks first and can be undone', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoStart();
  await expect(page.getByText('Det finns ingen familjecentral på den här enheten ännu.')).toBeVisible();
  await app.createCentre({ name: 'Familjecentralen Rinkeby', services: ['Mödrahälsovård (BMM/MVC)'] });
  await app.createRound('Rinkeby VT');
  await app.answer(0, 3);
  await app.expectSaved();

  await page.goto('/');
  await app.createCentre({ name: 'Familjecentralen Tensta' });
  await expect(page.getByText('Inga omgångar ännu.')).toBeVisible();

  await page.goto('/');
  const list = page.getByTestId('centre-list');
  await expect(list.getByRole('link')).toHaveCount(2);
  await list.getByRole('link', { name: /Rinkeby/ }).click();
  await expect(page.getByTestId('round-list').getByRole('heading', { name: 'Rinkeby VT' })).toBeVisible();
  await expect(page.getByText('1 av 41 påståenden besvarade')).toBeVisible();

  // Deleting a round: cancel keeps it, confirm removes it, undo brings it back with its answers.
  const round = page.getByTestId('round-list').getByRole('listitem').filter({ hasText: 'Rinkeby VT' });
  await round.getByRole('button', { name: 'Ta bort' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ta bort omgången?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(dialog).toBeHidden();
  await expect(round).toBeVisible();
  await round.getByRole('button', { name: 'Ta bort' }).click();
  await dialog.getByRole('button', { name: 'Ta bort' }).click();
  await expect(page.getByText('Inga omgångar ännu.')).toBeVisible();
  await page.getByTestId('undo-toast').getByRole('button', { name: 'Ångra' }).click();
  await expect(page.getByText('1 av 41 påståenden besvarade')).toBeVisible();

  // Deleting the whole centre, then undo; then delete for good.
  await page.getByRole('button', { name: 'Ta bort familjecentral' }).click();
  await page.getByRole('dialog', { name: 'Ta bort familjecentralen?' }).getByRole('button', { name: 'Ta bort' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Välj familjecentral' })).toBeVisible();
  await expect(list.getByRole('link')).toHaveCount(1);
  await page.getByTestId('undo-toast').getByRole('button', { name: 'Ångra' }).click();
  await expect(list.getByRole('link')).toHaveCount(2);

  await list.getByRole('link', { name: /Tensta/ }).click();
  await page.getByRole('button', { name: 'Ta bort familjecentral' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ta bort' }).click();
  await page.getByTestId('undo-toast').getByRole('button', { name: 'Stäng' }).click();
  await page.reload();
  await expect(list.getByRole('link')).toHaveCount(1);
  await expect(list.getByRole('link', { name: /Rinkeby/ })).toBeVisible();
});

test('the profile and a round can be edited, and a round marked complete and reopened', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoStart();
  await app.createCentre({ name: 'Familjecentralen Årsta' });
  await page.getByRole('link', { name: 'Redigera profil' }).click();
  await expect(page.getByLabel('Namn')).toHaveValue('Familjecentralen Årsta');
  await page.getByLabel('Kommun eller region').fill('Stockholm');
  await page.getByLabel('Samlokaliserade i samma lokaler').check();
  await page.getByRole('button', { name: 'Spara profil' }).click();
  await expect(page.getByText('Stockholm')).toBeVisible();
  await expect(page.getByText('Samlokaliserade i samma lokaler')).toBeVisible();

  await page.getByRole('link', { name: 'Starta ny omgång' }).click();
  await page.getByRole('button', { name: 'Starta omgången' }).click();
  await expect(page.getByText('Fyll i fältet.')).toBeVisible();
  await expect(page.getByLabel('Rubrik')).toBeFocused();
  await page.getByLabel('Rubrik').fill('Avstämning');
  await page.getByLabel('Datum').fill('2026-03-12');
  await expect(page.getByLabel('Period')).toHaveValue('VT 2026');
  await page.getByRole('button', { name: 'Lägg till deltagare' }).click();
  await page.getByLabel('Namn').last().fill('Anna');
  await page.getByLabel('Verksamhet eller roll').last().fill('BVC');
  await page.getByRole('button', { name: 'Starta omgången' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Avstämning' })).toBeVisible();

  await page.getByRole('link', { name: 'Familjecentralen Årsta' }).click();
  const round = page.getByTestId('round-list').getByRole('listitem').first();
  await expect(round).toContainText('VT 2026');
  await expect(round).toContainText('1 deltagare');
  await round.getByRole('link', { name: 'Redigera' }).click();
  await page.getByLabel('Rubrik').fill('Avstämning 15 maj');
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(round.getByRole('heading')).toHaveText('Avstämning 15 maj');

  await round.getByRole('button', { name: 'Markera som klar' }).click();
  // Nothing is answered yet: the app asks first and says how many.
  const ask = page.getByRole('dialog', { name: 'Markera omgången som klar?' });
  await expect(ask).toContainText(/\d+ påståenden är obesvarade/);
  await ask.getByRole('button', { name: 'Markera som klar' }).click();
  await expect(round).toContainText('Klar');
  await expect(round.getByRole('link', { name: 'Öppna' })).toBeVisible();
  await round.getByRole('button', { name: 'Öppna igen' }).click();
  await expect(round).toContainText('Pågår');
});

test('the language switch changes every text and is remembered', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoStart();
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a family centre' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a family centre' })).toBeVisible();
  await page.getByRole('link', { name: 'Add a family centre' }).click();
  await page.getByLabel('Name').fill('Fittja Family Centre');
  await page.getByRole('button', { name: 'Create family centre' }).click();
  await page.getByRole('link', { name: 'Start a new round' }).click();
  await page.getByLabel('Title').fill('Spring');
  await page.getByRole('button', { name: 'Start the round' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Goal 1:/ })).toBeVisible();
  await expect(page.getByRole('radio', { name: /^4 Established and working well/ }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Byt till svenska' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Mål 1:/ })).toBeVisible();
});

test('the start page lists the centres before the database code arrives, which is fetched only after load', async ({ browser }) => {
  // No service worker, so that every request goes through the route below.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const app = new AppPage(page);
  await app.gotoStart();
  await app.createCentre({ name: 'Familjecentralen Alby' });

  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let asked = 0;
  // Dexie and the repository (the chunk named after src/db/database.ts) are held back.
  await page.route(/\/assets\/database-[^/]*\.js$/, async (route) => {
    asked += 1;
    await held;
    await route.continue();
  });
  await page.goto('/');
  await expect(page.getByTestId('centre-list').getByRole('link', { name: /Familjecentralen Alby/ })).toBeVisible();
  await expect(page.getByText('Laddar…')).toBeHidden();
  expect(asked).toBe(1);

  release();
  const fetchedAt = await page.evaluate(async () => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    let entry: PerformanceEntry | undefined;
    while (!(entry = performance.getEntriesByType('resource').find((candidate) => /\/assets\/database-[^/]*\.js$/.test(candidate.name)))) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { start: entry.startTime, load: navigation?.loadEventStart ?? 0 };
  });
  expect(fetchedAt.start).toBeGreaterThanOrEqual(fetchedAt.load);
  // Once it is here the page works as ever: the list is live and the centre opens.
  await page.getByTestId('centre-list').getByRole('link', { name: /Familjecentralen Alby/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Familjecentralen Alby' })).toBeVisible();
  await context.close();
});
