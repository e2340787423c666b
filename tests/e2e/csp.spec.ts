import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { headerContentSecurityPolicy } from '../../security.config.ts';
import { allItems, asUpload, exportFile } from './support/exportFiles';
import { waitForServiceWorker } from './support/fixtures';

interface Violation {
  directive: string;
  blocked: string;
  source: string;
}

declare global {
  interface Window {
    cspViolations: Violation[];
  }
}

const ALL = ['bmm', 'bvc', 'openPreschool', 'socialServices'] as const;

const file = exportFile({
  name: 'Familjecentralen Policy',
  services: ALL,
  coLocation: 'co-located',
  exportedAt: '2026-05-20T14:00:00.000Z',
  rounds: [
    { title: 'Hösten 2025', date: '2025-10-08', period: 'HT 2025', ratings: { 'goal-1': allItems(2), 'goal-2': allItems(3), 'goal-3': allItems(2), 'goal-4': allItems(1), 'goal-5': allItems(2) } },
    { title: 'Våren 2026', date: '2026-04-22', period: 'VT 2026', ratings: { 'goal-1': allItems(3), 'goal-2': allItems(4), 'goal-3': allItems(3), 'goal-4': allItems(2), 'goal-5': allItems(3) } },
  ],
});

/** Every canvas on the page has drawn pixels (a chart that failed under the policy stays blank). */
async function expectChartsDrawn(page: Page, atLeast: number): Promise<void> {
  await expect(page.locator('canvas')).not.toHaveCount(0);
  await expect
    .poll(() =>
      page.locator('canvas').evaluateAll((canvases) =>
        canvases.filter((canvas) => {
          const context = (canvas as HTMLCanvasElement).getContext('2d');
          if (!context || canvas.clientWidth === 0) return false;
          const { data } = context.getImageData(0, 0, (canvas as HTMLCanvasElement).width, (canvas as HTMLCanvasElement).height);
          for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) return true;
          return false;
        }).length,
      ),
    )
    .toBeGreaterThanOrEqual(atLeast);
}

async function violations(page: Page): Promise<Violation[]> {
  return page.evaluate(() => window.cspViolations);
}

test('the Content-Security-Policy holds on every view: no violation, the service worker active and the charts drawn', async ({ page, request }) => {
  test.setTimeout(180_000);
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push({ directive: event.effectiveDirective, blocked: event.blockedURI, source: `${event.sourceFile}:${String(event.lineNumber)}` });
    });
  });

  // The policy as the server sends it and as the page carries it.
  const response = await request.get('/');
  const header = response.headers()['content-security-policy'] ?? '';
  for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:", "worker-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) {
    expect(header, 'the header').toContain(directive);
  }
  expect(header).toBe(headerContentSecurityPolicy);
  // The README shows production servers the same header.
  expect(readFileSync(new URL('../../README.md', import.meta.url), 'utf8')).toContain(`Content-Security-Policy: ${headerContentSecurityPolicy}\n`);
  expect(header).not.toContain('unsafe-inline');
  expect(header).not.toContain('unsafe-eval');
  await page.goto('/');
  const meta = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
  expect(meta).toContain("default-src 'self'");
  expect(meta).not.toContain('frame-ancestors');
  expect(await page.locator('script:not([src])').count(), 'inline scripts').toBe(0);

  await waitForServiceWorker(page);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state)).toBe('activated');

  await page.getByRole('link', { name: 'Importera från fil' }).click();
  await page.getByLabel('Välj exportfil (.json)').setInputFiles(asUpload('policy.json', file));
  await page.getByRole('button', { name: 'Importera' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  expect(await violations(page)).toEqual([]);

  const centre = `/centres/${file.centre.id}`;
  const round = `${centre}/rounds/${file.rounds[1]?.id ?? ''}`;
  const views: { path: string; ready: (page: Page) => Promise<void> }[] = [
    { path: '/', ready: (p) => expect(p.getByRole('heading', { level: 1, name: 'Välj familjecentral' })).toBeVisible() },
    { path: centre, ready: (p) => expect(p.getByRole('heading', { level: 1, name: 'Familjecentralen Policy' })).toBeVisible() },
    { path: `${centre}/edit`, ready: (p) => expect(p.getByRole('heading', { level: 1, name: 'Redigera profil' })).toBeVisible() },
    { path: '/centres/new', ready: (p) => expect(p.getByRole('heading', { level: 1, name: 'Ny familjecentral' })).toBeVisible() },
    { path: `${centre}/rounds/new`, ready: (p) => expect(p.getByRole('heading', { level: 1, name: 'Ny omgång' })).toBeVisible() },
    { path: `${round}/edit`, ready: (p) => expect(p.getByRole('heading', { level: 1, name: 'Redigera omgång' })).toBeVisible() },
    { path: round, ready: (p) => expect(p.getByRole('heading', { level: 1, name: 'Våren 2026' })).toBeVisible() },
    { path: `${round}/goals/goal-3`, ready: (p) => expect(p.locator('h2.goal-heading')).toContainText('Mål 3') },
    { path: `${round}/goals/goal-1/individual`, ready: (p) => expect(p.getByRole('heading', { level: 1, name: 'Individuella bedömningar' })).toBeVisible() },
    { path: `${round}/results`, ready: (p) => expectChartsDrawn(p, 1) },
    { path: `${round}/report`, ready: (p) => expectChartsDrawn(p, 1) },
    { path: `${centre}/compare`, ready: (p) => expectChartsDrawn(p, 4) },
    { path: `${centre}/present?slide=2`, ready: (p) => expectChartsDrawn(p, 1) },
    { path: '/import', ready: (p) => expect(p.getByLabel('Välj exportfil (.json)')).toBeAttached() },
    { path: '/instruments', ready: (p) => expect(p.locator('h1')).toBeVisible() },
    { path: '/about', ready: (p) => expect(p.getByRole('heading', { level: 2, name: 'Lagring på enheten' })).toBeVisible() },
    { path: '/accessibility', ready: (p) => expect(p.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' })).toBeVisible() },
    { path: '/privacy', ready: (p) => expect(p.getByRole('heading', { level: 1, name: 'Personuppgifter och lagring' })).toBeVisible() },
    { path: '/no-such-page', ready: (p) => expect(p.getByText('Sidan finns inte.')).toBeVisible() },
  ];
  for (const view of views) {
    await test.step(view.path, async () => {
      await page.goto(view.path);
      await view.ready(page);
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'served by the service worker').toBe(true);
      expect(await violations(page), view.path).toEqual([]);
    });
  }

  await test.step('the coordinator, with a centre to compare', async () => {
    await page.goto('/coordinator');
    await page.getByLabel('Välj exportfiler').setInputFiles([asUpload('policy.json', file)]);
    await expect(page.getByTestId('centre-comparison')).toBeVisible();
    await expectChartsDrawn(page, 1);
    expect(await violations(page)).toEqual([]);
  });

  await test.step('a chart downloaded as PNG', async () => {
    await page.goto(`${centre}/compare`);
    await expectChartsDrawn(page, 4);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /Ladda ned som PNG/ }).first().click();
    expect((await download).suggestedFilename()).toMatch(/\.png$/);
    expect(await violations(page)).toEqual([]);
  });
  expect(console, 'policy messages in the console').toEqual([]);
});
