import { defineConfig } from '@playwright/test';
import { chromiumArgs, resolveChromium } from './tests/e2e/support/browser';

// `playwright install` cannot download browsers on these machines: launch a system Chromium
// or the one shipped in @sparticuz/chromium (see tests/e2e/support/browser.ts).
// Top-level await is fine: package.json has "type": "module", so this file loads as ESM.
const executablePath = await resolveChromium();

const isCI = Boolean(process.env.CI);
// E2E_PORT lets several checkouts run their browser tests side by side without sharing a server.
const port = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: isCI ? 1 : 0,
  forbidOnly: isCI,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    browserName: 'chromium',
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: chromiumArgs,
    },
  },
  // Serves the production build in dist/ (made beforehand by `npm test` / `npm run build`).
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: baseURL,
    reuseExistingServer: !isCI,
    timeout: 60_000,
  },
  projects: [
    {
      // Default journeys: `npm run test:e2e` runs only this project.
      name: 'e2e',
      testIgnore: '**/screenshots.spec.ts',
      use: { viewport: { width: 1024, height: 768 }, hasTouch: true },
    },
    {
      // Only via `npm run screenshots` (playwright test --project=screenshots).
      name: 'screenshots',
      testMatch: '**/screenshots.spec.ts',
      use: { viewport: { width: 1024, height: 768 }, hasTouch: true },
    },
  ],
});
