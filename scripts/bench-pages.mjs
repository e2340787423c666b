// The pages that grow with the data: a centre's page, a round's results and the comparison at 100
// and 1000 rounds, and the coordinator at 50 and 200 centres. Seeded straight into IndexedDB (or
// through the coordinator's file input) in the app's record shapes, never through the forms; timed
// inside the page from the in-app navigation until the view is drawn. Used by bench.mjs.
import { exportFile, instrumentInfo } from './bench-data.mjs';
import { instrumentPage } from './bench-taps.mjs';

/** Writes a centre with `rounds` complete rounds (every statement answered) into the app's database. */
export async function seedCentre(page, { name, rounds }) {
  return page.evaluate(async ({ name, rounds, info }) => {
    const open = indexedDB.open('familjecentral');
    const database = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const now = '2026-11-01T10:00:00.000Z';
    const centreId = crypto.randomUUID();
    const tx = database.transaction(['centres', 'rounds', 'answers', 'reflections'], 'readwrite');
    tx.objectStore('centres').put({ id: centreId, name, municipality: 'Stockholm', district: name, services: ['bmm', 'bvc', 'openPreschool', 'socialServices'], otherServices: '', coLocation: 'near', createdAt: now, updatedAt: now });
    const roundIds = [];
    for (let r = 0; r < rounds; r++) {
      const id = crypto.randomUUID();
      roundIds.push(id);
      // Dated a few days apart, oldest first, so that every round has its own date.
      const date = new Date(Date.UTC(2000, 0, 1) + r * 5 * 86_400_000).toISOString().slice(0, 10);
      tx.objectStore('rounds').put({ id, centreId, title: `Avstämning ${r + 1}`, date, period: `${date.slice(5, 7) < '07' ? 'VT' : 'HT'} ${date.slice(0, 4)}`, participants: [{ id: crypto.randomUUID(), name: 'Anna', role: 'BVC' }], instrumentId: info.id, instrumentVersion: info.version, status: 'complete', completedAt: now, createdAt: now, updatedAt: now });
      info.itemIds.forEach((itemId, i) => {
        tx.objectStore('answers').put({ id: crypto.randomUUID(), roundId: id, itemId, value: 1 + ((i + r) % 4), note: i % 7 === 0 ? 'Vi har en gemensam rutin.' : '', updatedAt: now });
      });
      info.goalIds.forEach((goalId) => tx.objectStore('reflections').put({ id: crypto.randomUUID(), roundId: id, goalId, notRelevant: false, note: 'Reflektion.', updatedAt: now }));
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    database.close();
    return { centreId, roundIds };
  }, { name, rounds, info: instrumentInfo });
}

/**
 * An in-app navigation to `path` (what a link does), timed in the page until the new view's
 * heading is there, nothing says "Laddar…", `canvases` charts exist and two frames are drawn;
 * with the longest task in between.
 */
export function timeView(page, path, canvases = 0) {
  return page.evaluate(async ({ path, canvases }) => {
    const root = document.querySelector('#app') ?? document.body;
    const before = root.querySelector('h1');
    const ready = () => {
      const heading = root.querySelector('h1');
      if (!heading || heading === before) return false;
      if ([...root.querySelectorAll('[role="status"]')].some((node) => /Laddar/.test(node.textContent ?? ''))) return false;
      return root.querySelectorAll('canvas').length >= canvases;
    };
    const start = performance.now();
    history.pushState({}, '', path);
    dispatchEvent(new PopStateEvent('popstate'));
    await new Promise((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`${path}: not drawn in 120 s`)), 120_000);
      const observer = new MutationObserver(() => {
        if (!ready()) return;
        observer.disconnect();
        clearTimeout(timeout);
        resolve();
      });
      observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
    });
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const end = performance.now();
    const longest = Math.max(0, ...window.__longTasks.filter((task) => task.start + task.duration >= start && task.start <= end).map((task) => task.duration));
    return { ms: end - start, longest };
  }, { path, canvases });
}

/** The JS heap still in use after a garbage collection, in MB (Chromium's own count, over CDP). */
export async function heapMb(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1_048_576;
}

/** Goes to a light page first, so that every timed navigation starts from the same screen. */
async function reset(page, origin) {
  await page.goto(`${origin}/about`);
  await page.locator('h1').waitFor();
}

/**
 * A centre's page, the newest round's results and the comparison (the two newest rounds, as it
 * opens) at each size in `sizes`; sizes are interleaved A B A B within each run. One page per size.
 */
export async function benchViews({ browser, origin, sizes, runs }) {
  const setups = [];
  for (const rounds of sizes) {
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
    await context.addInitScript(instrumentPage);
    const page = await context.newPage();
    await reset(page, origin);
    const { centreId, roundIds } = await seedCentre(page, { name: `Bench ${rounds}`, rounds });
    setups.push({ rounds, context, page, cdp: await context.newCDPSession(page), centreId, roundIds });
  }
  const views = [
    { name: 'centre page', path: ({ centreId }) => `/centres/${centreId}`, canvases: 0 },
    { name: 'round results', path: ({ centreId, roundIds }) => `/centres/${centreId}/rounds/${roundIds[roundIds.length - 1]}/results`, canvases: 1 },
    { name: 'compare', path: ({ centreId }) => `/centres/${centreId}/compare`, canvases: 3 },
  ];
  const rows = [];
  for (const view of views) {
    const figures = new Map(setups.map((setup) => [setup.rounds, { times: [], longest: 0, heap: 0 }]));
    for (let run = 0; run < runs; run++) {
      for (const setup of setups) {
        await reset(setup.page, origin);
        const { ms, longest } = await timeView(setup.page, view.path(setup), view.canvases);
        const figure = figures.get(setup.rounds);
        figure.times.push(ms);
        figure.longest = Math.max(figure.longest, longest);
        if (run === runs - 1) figure.heap = await heapMb(setup.cdp);
      }
    }
    rows.push({ view: view.name, figures });
  }
  for (const setup of setups) await setup.context.close();
  return rows;
}

/** Loads `centres` generated export files × `rounds` rounds into a new coordinator workspace. */
async function coordinatorWith(browser, origin, centres, rounds) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  await context.addInitScript(instrumentPage);
  const page = await context.newPage();
  await page.goto(`${origin}/coordinator`);
  const files = Array.from({ length: centres }, (_, i) => exportFile({ name: `Familjecentral ${String(i + 1).padStart(3, '0')}`, rounds }));
  await page.getByLabel('Välj exportfiler').setInputFiles(
    files.map((file, i) => ({ name: `centre-${i}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) })),
  );
  await page.getByTestId('import-report').locator(':scope > li').nth(centres - 1).waitFor({ timeout: 300_000 });
  return { centres, context, page, cdp: await context.newCDPSession(page) };
}

/** The coordinator's overview at each number of centres, interleaved A B A B. */
export async function benchCoordinator({ browser, origin, sizes, rounds, runs }) {
  const setups = [];
  for (const centres of sizes) setups.push(await coordinatorWith(browser, origin, centres, rounds));
  const figures = new Map(setups.map((setup) => [setup.centres, { times: [], longest: 0, heap: 0 }]));
  for (let run = 0; run < runs; run++) {
    for (const setup of setups) {
      await reset(setup.page, origin);
      const { ms, longest } = await timeView(setup.page, '/coordinator', 1);
      const figure = figures.get(setup.centres);
      figure.times.push(ms);
      figure.longest = Math.max(figure.longest, longest);
      if (run === runs - 1) figure.heap = await heapMb(setup.cdp);
    }
  }
  for (const setup of setups) await setup.context.close();
  return figures;
}
