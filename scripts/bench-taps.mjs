// Tap → committed, timed inside the page, against a raw IndexedDB transaction doing the same work
// (read the answer by round and item, write it, write the round's position) in the same run,
// interleaved A B A B, at growing numbers of rounds in the centre. Used by bench.mjs.

/** Runs in the page before the app: records when each write transaction commits, long tasks and taps. */
export function instrumentPage() {
  window.__commits = [];
  window.__longTasks = [];
  window.__txStarts = [];
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (...args) {
    const tx = transaction.apply(this, args);
    if (tx.mode === 'readwrite' && this.name === 'familjecentral') {
      window.__txStarts.push(performance.now());
      tx.addEventListener('complete', () => window.__commits.push(performance.now()));
    }
    return tx;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('pointerdown', () => {
    window.__tapAt = performance.now();
    // The first frame after the tap: Chromium hands IndexedDB's answers to the page only after it,
    // so where a tap falls in the 60 Hz frame is part of both figures and must be the same in both.
    window.__frameAt = undefined;
    requestAnimationFrame(() => (window.__frameAt = performance.now()));
  }, true);
  document.addEventListener('change', () => (window.__changeAt = performance.now()), true);
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

/**
 * The raw baseline, set up in the app's page: two radio buttons outside the app whose `change`
 * runs one readwrite transaction doing a tap's work (read the answer by round and item, write it,
 * read and write the round with the position) in a database of its own. That database is a copy of
 * the app's `rounds` and `answers` stores, with the same indexes and the same records (at 1000
 * rounds, 35,000 answers), and the raw taps answer the open round's own statements: the same work on
 * the same data, not on an empty store with one index. Tapped with the same real pointer as the app,
 * so that input dispatch and Playwright's pointer round trip are in both figures.
 */
async function installRawTarget({ roundId, itemIds }) {
  if (document.getElementById('bench-raw')) return;
  const request = (open) => new Promise((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const app = await request(indexedDB.open('familjecentral'));
  const read = app.transaction(['rounds', 'answers'], 'readonly');
  const stores = ['rounds', 'answers'].map((name) => {
    const store = read.objectStore(name);
    const indexes = [...store.indexNames].map((index) => {
      const { keyPath, unique, multiEntry } = store.index(index);
      return { index, keyPath, unique, multiEntry };
    });
    return { name, keyPath: store.keyPath, indexes, records: request(store.getAll()) };
  });
  for (const store of stores) store.records = await store.records;
  app.close();
  indexedDB.deleteDatabase('bench-raw');
  const open = indexedDB.open('bench-raw', 1);
  open.onupgradeneeded = () => {
    for (const { name, keyPath, indexes } of stores) {
      const store = open.result.createObjectStore(name, { keyPath });
      for (const { index, keyPath: path, unique, multiEntry } of indexes) store.createIndex(index, path, { unique, multiEntry });
    }
  };
  const raw = await request(open);
  const write = raw.transaction(['rounds', 'answers'], 'readwrite');
  for (const { name, records } of stores) for (const record of records) write.objectStore(name).put(record);
  await new Promise((resolve) => (write.oncomplete = resolve));
  window.__rawDatabase = raw;

  const box = document.createElement('fieldset');
  box.id = 'bench-raw';
  box.style.cssText = 'position:fixed;right:0;bottom:0;z-index:99999;display:flex;gap:8px;margin:0;padding:4px;background:#fff';
  let n = 0;
  for (const value of ['a', 'b']) {
    const label = document.createElement('label');
    label.style.cssText = 'display:block;width:44px;height:44px';
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'bench-raw';
    input.value = value;
    input.addEventListener('change', () => {
      n += 1;
      const tx = window.__rawDatabase.transaction(['answers', 'rounds'], 'readwrite');
      const itemId = itemIds[n % itemIds.length];
      const get = tx.objectStore('answers').index('[roundId+itemId]').get([roundId, itemId]);
      get.onsuccess = () => {
        const now = new Date().toISOString();
        tx.objectStore('answers').put({ ...(get.result ?? { id: crypto.randomUUID(), roundId, itemId, note: '' }), value: 1 + (n % 4), updatedAt: now });
        const round = tx.objectStore('rounds').get(roundId);
        round.onsuccess = () => tx.objectStore('rounds').put({ ...round.result, updatedAt: now, position: { goalId: 'g', itemId } });
      };
      tx.oncomplete = () => (window.__rawDone = performance.now());
    });
    label.append(input);
    box.append(label);
  }
  document.body.append(box);
}

/**
 * Brings `target` into view and taps its middle with the real pointer. App and raw taps take the same
 * steps before the press (Playwright's scroll waits for steady animation frames, then a bounding box and
 * one evaluate), so that both presses land at the same point of the display's 60 Hz frame: otherwise
 * the tap that falls earlier in the frame waits longer for the frame Chromium draws before it hands
 * IndexedDB's answer to the page, and that wait would be counted against it.
 */
async function tap(page, target, beforePress) {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  await page.evaluate(beforePress);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** One raw tap: pointerdown → the raw transaction's `complete`. */
async function rawTap(page, n) {
  await tap(page, page.locator('#bench-raw label').nth(n % 2), () => (window.__rawDone = undefined));
  await page.waitForFunction(() => window.__rawDone !== undefined, undefined, { timeout: 10_000 });
  await page.waitForTimeout(150);
  return page.evaluate(() => ({ ms: window.__rawDone - window.__tapAt, toFrame: window.__frameAt - window.__tapAt }));
}

/**
 * One tap with the real pointer on a scale option (so the focus write happens too); resolves once the
 * header says saved and the writes have settled: tap → last commit, the number of write
 * transactions, the longest task, and whether "Sparat" showed before the answer's commit.
 */
async function appTap(page, card, option) {
  const target = page.locator('article[data-item-id]').nth(card).locator('label.scale__option').nth(option);
  await tap(page, target, () => {
    window.__savedMarks = [];
    const status = document.querySelector('[data-testid="save-status"]');
    window.__saveObserver?.disconnect();
    window.__saveObserver = new MutationObserver(() => {
      if (status.classList.contains('save-status--saved')) window.__savedMarks.push(performance.now());
    });
    window.__saveObserver.observe(status, { attributes: true, subtree: true, childList: true, characterData: true });
  });
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
    const txStart = window.__txStarts.find((t) => t >= t0) ?? NaN;
    return { ms: last - t0, writes: commits.length, longest, early: commits.length === 0, toFrame: window.__frameAt - t0, toChange: window.__changeAt - t0, toTx: txStart - t0 };
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
    const roundId = new URL(page.url()).pathname.split('/')[4];
    const itemIds = await page.locator('article[data-item-id]').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-item-id')));
    await page.evaluate(installRawTarget, { roundId, itemIds });
    await page.waitForFunction(() => window.__rawDatabase !== undefined);
    const app = [];
    const raw = [];
    for (let n = 0; n < taps; n++) {
      // Each pass over the cards picks the next level, so every tap changes an answer (a tap on the
      // level already chosen writes nothing but the position, later).
      app.push(await appTap(page, n % cards, Math.floor(n / cards) % 4));
      raw.push(await rawTap(page, n));
    }
    rows.push({ rounds, app, raw });
    await context.close();
  }
  return rows;
}
