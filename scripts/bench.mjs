#!/usr/bin/env node
// Timings of the working group's journey in real Chromium against the production build (dist/).
//   npm run build && npm run bench            (npm run bench -- --quick: fewer taps and sizes)
// Taps are timed in the page (pointerdown → the write transaction's `complete`) with the real pointer,
// against a raw IndexedDB transaction doing the same work, interleaved, at 1, 100 and 1000 rounds.
// Prints figures only: time on a shared CI machine is too noisy to fail on.
// Measured in the page with performance.now(), so Playwright's own round trips are not counted.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { exportFile } from './bench-data.mjs';
import { benchTaps } from './bench-taps.mjs';
import { chromiumArgs, resolveChromium } from './chromium.mjs';
import { serveDist } from './serve-dist.mjs';

const QUICK = process.argv.includes('--quick');
const RUNS = QUICK ? 3 : 5;

if (!existsSync('dist/index.html')) {
  console.error('No production build: run `npm run build` first.');
  process.exit(1);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmt = (ms) => `${ms.toFixed(1)} ms`;
const p95 = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
};

/**
 * Median time of an in-app navigation from the start screen to `path` (as a link click would do it,
 * without a page load), until `ready` resolves and two frames have been drawn.
 */
async function timeNavigation(page, path, ready) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto(`${ORIGIN}/`);
    await page.locator('h1').waitFor();
    const start = await page.evaluate(() => performance.now());
    await page.evaluate((url) => {
      history.pushState({}, '', url);
      dispatchEvent(new PopStateEvent('popstate'));
    }, path);
    await ready();
    times.push(await page.evaluate((t) => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t)))), start));
  }
  return median(times);
}

const server = await serveDist('dist');
const ORIGIN = server.origin;
const browser = await chromium.launch({ executablePath: await resolveChromium(), args: chromiumArgs });

