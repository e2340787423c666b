import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { waitForServiceWorker } from './support/fixtures';

const NOTES = ['Öppet för alla utan remiss.', 'Broschyr finns på tre språk.', 'Föräldragrupper varje termin.'];

test.describe('the working group fills in the instrument', () => {
  test('answers and notes of goal 1 survive a reload, and no request leaves the local server', async ({ page, baseURL }) => {
    const foreign: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(baseURL ?? '') && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
    });
    const app = new AppPage(page);
    await app.gotoStart();
    await app.createCentre({ name: 'Familjecentralen Fittja', municipality: 'Botkyrka', services: ['Barnhälsovård (BVC)', 'Öppen förskola'] });
    await app.createRound('Avstämning VT 2026', '2026-05-10');
    await expect(page.getByRole('heading', { level: 2, name: /^Mål 1:/ })).toBeVisible();

    const count = await app.itemCount();
    expect(count).toBeGreaterThanOrEqual(5);
    const choices = [1, 2, 3, 4, 'Vet inte', 'Inte aktuellt'] as const;
    for (let i = 0; i < count; i++) {
      await app.answer(i, choices[i % choices.length] ?? 1);
      await app.writeNote(i, NOTES[i % NOTES.length] ?? '');
    }
    await page.getByLabel('Sammanfattning och reflektion för målet').fill('Vi har kommit långt med det öppna utbudet.');
    await page.getByLabel('Sammanfattning och reflektion för målet').blur();
    await app.expectSaved();
    await expect(page.getByText(`${String(count)} av ${String(count)} besvarade`, { exact: true })).toBeVisible();

    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: /^Mål 1:/ })).toBeVisible();
    for (let i = 0; i < count; i++) {
      const choice = choices[i % choices.length] ?? 1;
      const name = typeof choice === 'number' ? new RegExp(`^${String(choice)} `) : choice;
      await expect(app.item(i).getByRole('radio', { name })).toBeChecked();
      await expect(app.item(i).getByLabel('Anteckning')).toHaveValue(NOTES[i % NOTES.length] ?? '');
    }
    await expect(page.getByLabel('Sammanfattning och reflektion för målet')).toHaveValue('Vi har kommit långt med det öppna utbudet.');
    await expect(page.getByText(`Totalt ${String(count)} av 41 besvarade`)).toBeVisible();
    expect(foreign).toEqual([]);
  });

  test('offline: the app and its data load from the device, and answering still saves', async ({ page, context }) => {
    const app = new AppPage(page);
    await app.gotoStart();
    await waitForServiceWorker(page);
    await app.createCentre({ name: 'Familjecentralen Tullinge' });
    await app.createRound('Offline-omgång');
    await app.answer(0, 2);
    await app.expectSaved();

    await context.setOffline(true);
    await expect(page.getByText('Ingen nätverksanslutning')).toBeVisible();
    // (Chromium's emulation reports navigator.onLine as true again in a reloaded document, so the
    // indicator is checked before the reload; the requests after it do fail without the worker.)
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Offline-omgång' })).toBeVisible();
    await expect(app.item(0).getByRole('radio', { name: /^2 / })).toBeChecked();

    await app.answer(1, 4);
    await app.writeNote(1, 'Skrivet utan nät.');
    await app.expectSaved();
    // Views that were never opened online come from the precache too.
    await page.getByRole('link', { name: 'Mål 3' }).click();
    await expect(page.getByRole('heading', { level: 2, name: /^Mål 3:/ })).toBeVisible();
    await page.goto('/about');
    await expect(page.getByRole('heading', { name: 'Lagring på enheten' })).toBeVisible();

    await page.goto('/');
    await page.getByRole('link', { name: /Familjecentralen Tullinge/ }).click();
    await expect(page.getByText('2 av 41 påståenden besvarade')).toBeVisible();
    await page.reload();
    await expect(page.getByText('2 av 41 påståenden besvarade')).toBeVisible();
  });

  test('opened in a new page offline, the questionnaire is drawn whole in its first paint, never "Laddar…" first', async ({ page, context }) => {
    const app = new AppPage(page);
    await app.gotoStart();
    await waitForServiceWorker(page);
    await app.createCentre({ name: 'Familjecentralen Alby' });
    await app.createRound('Första målningen');
    await app.answer(0, 3);
    await app.expectSaved();
    const url = page.url();
    await context.setOffline(true);

    await context.addInitScript(() => {
      const seen = { loading: false, header: false, radioAt: Number.NaN };
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      const observer = new MutationObserver(() => {
        if (document.querySelector('main')?.textContent?.includes('Laddar…')) seen.loading = true;
        // The header drawn with nothing under it yet.
        if (document.querySelector('header') && !document.querySelector('main h1')) seen.header = true;
        if (Number.isNaN(seen.radioAt) && document.querySelector('article[data-item-id] input[type="radio"]')) seen.radioAt = performance.now();
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    });
    const fresh = await context.newPage();
    await fresh.goto(url);
    await expect(fresh.getByRole('heading', { level: 1, name: 'Första målningen' })).toBeVisible();
    await expect(new AppPage(fresh).item(0).getByRole('radio', { name: /^3 / })).toBeChecked();
    await expect(fresh.getByRole('link', { name: 'Familjecentralen Alby' })).toBeVisible();
    const seen = await fresh.evaluate(() => ({
      ...(window as unknown as { __seen: { loading: boolean; header: boolean; radioAt: number } }).__seen,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    }));
    expect(seen.loading).toBe(false);
    expect(seen.header).toBe(false);
    // The statements were in the page before anything was painted.
    expect(seen.radioAt).toBeLessThanOrEqual(seen.fcp);
  });

  test('the group resumes exactly where it left off', async ({ page }) => {
    const app = new AppPage(page);
    await app.gotoStart();
    await app.createCentre({ name: 'Familjecentralen Skärholmen' });
    await app.createRound('Höstens avstämning');
    await page.getByRole('link', { name: 'Mål 2' }).click();
    await app.answer(0, 3);
    await app.answer(1, 3);
    await app.answer(2, 2);
    const third = await app.item(2).getAttribute('data-item-id');
    await app.expectSaved();

    await page.goto('/');
    await page.getByRole('link', { name: /Familjecentralen Skärholmen/ }).click();
    await page.getByRole('link', { name: 'Fortsätt' }).click();
    await expect(page.getByRole('heading', { level: 2, name: /^Mål 2:/ })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`#item-${third ?? ''}$`));
    await expect(page.locator(`article[data-item-id="${third ?? ''}"]`)).toBeFocused();
    await expect(page.locator(`article[data-item-id="${third ?? ''}"]`)).toBeInViewport();

    await page.getByRole('button', { name: 'Gå till första obesvarade' }).click();
    await expect(page.getByRole('heading', { level: 2, name: /^Mål 1:/ })).toBeVisible();
    await expect(page).toHaveURL(/#item-g1-/);
  });

  test('a goal can be marked not relevant this round and then counts as done', async ({ page }) => {
    const app = new AppPage(page);
    await app.gotoStart();
    await app.createCentre({ name: 'Familjecentralen Vällingby' });
    await app.createRound('Vårens avstämning');
    await page.getByRole('link', { name: 'Mål 3' }).click();
    await page.getByLabel('Målet är inte aktuellt för oss i den här omgången').check();
    await expect(page.getByText('Målet är markerat som inte aktuellt')).toBeVisible();
    await expect(page.getByRole('link', { name: /Mål 3.*Inte aktuellt/ })).toBeVisible();
    const items = await app.items().count();
    await expect(page.getByText(`Totalt ${String(items)} av 41 besvarade`)).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Målet är inte aktuellt för oss i den här omgången')).toBeChecked();
  });
});
