#!/usr/bin/env node
// Scale run of the network (issue 16): 250 centres × 4 hand-ins pushed to the CouchDB stand-in and
// pulled into one coordinator workspace in real Chromium, against importing the same files by hand.
//   npm run build && node scripts/bench-network.mjs     (--centres=N to change the 250)
// The hand-ins are real: sealed by the app's own domain code (loaded through Vite), so the pull runs
// the full import validation with every hash. Prints figures only (a shared machine is too noisy to fail on).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { createServer as createVite } from 'vite';
import { exportFile } from './bench-data.mjs';
import { chromiumArgs, resolveChromium } from './chromium.mjs';
import { PROXY_PATH, serveApp, startCouch, validateFunction } from './network-server.mjs';

const CENTRES = Number(process.argv.find((arg) => arg.startsWith('--centres='))?.split('=')[1] ?? 250);
const HAND_INS = 4;
const ADMIN = { name: 'admin', password: 'admin' };
const AUTH = `Basic ${Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64')}`;

if (!existsSync('dist/index.html')) {
  console.error('No production build: run `npm run build` first.');
  process.exit(1);
}

async function couch(url, method, path, body) {
  const response = await fetch(`${url}${path}`, { method, headers: { authorization: AUTH, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  if (!response.ok) throw new Error(`${method} ${path}: ${String(response.status)} ${await response.text()}`);
  return response.json();
}

// 1. The hand-ins, sealed by the app's domain code.
const vite = await createVite({ server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'error' });
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
const DEADLINES = ['check-in-spring', 'check-in-autumn'];

let t0 = Date.now();
const centres = [];
for (let c = 0; c < CENTRES; c++) {
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
    docs.push(buildHandInDoc(handIns[handIns.length - 1], sent));
  });
  centres.push({ db: `fc-bench-${String(c + 1).padStart(3, '0')}`, docs });
}
await vite.close();
const docBytes = centres.reduce((sum, c) => sum + c.docs.reduce((s, d) => s + Buffer.byteLength(JSON.stringify(d)), 0), 0);
console.log(`sealed ${String(CENTRES * HAND_INS)} hand-ins of ${String(CENTRES)} centres (${(docBytes / 1_048_576).toFixed(1)} MB of documents) in ${String(Date.now() - t0)} ms`);

// 2. The server: one database per centre with _security and the validate function, as provision() does.
const server = await startCouch();
await fetch(`${server.url}/_config/admins/${ADMIN.name}`, { method: 'PUT', body: JSON.stringify(ADMIN.password) });
for (const { db } of centres) {
  await couch(server.url, 'PUT', `/${db}`);
  await couch(server.url, 'PUT', `/${db}/_security`, { admins: { names: [], roles: [] }, members: { names: [], roles: [`centre-${db}`, 'coordinator'] } });
  await couch(server.url, 'PUT', `/${db}/_design/network`, { validate_doc_update: validateFunction(`centre-${db}`) });
}
await couch(server.url, 'PUT', '/_users/org.couchdb.user:samordnare', { name: 'samordnare', password: 'samordnare', roles: ['coordinator'], type: 'user' });

// 3. Push: every centre's hand-ins, one _bulk_docs per hand-in as the outbox sends them, four centres at a time.
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

const app = await serveApp({ couchUrl: server.url, networkJson: { address: PROXY_PATH, databases: centres.map(({ db }) => ({ db })) } });
const browser = await chromium.launch({ executablePath: await resolveChromium(), args: chromiumArgs });
const workspaceCount = (page) => page.evaluate(() => document.querySelectorAll('.workspace-list tr[data-centre-id]').length);

try {
  // 4. Pull: the coordinator's page follows every database until all centres are in the workspace.
  const pullPage = await (await browser.newContext({ baseURL: app.origin, serviceWorkers: 'block' })).newPage();
  await pullPage.goto('/about');
  await pullPage.getByTestId('network-json').click();
  await pullPage.getByTestId('network-message').waitFor();
  await pullPage.getByTestId('network-coordinator-user').fill('samordnare');
  await pullPage.getByTestId('network-coordinator-password').fill('samordnare');
  await pullPage.getByTestId('network-save-coordinator').click();
  await pullPage.getByTestId('network-login-saved').waitFor();
  t0 = Date.now();
  await pullPage.goto('/coordinator');
  await pullPage.waitForFunction((n) => document.querySelectorAll('.workspace-list tr[data-centre-id]').length >= n, CENTRES, { timeout: 1_200_000, polling: 500 });
  const pullMs = Date.now() - t0;
  const pulled = await workspaceCount(pullPage);

  // 5. The same hand-ins as files: every document's file, picked at once on the coordinator's page.
  const filePage = await (await browser.newContext({ baseURL: app.origin, serviceWorkers: 'block' })).newPage();
  await filePage.goto('/coordinator');
  const input = filePage.locator('input[type="file"]');
  await input.waitFor({ state: 'attached' });
  const files = centres.flatMap(({ docs }) => docs.map((doc, i) => ({ name: `${doc.file.centre.name} ${String(i + 1)}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc.file)) })));
  t0 = Date.now();
  await input.setInputFiles(files);
  await filePage.getByTestId('import-report').waitFor({ timeout: 1_200_000 });
  const fileMs = Date.now() - t0;

  console.log(`push ${String(CENTRES * HAND_INS)} hand-ins to ${String(CENTRES)} databases: ${String(pushMs)} ms`);
  console.log(`pull into the coordinator's workspace (${String(pulled)} centres listed): ${String(pullMs)} ms`);
  console.log(`import the same ${String(files.length)} files by hand: ${String(fileMs)} ms`);
  console.log(`pull / files: ${(pullMs / fileMs).toFixed(2)}; push + pull / files: ${((pushMs + pullMs) / fileMs).toFixed(2)}`);
} finally {
  await browser.close();
  await app.close();
  await server.stop();
}