try {
  const results = [];

  // 0. Taps at growing sizes, each against the raw baseline in the same page.
  const tapRows = await benchTaps({ browser, origin: ORIGIN, sizes: QUICK ? [1, 100] : [1, 100, 1000], taps: QUICK ? 12 : 30 });
  console.log('tap → committed, in the page; raw = one IndexedDB transaction doing the same work, interleaved');
  console.log('rounds      n   app median    app p95   raw median    raw p95   p95 ratio  writes/tap  longest task  saved early');
  for (const { rounds, app, raw } of tapRows) {
    const a = app.map((tap) => tap.ms);
    const writes = app.reduce((sum, tap) => sum + tap.writes, 0) / app.length;
    console.log(
      `${String(rounds).padStart(6)} ${String(app.length).padStart(6)} ${fmt(median(a)).padStart(12)} ${fmt(p95(a)).padStart(10)} ${fmt(median(raw)).padStart(12)} ${fmt(p95(raw)).padStart(10)} ${(p95(a) / p95(raw)).toFixed(2).padStart(10)}× ${writes.toFixed(2).padStart(11)} ${fmt(Math.max(...app.map((tap) => tap.longest))).padStart(13)} ${String(app.filter((tap) => tap.early).length).padStart(12)}`,
    );
  }
  console.log('');
  if (QUICK) {
    console.log(`Chromium ${browser.version()}, --quick: the journey below is left out`);
    process.exitCode = 0;
  }

  if (!QUICK) {
  // 1. First visit: navigation start to the first screen's heading, empty cache, no service worker.
  const firstScreen = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/`);
    await page.locator('h1').waitFor();
    firstScreen.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  results.push(['first screen, cold (navigation → heading)', median(firstScreen)]);

  // 2. One tap to a committed IndexedDB write, then answering a whole instrument.
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/`);
  await page.getByRole('link', { name: 'Lägg till familjecentral' }).click();
  await page.getByLabel('Namn').fill('Bench');
  await page.getByRole('button', { name: 'Skapa familjecentral' }).click();
  await page.getByRole('link', { name: 'Starta ny omgång' }).click();
  await page.getByLabel('Rubrik').fill('Bench');
  await page.getByRole('button', { name: 'Starta omgången' }).click();
  await page.locator('article[data-item-id]').first().waitFor();

  const tapTimes = [];
  const goals = await page.locator('nav.goal-nav a').count();
  for (let g = 0; g < goals; g++) {
    await page.locator('nav.goal-nav a').nth(g).click();
    await page.locator(`h2.goal-heading`).filter({ hasText: `${g + 1}:` }).waitFor();
    const items = await page.locator('article[data-item-id]').count();
    for (let i = 0; i < items; i++) {
      const ms = await page.evaluate(
        (index) =>
          new Promise((resolve) => {
            const status = document.querySelector('[data-testid="save-status"]');
            const radio = document.querySelectorAll('article[data-item-id]')[index].querySelectorAll('input[type="radio"]')[(index % 4)];
            let sawSaving = false;
            const start = performance.now();
            const observer = new MutationObserver(() => {
              if (status.classList.contains('save-status--saving')) sawSaving = true;
              else if (sawSaving && status.classList.contains('save-status--saved')) {
                observer.disconnect();
                resolve(performance.now() - start);
              }
            });
            observer.observe(status, { attributes: true, subtree: true, childList: true, characterData: true });
            radio.click();
          }),
        i,
      );
      tapTimes.push(ms);
    }
  }
  results.push([`tap → saved (median of ${tapTimes.length} answers)`, median(tapTimes)]);
  results.push(['tap → saved (slowest)', Math.max(...tapTimes)]);

  // 3. Reopening a fully answered round: navigation to the last statement card on screen.
  const roundUrl = page.url().split('/goals/')[0];
  const reopen = await timeNavigation(page, new URL(roundUrl).pathname, () => page.locator('article[data-item-id]').last().waitFor());
  results.push(['open a fully answered round (in-app navigation)', reopen]);

  // 4. Comparing 20 rounds: 19 more rounds are written straight into the app's database, then the
  //    comparison view computes every score and draws all four charts.
  const centreId = new URL(roundUrl).pathname.split('/')[2];
  const allRoundIds = await page.evaluate(async (centre) => {
    const open = indexedDB.open('familjecentral');
    const database = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const read = database.transaction(['rounds', 'answers'], 'readonly');
    const rounds = await new Promise((resolve) => {
      const request = read.objectStore('rounds').getAll();
      request.onsuccess = () => resolve(request.result);
    });
    const template = rounds.find((r) => r.centreId === centre);
    const answers = await new Promise((resolve) => {
      const request = read.objectStore('answers').index('roundId').getAll(template.id);
      request.onsuccess = () => resolve(request.result);
    });
    const write = database.transaction(['rounds', 'answers'], 'readwrite');
    const ids = [template.id];
    for (let n = 1; n < 20; n++) {
      const id = crypto.randomUUID();
      ids.push(id);
      const year = 2016 + Math.floor(n / 2);
      write.objectStore('rounds').put({ ...template, id, title: `Omgång ${n}`, date: `${year}-${n % 2 ? '10' : '04'}-15`, period: `${n % 2 ? 'HT' : 'VT'} ${year}` });
      for (const answer of answers) {
        write.objectStore('answers').put({ ...answer, id: crypto.randomUUID(), roundId: id, value: 1 + ((n + answer.itemId.length) % 4) });
      }
    }
    await new Promise((resolve) => (write.oncomplete = resolve));
    database.close();
    return ids;
  }, centreId);
  const compareTime = await timeNavigation(page, `/centres/${centreId}/compare?rounds=${allRoundIds.join(',')}`, () => page.locator('canvas').nth(3).waitFor());
  results.push(['compare 20 rounds: compute + render 4 charts', compareTime]);
  await context.close();

  // 5. Importing a 10 MB export (Playwright's own file transfer into the page is not counted:
  //    the clock starts when the page has the file). (300 rounds with long notes) into an empty device.
  const big = JSON.stringify(exportFile({ name: 'Bench 10 MB', rounds: 300, noteLength: 900 }));
  const importContext = await browser.newContext({ serviceWorkers: 'block' });
  const importPage = await importContext.newPage();
  await importPage.goto(`${ORIGIN}/import`);
  await importPage.locator('input[type="file"]').waitFor();
  await importPage.evaluate(() => {
    const input = document.querySelector('input[type="file"]');
    input.addEventListener('change', () => (window.__benchPicked = performance.now()), { capture: true, once: true });
  });
  await importPage.locator('input[type="file"]').setInputFiles({ name: 'bench.json', mimeType: 'application/json', buffer: Buffer.from(big) });
  await importPage.getByTestId('import-preview').waitFor({ timeout: 120_000 });
  results.push([`import ${(Buffer.byteLength(big) / 1_048_576).toFixed(1)} MB: read + validate + preview`, await importPage.evaluate(() => performance.now() - window.__benchPicked)]);
  let t0 = Date.now();
  await importPage.getByRole('button', { name: 'Importera' }).click();
  await importPage.getByTestId('import-done').waitFor({ timeout: 120_000 });
  results.push(['import 10 MB: write 12,000 records (one transaction)', Date.now() - t0]);

  // Baseline for the figure above: the same number of plain IndexedDB puts, no Dexie, one index.
  const baseline = await importPage.evaluate(async () => {
    const database = await new Promise((resolve) => {
      const request = indexedDB.open('bench-baseline', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('a', { keyPath: 'id' }).createIndex('roundId', 'roundId');
      request.onsuccess = () => resolve(request.result);
    });
    const note = 'x'.repeat(900);
    const start = performance.now();
    const tx = database.transaction('a', 'readwrite');
    for (let i = 0; i < 12_000; i++) tx.objectStore('a').put({ id: String(i), roundId: `r${i % 300}`, note });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    return performance.now() - start;
  });
  results.push(['baseline: 12,000 raw IndexedDB puts, this browser', baseline]);

  // 6. The coordinator's comparison of 50 centres × 10 rounds.
  const files = Array.from({ length: 50 }, (_, i) => exportFile({ name: `Familjecentral ${String(i + 1).padStart(2, '0')}`, rounds: 10 }));
  await importPage.goto(`${ORIGIN}/coordinator`);
  await importPage.getByLabel('Välj exportfiler').setInputFiles(
    files.map((file, i) => ({ name: `centre-${i}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) })),
  );
  await importPage.getByTestId('import-report').locator(':scope > li').nth(49).waitFor({ timeout: 120_000 });
  const coordinatorTime = await timeNavigation(importPage, '/coordinator', async () => {
    await importPage.getByTestId('centre-comparison').locator('tbody tr').nth(49).waitFor({ timeout: 60_000 });
    await importPage.locator('canvas').first().waitFor();
  });
  results.push(['coordinator: 50 centres × 10 rounds, table + charts', coordinatorTime]);
  await importContext.close();

  console.log(`Chromium ${browser.version()}, ${RUNS} runs where repeated\n`);
  for (const [label, ms] of results) console.log(`${label.padEnd(52)} ${fmt(ms)}`);
  }
} finally {
  await browser.close();
  await server.close();
}
