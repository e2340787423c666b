// Tap → committed, timed inside the page, against a raw IndexedDB transaction doing the same work
// (read the answer by round and item, write it, write the round's position) in the same run,
// interleaved A B A B, at growing numbers of rounds in the centre. Used by bench.mjs.

/** Runs in the page before the app: records when each write transaction commits, long tasks and taps. */
export function instrumentPage() {
  window.__commits = [];
  window.__longTasks = [];
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (...args) {
    const tx = transaction.apply(this, args);
    if (tx.mode === 'readwrite' && this.name === 'familjecentral') tx.addEventListener('complete', () => window.__commits.push(performance.now()));
    return tx;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('pointerdown', () => (window.__tapAt = performance.now()), true);
}

/** Adds `extra` rounds with a full set of answers to the centre, straight into the app's database. */
async function seedRounds(page, centreId, extra) {
  if (extra <= 0) return;
  await page.evaluate(async ({ centre, extra }) => {
    const open = indexedDB.open('familjecentral');
    const database = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const read = database.transaction(['rounds'], 'readonly');
    const rounds = await new Promise((resolve) => {
      const request = read.objectStore('rounds').getAll();
      request.onsuccess = () => resolve(request.result);
    });
    const template = rounds.find((r) => r.centreId === centre);
    const write = database.transaction(['rounds', 'answers'], 'readwrite');
    for (let n = 1; n <= extra; n++) {
      const id = crypto.randomUUID();
      const year = 2000 + Math.floor(n / 12) % 25;
      write.objectStore('rounds').put({ ...template, id, title: `Omgång ${n}`, status: 'complete', date: `${year}-${String((n % 12) + 1).padStart(2, '0')}-10` });
      for (let i = 0; i < 35; i++) {
        write.objectStore('answers').put({ id: crypto.randomUUID(), roundId: id, itemId: `seed-${i}`, value: 1 + (i % 4), note: '', updatedAt: template.updatedAt });
      }
    }
    await new Promise((resolve) => (write.oncomplete = resolve));
    database.close();
  }, { centre: centreId, extra });
}

/** The raw baseline: one readwrite transaction doing a tap's work, timed from start to `complete`. */
function rawTap(n) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('bench-raw', 1);
    open.onupgradeneeded = () => {
      const answers = open.result.createObjectStore('answers', { keyPath: 'id' });
      answers.createIndex('[roundId+itemId]', ['roundId', 'itemId']);
      open.result.createObjectStore('rounds', { keyPath: 'id' });
    };
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const database = open.result;
      const start = performance.now();
      const tx = database.transaction(['answers', 'rounds'], 'readwrite');
      const itemId = `item-${n % 35}`;
      const get = tx.objectStore('answers').index('[roundId+itemId]').get(['r', itemId]);
      get.onsuccess = () => {
        const now = new Date().toISOString();
        tx.objectStore('answers').put({ ...(get.result ?? { id: crypto.randomUUID(), roundId: 'r', itemId, note: '' }), value: 1 + (n % 4), updatedAt: now });
        const round = tx.objectStore('rounds').get('r');
        round.onsuccess = () => tx.objectStore('rounds').put({ ...(round.result ?? { id: 'r' }), updatedAt: now, position: { goalId: 'g', itemId } });
      };
      tx.oncomplete = () => {
        database.close();
        resolve(performance.now() - start);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/**
 * One tap with the real pointer on a scale option (so the focus write happens too); resolves once the
 * header says saved and the writes have settled: tap → last commit, the number of write
 * transactions, the longest task, and whether "Sparat" showed before the answer's commit.
 */
async function appTap(page, card, option) {
  const target = page.locator('article[data-item-id]').nth(card).locator('label.scale__option').nth(option);
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  await page.evaluate(() => {
    window.__savedMarks = [];
    const status = document.querySelector('[data-testid="save-status"]');
    window.__saveObserver?.disconnect();
    window.__saveObserver = new MutationObserver(() => {
      if (status.classList.contains('save-status--saved')) window.__savedMarks.push(performance.now());
    });
    window.__saveObserver.observe(status, { attributes: true, subtree: true, childList: true, characterData: true });
  });
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(
    () => window.__commits.some((t) => t >= window.__tapAt) && document.querySelector('[data-testid="save-status"]').classList.contains('save-status--saved'),
    undefined,
    { timeout: 10_000 },
  );
  await page.waitForTimeout(150);
  return page.evaluate(() => {
    const t0 = window.__tapAt;
    // The position is written 800 ms after the last tap (POSITION_DELAY_MS), on its own: the answer's
    // commit is the last one before the header says saved; a later one belongs to the position.
    const saved = window.__savedMarks.filter((t) => t >= t0);
    const savedAt = saved.length > 0 ? Math.min(...saved) : Infinity;
    const commits = window.__commits.filter((t) => t >= t0 && t <= savedAt);
    const last = commits.length > 0 ? Math.max(...commits) : Math.min(...window.__commits.filter((t) => t >= t0));
    const longest = Math.max(0, ...window.__longTasks.filter((task) => task.start + task.duration >= t0).map((task) => task.duration));
    return { ms: last - t0, writes: commits.length, longest, early: commits.length === 0 };
  });
}

/** Tap figures at each size in `sizes` (rounds in the centre), `taps` app taps and as many raw ones. */
export async function benchTaps({ browser, origin, sizes, taps }) {
  const rows = [];
  for (const rounds of sizes) {
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1024, height: 768 } });
    await context.addInitScript(instrumentPage);
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.getByRole('link', { name: 'Lägg till familjecentral' }).click();
    await page.getByLabel('Namn').fill('Bench');
    await page.getByRole('button', { name: 'Skapa familjecentral' }).click();
    await page.getByRole('link', { name: 'Starta ny omgång' }).click();
    await page.getByLabel('Rubrik').fill('Bench');
    await page.getByLabel('Datum').fill('2026-11-20');
    await page.getByRole('button', { name: 'Starta omgången' }).click();
    await page.locator('article[data-item-id]').first().waitFor();
    const centreId = new URL(page.url()).pathname.split('/')[2];
    await seedRounds(page, centreId, rounds - 1);
    await page.reload();
    await page.locator('article[data-item-id]').first().waitFor();
    const cards = await page.locator('article[data-item-id]').count();
    const app = [];
    const raw = [];
    for (let n = 0; n < taps; n++) {
      app.push(await appTap(page, n % cards, (n + Math.floor(n / cards)) % 4));
      raw.push(await page.evaluate(rawTap, n));
    }
    rows.push({ rounds, app, raw });
    await context.close();
  }
  return rows;
}
