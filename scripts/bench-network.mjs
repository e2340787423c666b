#!/usr/bin/env node
// Scale run of the network (issue 16): 250 centres × 4 hand-ins pushed to the CouchDB stand-in and
// pulled into one coordinator workspace in real Chromium, against importing the same files by hand.
//   npm run build && npm run bench -- --only=network     (alone: node scripts/bench-network.mjs --centres=N)
// The hand-ins are real: sealed by the app's own domain code (loaded through Vite), so the pull runs
// the full import validation with every hash. Prints figures only (a shared machine is too noisy to fail on).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer as createVite } from 'vite';
import { exportFile } from './bench-data.mjs';
import { chromiumArgs, resolveChromium } from './chromium.mjs';
import { PROXY_PATH, serveApp, startCouch, validateFunction } from './network-server.mjs';

const HAND_INS = 4;
const ADMIN = { name: 'admin', password: 'admin' };
const AUTH = `Basic ${Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64')}`;
const DEADLINES = ['check-in-spring', 'check-in-autumn'];

async function couch(url, method, path, body) {
  const response = await fetch(`${url}${path}`, { method, headers: { authorization: AUTH, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  if (!response.ok) throw new Error(`${method} ${path}: ${String(response.status)} ${await response.text()}`);
  return response.json();
}

const bytesOf = (value) => Buffer.byteLength(JSON.stringify(value));

/** `count` centres × 4 hand-ins, sealed by the app's domain code, each as the outbox sends it. */
async function sealHandIns(count) {
  const vite = await createVite({ server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'error' });
  try {
    const load = (path) => vite.ssrLoadModule(path);
    const [{ upgradeToCurrent }, { buildCheckIn }, { sealHandIn }, { forCoordinator }, { buildHandInDoc }, { parseInstrument }] = await Promise.all([
      load('/src/domain/exchange/upgrade.ts'),
      load('/src/domain/cycle/checkIn.ts'),
      load('/src/domain/cycle/handIn.ts'),
      load('/src/domain/exchange/coordinator.ts'),
      load('/src/domain/network/network.ts'),
      load('/src/domain/instrument.ts'),
    ]);
    const instrument = parseInstrument((await load('/src/instrument/default-instrument.json')).default);
    const centres = [];
    let trimmedBytes = 0;
    for (let c = 0; c < count; c++) {
      const upgraded = upgradeToCurrent(exportFile({ name: `Familjecentral ${String(c + 1).padStart(3, '0')}`, rounds: HAND_INS }));
      if (!upgraded.ok) throw new Error('bench file does not upgrade');
      const file = upgraded.data;
      const docs = [];
      const handIns = [];
      file.rounds.forEach((round, index) => {
        const document = buildCheckIn({
          centre: file.centre,
          round,
          answers: file.answers.filter((a) => a.roundId === round.id),
          reflections: file.reflections.filter((r) => r.roundId === round.id),
          instrument,
          previous: undefined,
          actions: [],
          localItems: [],
          asOf: file.exportedAt,
        });
        handIns.push(sealHandIn(document, { centreId: file.centre.id, deadlineId: DEADLINES[index % 2], year: Number(round.date.slice(0, 4)), roundId: round.id, sequence: 1, sealedAt: `${round.date}T12:00:00.000Z` }));
        // Each hand-in carries the centre's file as it was when it was sent: the hand-ins so far.
        const sent = forCoordinator({ ...file, exportedAt: `${round.date}T12:00:01.000Z`, handIns: [...handIns] });
        const doc = buildHandInDoc(handIns[handIns.length - 1], sent);
        docs.push(doc);
        // What a document would weigh with only this hand-in's round in it (not sent: see the README).
        const own = (list) => list.filter((entry) => entry.roundId === round.id);
        trimmedBytes += bytesOf({ ...doc, file: { ...sent, rounds: [round], answers: own(sent.answers), reflections: own(sent.reflections), ratingSpread: own(sent.ratingSpread), handIns: [handIns[handIns.length - 1]] } });
      });
      centres.push({ db: `fc-bench-${String(c + 1).padStart(3, '0')}`, docs });
    }
    return { centres, trimmedBytes };
  } finally {
    await vite.close();
  }
}

/**
 * Seals `centres` × 4 hand-ins, pushes them to a fresh stand-in (one `_bulk_docs` per hand-in, as the
 * outbox sends), pulls them into one coordinator's workspace through the app's feed, and imports the
 * same hand-ins as files in another context. The files are written to a temporary folder and picked
 * by path (Playwright passes at most 50 MB of files from memory); the folder is removed afterwards.
 */
export async function benchNetwork({ browser, centres: count = 250 }) {
  let t0 = Date.now();
  const { centres, trimmedBytes } = await sealHandIns(count);
  const sealMs = Date.now() - t0;
  const docs = centres.flatMap((centre) => centre.docs);
  const docBytes = docs.reduce((sum, doc) => sum + bytesOf(doc), 0);

  // The server: one database per centre with _security and the validate function, as provision() does.
  const server = await startCouch();
  const folder = mkdtempSync(join(tmpdir(), 'fc-bench-network-'));
  let app;
  const contexts = [];
  try {
    await fetch(`${server.url}/_config/admins/${ADMIN.name}`, { method: 'PUT', body: JSON.stringify(ADMIN.password) });
    for (const { db } of centres) {
      await couch(server.url, 'PUT', `/${db}`);
      await couch(server.url, 'PUT', `/${db}/_security`, { admins: { names: [], roles: [] }, members: { names: [], roles: [`centre-${db}`, 'coordinator'] } });
      await couch(server.url, 'PUT', `/${db}/_design/network`, { validate_doc_update: validateFunction(`centre-${db}`) });
    }
    await couch(server.url, 'PUT', '/_users/org.couchdb.user:samordnare', { name: 'samordnare', password: 'samordnare', roles: ['coordinator'], type: 'user' });

    // Push: every centre's hand-ins, one _bulk_docs per hand-in as the outbox sends them, four centres at a time.
    t0 = Date.now();
    const queue = [...centres];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let centre = queue.shift(); centre; centre = queue.shift()) {
          for (const doc of centre.docs) await couch(server.url, 'POST', `/${centre.db}/_bulk_docs`, { docs: [doc] });
        }
      }),
    );
    const pushMs = Date.now() - t0;

    app = await serveApp({ couchUrl: server.url, networkJson: { address: PROXY_PATH, databases: centres.map(({ db }) => ({ db })) } });
    const newPage = async () => {
      const context = await browser.newContext({ baseURL: app.origin, serviceWorkers: 'block' });
      contexts.push(context);
      return context.newPage();
    };
    const listed = (page) => page.evaluate(() => document.querySelectorAll('.workspace-list tr[data-centre-id]').length);

    // Pull: the coordinator's page follows every database until all centres are in the workspace.
    const pullPage = await newPage();
    await pullPage.goto('/about');
    await pullPage.getByTestId('network-json').click();
    await pullPage.getByTestId('network-message').waitFor();
    await pullPage.getByTestId('network-coordinator-user').fill('samordnare');
    await pullPage.getByTestId('network-coordinator-password').fill('samordnare');
    await pullPage.getByTestId('network-save-coordinator').click();
    await pullPage.getByTestId('network-login-saved').waitFor();
    t0 = Date.now();
    await pullPage.goto('/coordinator');
    await pullPage.waitForFunction((n) => document.querySelectorAll('.workspace-list tr[data-centre-id]').length >= n, count, { timeout: 1_200_000, polling: 500 });
    const pullMs = Date.now() - t0;
    const pulled = await listed(pullPage);

    // The same hand-ins as files: every document's file, picked at once on the coordinator's page.
    const paths = docs.map((doc, i) => {
      const path = join(folder, `${String(i + 1).padStart(4, '0')}.json`);
      writeFileSync(path, JSON.stringify(doc.file));
      return path;
    });
    const filePage = await newPage();
    await filePage.goto('/coordinator');
    const input = filePage.locator('input[type="file"]');
    await input.waitFor({ state: 'attached' });
    t0 = Date.now();
    await input.setInputFiles(paths);
    await filePage.getByTestId('import-report').waitFor({ timeout: 1_200_000 });
    await filePage.waitForFunction((n) => document.querySelectorAll('.workspace-list tr[data-centre-id]').length >= n, count, { timeout: 1_200_000, polling: 500 });
    const fileMs = Date.now() - t0;
    const imported = await listed(filePage);

    return { centres: count, handIns: docs.length, sealMs, docBytes, trimmedBytes, firstDocBytes: bytesOf(docs[0]), lastDocBytes: bytesOf(docs[HAND_INS - 1]), pushMs, pullMs, pulled, fileMs, imported, files: paths.length };
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
    await app?.close();
    await server.dispose();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The figures as lines, for bench.mjs and for a run on its own. */
export function networkLines(f) {
  const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
  return [
    `${f.handIns} hand-ins of ${f.centres} centres, ${(f.docBytes / 1_048_576).toFixed(1)} MB of documents (${(f.docBytes / f.handIns / 1024).toFixed(1)} KB each), sealed in ${s(f.sealMs)}`,
    `one document: ${(f.firstDocBytes / 1024).toFixed(1)} KB with the centre's first hand-in, ${(f.lastDocBytes / 1024).toFixed(1)} KB with its fourth (the file so far); with only its own round it would be ${(f.trimmedBytes / f.handIns / 1024).toFixed(1)} KB on average`,
    `push to ${f.centres} databases (one _bulk_docs per hand-in, 4 at a time): ${s(f.pushMs)}`,
    `pull into the coordinator's workspace (${f.pulled} centres listed): ${s(f.pullMs)}`,
    `import the same ${f.files} files by hand (${f.imported} centres listed): ${s(f.fileMs)}`,
    `pull / files: ${(f.pullMs / f.fileMs).toFixed(2)}×; push + pull / files: ${((f.pushMs + f.pullMs) / f.fileMs).toFixed(2)}×`,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!existsSync('dist/index.html')) {
    console.error('No production build: run `npm run build` first.');
    process.exit(1);
  }
  const centres = Number(process.argv.find((arg) => arg.startsWith('--centres='))?.split('=')[1] ?? 250);
  const browser = await chromium.launch({ executablePath: await resolveChromium(), args: chromiumArgs });
  try {
    for (const line of networkLines(await benchNetwork({ browser, centres }))) console.log(line);
  } finally {
    await browser.close();
  }
}
