// Import of generated export files (1 MB, 10 MB and the largest the app accepts) against raw
// IndexedDB writes of the same records in one transaction into the same stores and indexes,
// interleaved app, raw, app, raw. Timed in the page. Used by bench.mjs.
import { exportFile } from './bench-data.mjs';
import { instrumentPage } from './bench-taps.mjs';

/** A file of about `bytes` bytes: rounds with long notes, grown until it is big enough. */
export function fileOfSize(bytes, name = 'Bench import') {
  const perRound = Buffer.byteLength(JSON.stringify(exportFile({ name, rounds: 1, noteLength: 600 })));
  let rounds = Math.max(1, Math.floor(bytes / perRound));
  let text = JSON.stringify(exportFile({ name, rounds, noteLength: 600 }));
  while (Buffer.byteLength(text) > bytes && rounds > 1) {
    rounds -= Math.max(1, Math.ceil((Buffer.byteLength(text) - bytes) / perRound));
    text = JSON.stringify(exportFile({ name, rounds, noteLength: 600 }));
  }
  const file = JSON.parse(text);
  return { text, rounds, records: 1 + file.rounds.length + file.answers.length + file.reflections.length };
}

/** The app: pick the file (→ preview drawn), then a real pointer tap on "Importera" (→ done drawn). */
async function appImport(browser, origin, text) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(instrumentPage);
  const page = await context.newPage();
  await page.goto(`${origin}/import`);
  const input = page.locator('input[type="file"]');
  await input.waitFor({ state: 'attached' });
  await page.evaluate(() => {
    const waitFor = (testId, key) => {
      const observer = new MutationObserver(() => {
        if (document.querySelector(`[data-testid="${testId}"]`)) {
          window[key] = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { childList: true, subtree: true });
    };
    document.querySelector('input[type="file"]').addEventListener('change', () => (window.__picked = performance.now()), { capture: true, once: true });
    waitFor('import-preview', '__previewAt');
    waitFor('import-done', '__doneAt');
  });
  await input.setInputFiles({ name: 'bench.json', mimeType: 'application/json', buffer: Buffer.from(text) }, { timeout: 300_000 });
  await page.waitForFunction(() => window.__previewAt !== undefined || document.querySelector('[role="alert"]'), undefined, { timeout: 300_000, polling: 100 });
  if (!(await page.evaluate(() => window.__previewAt !== undefined))) throw new Error(`the file was refused: ${(await page.locator('main').innerText()).slice(0, 300)}`);
  const button = page.getByRole('button', { name: 'Importera', exact: true });
  const box = await button.boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(() => window.__doneAt !== undefined, undefined, { timeout: 300_000, polling: 100 });
  const figures = await page.evaluate(() => ({ preview: window.__previewAt - window.__picked, write: window.__doneAt - window.__tapAt }));
  return { page, context, figures };
}

/** The raw baseline in the same page: the file's records put into the app's stores and indexes, one transaction. */
function rawImport(text) {
  return new Promise((resolve, reject) => {
    const file = JSON.parse(text);
    indexedDB.deleteDatabase('bench-raw-import');
    const open = indexedDB.open('bench-raw-import', 1);
    open.onupgradeneeded = () => {
      const db = open.result;
      const centres = db.createObjectStore('centres', { keyPath: 'id' });
      for (const index of ['name', 'updatedAt', 'deletedAt']) centres.createIndex(index, index);
      const rounds = db.createObjectStore('rounds', { keyPath: 'id' });
      for (const index of ['centreId', 'updatedAt', 'deletedAt']) rounds.createIndex(index, index);
      rounds.createIndex('[centreId+date]', ['centreId', 'date']);
      const answers = db.createObjectStore('answers', { keyPath: 'id' });
      answers.createIndex('roundId', 'roundId');
      answers.createIndex('[roundId+itemId]', ['roundId', 'itemId'], { unique: true });
      const reflections = db.createObjectStore('reflections', { keyPath: 'id' });
      reflections.createIndex('roundId', 'roundId');
      reflections.createIndex('[roundId+goalId]', ['roundId', 'goalId'], { unique: true });
    };
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const start = performance.now();
      const tx = db.transaction(['centres', 'rounds', 'answers', 'reflections'], 'readwrite');
      tx.objectStore('centres').put(file.centre);
      for (const round of file.rounds) tx.objectStore('rounds').put(round);
      for (const answer of file.answers) tx.objectStore('answers').put(answer);
      for (const reflection of file.reflections) tx.objectStore('reflections').put(reflection);
      tx.oncomplete = () => {
        db.close();
        resolve(performance.now() - start);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** A file over the limit: how long until the refusal is drawn, and whether it names size and limit. */
async function refusal(browser, origin, bytes) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${origin}/import`);
  const input = page.locator('input[type="file"]');
  await input.waitFor({ state: 'attached' });
  await input.setInputFiles({ name: 'too-big.json', mimeType: 'application/json', buffer: Buffer.alloc(bytes, 32) }, { timeout: 300_000 });
  const alert = page.getByText('Filen är för stor', { exact: false });
  await alert.first().waitFor({ timeout: 60_000 });
  const message = (await alert.first().textContent()) ?? '';
  await context.close();
  return message.trim();
}

/** App and raw import at each size in `sizes` (bytes), `runs` times each, interleaved. */
export async function benchImport({ browser, origin, sizes, runs, tooLarge }) {
  const rows = [];
  for (const { label, bytes, runs: times = runs } of sizes) {
    const { text, records } = fileOfSize(bytes);
    const row = { label, bytes: Buffer.byteLength(text), records, preview: [], write: [], raw: [] };
    for (let run = 0; run < times; run++) {
      const { page, context, figures } = await appImport(browser, origin, text);
      row.preview.push(figures.preview);
      row.write.push(figures.write);
      row.raw.push(await page.evaluate(rawImport, text));
      await context.close();
    }
    rows.push(row);
  }
  const refused = tooLarge ? await refusal(browser, origin, tooLarge) : undefined;
  return { rows, refused };
}
