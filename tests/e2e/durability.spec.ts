import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { chromiumArgs, resolveChromium } from './support/browser';

async function openBrowser(userDataDir: string, baseURL: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: await resolveChromium(),
    args: chromiumArgs,
    baseURL,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1024, height: 768 },
  });
}

test('a browser closed right after a tap keeps that answer and note', async ({ baseURL }) => {
  const userDataDir = await mkdtemp(join(tmpdir(), 'fc-durability-'));
  try {
    let context = await openBrowser(userDataDir, baseURL ?? '');
    let page = context.pages()[0] ?? (await context.newPage());
    let app = new AppPage(page);
    await app.gotoStart();
    await app.createCentre({ name: 'Familjecentralen Ekerö' });
    await app.createRound('Avstämning HT 2026');
    await app.answer(0, 4);
    await app.item(1).getByLabel('Anteckning').fill('Sista anteckningen innan locket stängdes.');
    await app.answer(1, 3);
    // The moment the status says saved, the whole browser goes away.
    await app.expectSaved();
    await context.close();

    context = await openBrowser(userDataDir, baseURL ?? '');
    page = context.pages()[0] ?? (await context.newPage());
    app = new AppPage(page);
    await app.gotoStart();
    await page.getByRole('link', { name: /Familjecentralen Ekerö/ }).click();
    await page.getByRole('link', { name: 'Fortsätt' }).click();
    await expect(app.item(0).getByRole('radio', { name: /^4 / })).toBeChecked();
    await expect(app.item(1).getByRole('radio', { name: /^3 / })).toBeChecked();
    await expect(app.item(1).getByLabel('Anteckning')).toHaveValue('Sista anteckningen innan locket stängdes.');
    await context.close();
  } finally {
    await rm(userDataDir, { recursive: true, force: true });
  }
});
