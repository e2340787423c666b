import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { preview, type PreviewServer } from 'vite';
import { AppPage } from './pages/AppPage';
import { waitForServiceWorker } from './support/fixtures';

// Beside the main server's port (E2E_PORT), so checkouts running side by side never meet.
const PORT = Number(process.env.E2E_PORT ?? 4173) + 7;
const ORIGIN = `http://127.0.0.1:${String(PORT)}`;

/** Serves one build folder on the fixed origin, so two builds share IndexedDB and the worker scope. */
async function serve(outDir: string): Promise<PreviewServer> {
  return preview({
    configFile: false,
    root: process.cwd(),
    logLevel: 'silent',
    build: { outDir },
    preview: { host: '127.0.0.1', port: PORT, strictPort: true },
  });
}

test.describe('updating the app', () => {
  test.describe.configure({ timeout: 180_000 });

  test.beforeAll(() => {
    // The current build (dist/) is the old version; a second build with another id is the new one.
    if (!existsSync('dist/index.html')) throw new Error('Run `npm run build` before the browser tests.');
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
      env: { ...process.env, APP_BUILD_ID: 'update-test', APP_OUT_DIR: 'dist-next' },
      stdio: 'inherit',
    });
  });

  test('a new version is offered, not forced, and keeps every answer and offline use', async ({ page, context }) => {
    let server = await serve('dist');
    try {
      const app = new AppPage(page);
      await page.goto(`${ORIGIN}/`);
      await waitForServiceWorker(page);
      await app.createCentre({ name: 'Familjecentralen Uppdatering' });
      await app.createRound('Före uppdateringen');
      await app.answer(0, 4);
      await app.answer(1, 'Vet inte');
      await app.writeNote(0, 'Skrivet i den gamla versionen.');
      await app.expectSaved();
      const roundUrl = page.url();

      await server.close();
      server = await serve('dist-next');

      // The open page learns about the new worker on its next navigation and asks first.
      await page.reload();
      const prompt = page.getByTestId('update-prompt');
      await expect(prompt).toBeVisible({ timeout: 30_000 });
      await expect(prompt).toContainText('En ny version av appen finns.');
      // Accepting activates the waiting worker, which reloads the page under the new version.
      const reloaded = page.waitForEvent('load');
      await prompt.getByRole('button', { name: 'Ladda om' }).click();
      await reloaded;
      await expect(prompt).toBeHidden();
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');

      await page.goto(`${ORIGIN}/about`);
      await expect(page.getByText(/Version .*\(update-test\)/)).toBeVisible();
      await page.goto(roundUrl);
      await expect(app.item(0).getByRole('radio', { name: /^4 / })).toBeChecked();
      await expect(app.item(1).getByRole('radio', { name: 'Vet inte' })).toBeChecked();
      await expect(app.item(0).getByLabel('Anteckning')).toHaveValue('Skrivet i den gamla versionen.');

      // The new version works offline as well, from its own precache.
      await context.setOffline(true);
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: 'Före uppdateringen' })).toBeVisible();
      await app.answer(2, 3);
      await app.expectSaved();
      await page.goto(`${ORIGIN}/about`);
      await expect(page.getByText(/Version .*\(update-test\)/)).toBeVisible();
      await context.setOffline(false);
    } finally {
      await server.close();
    }
  });
});
