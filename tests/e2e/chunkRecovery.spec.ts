import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

// A page's code that does not arrive (a connection dropped mid-fetch on a first visit, a server
// updated while the tab was open) must not leave a blank page: the app loads the page anew once,
// and says so with a button when that does not help either.
const CENTRE_VIEW = /\/assets\/CentreView-[^/]*\.js$/;

test('a view whose code fails to arrive once is loaded anew at the same address, and then works', async ({ browser }) => {
  // No service worker: on a first visit every request goes to the network, through the route below.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const app = new AppPage(page);
  await app.gotoStart();
  await app.createCentre({ name: 'Familjecentralen Svajig lina' });
  const centreUrl = page.url();
  await page.goto('/');

  let refused = 0;
  await page.route(CENTRE_VIEW, async (route) => {
    if (refused === 0) {
      refused += 1;
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  await page.getByTestId('centre-list').getByRole('link', { name: /Familjecentralen Svajig lina/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Familjecentralen Svajig lina' })).toBeVisible();
  expect(refused).toBe(1);
  expect(page.url()).toBe(centreUrl);
  // It came by a new page load, not by the same page trying again (which Chromium would refuse).
  expect(await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.name)).toBe(centreUrl);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await context.close();
});

test('a view whose code never arrives says so, once, with a button that loads it when the line is back', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const app = new AppPage(page);
  await app.gotoStart();
  await app.createCentre({ name: 'Familjecentralen Avbrott' });
  const centreUrl = page.url();

  let refused = 0;
  await page.route(CENTRE_VIEW, async (route) => {
    refused += 1;
    await route.abort('internetdisconnected');
  });
  await page.goto(centreUrl);
  const alert = page.getByRole('alert').filter({ hasText: 'Sidan kunde inte laddas' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Inget av det ni har sparat går förlorat');
  // One reload was tried, and no loop follows.
  const tries = refused;
  expect(tries).toBeGreaterThanOrEqual(2);
  await page.waitForTimeout(1500);
  expect(refused).toBe(tries);

  await page.unroute(CENTRE_VIEW);
  await alert.getByRole('button', { name: 'Ladda om sidan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Familjecentralen Avbrott' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await context.close();
});
