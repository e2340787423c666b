// Lighthouse mobile (its default: a mid-range phone, simulated slow 4G and a 4× slower CPU) on the
// production build: the start page on a first visit (storage cleared, as Lighthouse does by default)
// and a questionnaire with data (ten complete rounds, the newest opened; storage kept). Lighthouse
// drives the same Chromium as the rest of the bench, over its debugging port. Used by bench.mjs;
// BENCH_LIGHTHOUSE_DETAILS=1 also prints the long tasks and the script boot-up times of each run.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { seedCentre } from './bench-pages.mjs';
import { chromiumArgs, resolveChromium } from './chromium.mjs';

/** A TCP port nobody listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** One Lighthouse run: the performance score (0–1) and the metrics behind it. */
async function audit(lighthouse, url, port, keepStorage) {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
    disableStorageReset: keepStorage,
  });
  const { lhr } = result;
  if (process.env.BENCH_LIGHTHOUSE_DETAILS) {
    for (const id of ['long-tasks', 'bootup-time', 'mainthread-work-breakdown']) {
      console.log(id, JSON.stringify((lhr.audits[id]?.details?.items ?? []).slice(0, 12).map((item) => Object.fromEntries(Object.entries(item).filter(([, v]) => typeof v !== 'object')))));
    }
  }
  const metric = (id) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    score: lhr.categories.performance.score ?? Number.NaN,
    fcp: metric('first-contentful-paint'),
    lcp: metric('largest-contentful-paint'),
    tbt: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift'),
  };
}

/** `runs` Lighthouse runs of each page: { page: [figures per run] }. */
export async function benchLighthouse({ origin, runs }) {
  const { default: lighthouse } = await import('lighthouse');
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'bench-lighthouse-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: await resolveChromium(),
    args: [...chromiumArgs, `--remote-debugging-port=${port}`],
  });
  try {
    const start = [];
    for (let run = 0; run < runs; run++) start.push(await audit(lighthouse, `${origin}/`, port, false));

    // Data for the questionnaire, in the same profile Lighthouse then opens it in.
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${origin}/about`);
    await page.locator('h1').waitFor();
    const { centreId, roundIds } = await seedCentre(page, { name: 'Lighthouse', rounds: 10 });
    const url = `${origin}/centres/${centreId}/rounds/${roundIds[roundIds.length - 1]}/goals/goal-1`;
    await page.goto(url);
    await page.locator('article[data-item-id]').first().waitFor();
    await page.goto('about:blank');
    const questionnaire = [];
    for (let run = 0; run < runs; run++) questionnaire.push(await audit(lighthouse, url, port, true));
    return { start, questionnaire };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
