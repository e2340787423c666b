import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DEMO, networkJsonOf, provision, serveApp, startCouch, type Couch } from '../../scripts/network-server.mjs';
import { securityHeaders } from '../../security.config';
import { AppPage } from './pages/AppPage';
import { startFaultProxy, type FaultProxy } from './support/faultProxy';
import { expectNoSeriousA11yViolations, waitForServiceWorker } from './support/fixtures';

// Hand-ins over a real CouchDB stand-in (pouchdb-server, its databases on disk so that it can be
// stopped and started again), behind the app's own origin at /couchdb as in production.
test.describe.configure({ mode: 'serial' });

const [FITTJA, ALBY] = DEMO.centres as [(typeof DEMO.centres)[number], (typeof DEMO.centres)[number]];
const ADMIN = 'Basic ' + Buffer.from('admin:admin').toString('base64');
let couch: Couch;
/** Between the app's /couchdb and the stand-in: it cuts a send where a test asks it to. */
let proxy: FaultProxy;
let app: { origin: string; close(): Promise<void> };
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
  couch = await startCouch({ dir: mkdtempSync(join(tmpdir(), 'fc-network-e2e-')) });
  await provision(couch.url, DEMO);
  proxy = await startFaultProxy(couch.url);
  app = await serveApp({ couchUrl: proxy.url, networkJson: networkJsonOf(DEMO), headers: { ...securityHeaders } });
});

test.afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await app.close();
  await proxy.close();
  await couch.stop();
});

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: app.origin, locale: 'sv-SE', timezoneId: 'Europe/Stockholm', viewport: { width: 1024, height: 768 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

/** The About page: the network from network.json, then the centre's login. */
async function joinNetwork(page: Page, centreName: string, centre: typeof FITTJA): Promise<void> {
  await page.goto('/about');
  const settings = page.getByTestId('network-settings');
  await settings.getByTestId('network-json').click();
  await expect(settings.getByTestId('network-message')).toHaveText('Nätverket är sparat.');
  await settings.getByLabel('Familjecentral på enheten').selectOption({ label: centreName });
  await settings.getByLabel('Databas', { exact: true }).selectOption(centre.db);
  await settings.getByTestId('network-user').fill(centre.name);
  await settings.getByTestId('network-password').fill(centre.password);
  await settings.getByTestId('network-save-centre').click();
  await expect(settings.getByTestId('network-logins')).toContainText(`${centreName}: databas ${centre.db}, användare ${centre.name}`);
}

/** A centre with one answered round, handed in for the spring check-in; ends on the centre's page. */
async function handInRound(page: Page, centreName: string, round = { title: 'Våren 2026', date: '2026-05-05' }, send?: 'sent' | 'waiting' | 'none'): Promise<void> {
  const app = new AppPage(page);
  await page.goto('/');
  await page.getByRole('link', { name: centreName }).click();
  await app.createRound(round.title, round.date);
  await app.answer(0, 3);
  await app.expectSaved();
  await page.getByRole('link', { name: centreName }).click();
  await app.roundCard(round.title).getByRole('link', { name: 'Resultat' }).click();
  const panel = page.getByTestId('hand-in-panel');
  await panel.getByTestId('hand-in-open').click();
  const dialog = page.getByRole('dialog', { name: 'Lämna in avstämningen' });
  await dialog.getByTestId('hand-in-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByTestId('hand-in-sealed')).toBeVisible();
  // Where the hand-in is made, it says whether it went to the server.
  if (send === 'none') await expect(panel.getByTestId('hand-in-send-status')).toHaveCount(0);
  else if (send === 'sent') await expect(panel.getByTestId('hand-in-send-status')).toHaveText(/^Skickad \d{2}:\d{2} \(till nätverkets server\)$/, { timeout: 20_000 });
  else if (send === 'waiting') await expect(panel.getByTestId('hand-in-send-status')).toContainText('Väntar på att skickas. Servern går inte att nå just nu');
  await page.getByRole('link', { name: centreName }).first().click();
  await expect(page.getByTestId('hand-in-list')).toBeVisible();
}

async function newCentre(page: Page, name: string): Promise<void> {
  const app = new AppPage(page);
  await app.gotoStart();
  await app.createCentre({ name });
}

async function serverDocs(db: string): Promise<{ id: string; doc: Record<string, unknown> }[]> {
  const response = await fetch(`${couch.url}/${db}/_all_docs?include_docs=true`, { headers: { authorization: ADMIN } });
  const body = (await response.json()) as { rows: { id: string; doc: Record<string, unknown> }[] };
  return body.rows.filter((row) => !row.id.startsWith('_design/'));
}

let coordinator: Page;

/** The build's chunks with the CouchDB client in them, which every send and every feed needs. */
function syncChunks(): string[] {
  const assets = join(process.cwd(), 'dist', 'assets');
  const chunks = readdirSync(assets).filter((name) => name.endsWith('.js') && readFileSync(join(assets, name), 'utf8').includes('_bulk_docs'));
  expect(chunks.length).toBeGreaterThan(0);
  return chunks.map((name) => `/assets/${name}`);
}

test('without a network nothing leaves the device: a hand-in makes no request to a server', async ({ browser }) => {
  const page = await newPage(browser);
  const requests: string[] = [];
  const scripts: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== app.origin || url.pathname.startsWith('/couchdb') || url.pathname === '/network.json') requests.push(request.url());
    if (request.resourceType() === 'script') scripts.push(url.pathname);
  });
  await newCentre(page, 'Familjecentralen Utan nät');
  await handInRound(page, 'Familjecentralen Utan nät', undefined, 'none');
  // Without a network the centre page has no outbox: the hand-in is only on the device.
  await expect(page.getByTestId('hand-in-row')).toHaveCount(1);
  await expect(page.getByTestId('network-outbox')).toHaveCount(0);
  await page.goto('/about');
  await expect(page.getByTestId('network-settings')).toBeVisible();
  await page.goto('/coordinator');
  await expect(page.getByTestId('coordinator-network')).toHaveCount(0);
  expect(requests).toEqual([]);
  // Nor is the sync code loaded (the service worker may cache it; the page never runs it).
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((path) => syncChunks().some((chunk) => path.endsWith(chunk)))).toEqual([]);
});

test('two centres hand in, one offline first; the coordinator receives both without a reload', async ({ browser }) => {
  test.setTimeout(240_000);
  coordinator = await newPage(browser);
  await coordinator.goto('/about');
  await coordinator.getByTestId('network-json').click();
  // The login is checked with the server when it is saved: a wrong password is refused and nothing kept.
  await coordinator.getByTestId('network-coordinator-user').fill(DEMO.coordinator.name);
  await coordinator.getByTestId('network-coordinator-password').fill('fel-lösenord');
  await coordinator.getByTestId('network-save-coordinator').click();
  await expect(coordinator.getByTestId('network-login-refused')).toHaveText('Servern godtar inte inloggningen; kontrollera användarnamn och lösenord');
  await expect(coordinator.getByTestId('network-coordinator-saved')).toHaveCount(0);
  await coordinator.getByTestId('network-coordinator-password').fill(DEMO.coordinator.password);
  await coordinator.getByTestId('network-save-coordinator').click();
  await expect(coordinator.getByTestId('network-login-saved')).toHaveText(/^Samordnaren är inloggad. Lösenordet sparas inte på enheten/);
  await expect(coordinator.getByTestId('network-login-refused')).toHaveCount(0);
  await expect(coordinator.getByTestId('network-coordinator-saved')).toHaveText(`Samordnare: användare ${DEMO.coordinator.name}`);
  await coordinator.goto('/coordinator');
  const feed = coordinator.getByTestId('coordinator-network');
  await expect(feed.locator(`[data-db="${FITTJA.db}"]`)).toHaveAttribute('data-state', 'live');
  await expect(feed.locator(`[data-db="${ALBY.db}"]`)).toHaveAttribute('data-state', 'live');
  await expectNoSeriousA11yViolations(coordinator);

  // Fittja, online.
  const fittja = await newPage(browser);
  await newCentre(fittja, 'Familjecentralen Fittja');
  await joinNetwork(fittja, 'Familjecentralen Fittja', FITTJA);
  await handInRound(fittja, 'Familjecentralen Fittja', undefined, 'sent');
  // With a network set, the page has loaded the sync code (what the test before looks for).
  const loaded = await fittja.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
  expect(loaded.filter((path) => syncChunks().includes(path))).not.toEqual([]);
  const fittjaRow = fittja.getByTestId('outbox-row');
  await expect(fittjaRow).toHaveAttribute('data-status', 'sent');
  await expect(fittjaRow).toContainText(/Skickad \d{2}:\d{2}/);
  await expectNoSeriousA11yViolations(fittja);
  await expect(coordinator.getByText('Familjecentralen Fittja').first()).toBeVisible({ timeout: 40_000 });

  // Alby hands in offline: it waits on the device, and goes when the connection is back.
  const alby = await newPage(browser);
  await newCentre(alby, 'Familjecentralen Alby');
  await joinNetwork(alby, 'Familjecentralen Alby', ALBY);
  // Offline, the app's own files come from the service worker's cache.
  await waitForServiceWorker(alby);
  await alby.context().setOffline(true);
  await handInRound(alby, 'Familjecentralen Alby', undefined, 'waiting');
  const albyRow = alby.getByTestId('outbox-row');
  await expect(albyRow).toHaveAttribute('data-status', 'waiting');
  await expect(albyRow).toContainText('Väntar på att skickas');
  await expect(albyRow).toContainText('Servern går inte att nå just nu');
  expect(await serverDocs(ALBY.db)).toHaveLength(0);
  // Here it is the backoff's next try that sends it: Playwright's setOffline leaves navigator.onLine
  // true on a page the service worker controls, so no `online` event comes (tests/unit/network has it).
  await alby.context().setOffline(false);
  await expect(albyRow).toHaveAttribute('data-status', 'sent', { timeout: 20_000 });
  await expect(coordinator.getByText('Familjecentralen Alby').first()).toBeVisible({ timeout: 40_000 });

  // One document per hand-in on the server, in the centre's own database.
  expect(await serverDocs(FITTJA.db)).toHaveLength(1);
  expect(await serverDocs(ALBY.db)).toHaveLength(1);
});

test('with a network set, the privacy page says what goes to which server, the session cookie, and where passwords are kept; the coordinator’s is not', async () => {
  const fittja = contexts[2]?.pages()[0];
  if (!fittja) throw new Error('the Fittja page of the test before');
  await fittja.goto('/privacy');
  const section = fittja.getByTestId('privacy-network');
  await expect(fittja.locator('.lead')).toContainText('skickas dessutom inlämningarna till nätverkets egen server');
  await expect(section).toContainText(`Enheten är inställd på nätverkets server (CouchDB) på /couchdb, en sökväg på samma webbplats som appen (${app.origin})`);
  await expect(section).toContainText(`Familjecentralen Fittja skickar till databasen ${FITTJA.db} som användaren ${FITTJA.name}.`);
  await expect(section).toContainText('AuthSession');
  await expect(section).toContainText('Centralernas lösenord sparas i webbläsarens databas på enheten');
  await expect(fittja.getByText('Inget skickas någonstans')).toHaveCount(0);
  await expectNoSeriousA11yViolations(fittja);

  // The coordinator's device keeps the name, not the password.
  const stored = await coordinator.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('familjecentral');
        open.onerror = () => reject(new Error('open failed'));
        open.onsuccess = () => {
          const request = open.result.transaction('settings').objectStore('settings').get('network');
          request.onsuccess = () => {
            open.result.close();
            resolve(String((request.result as { value?: string } | undefined)?.value));
          };
        };
      }),
  );
  expect(stored).toContain(`"coordinator":{"name":"${DEMO.coordinator.name}"}`);
  expect(stored).not.toContain(DEMO.coordinator.password);
});

test('a centre’s login can neither read nor write the other centre’s database, and the coordinator writes none', async () => {
  async function session(name: string, password: string): Promise<string> {
    const response = await fetch(`${app.origin}/couchdb/_session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password }) });
    expect(response.status).toBe(200);
    return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }
  const write = (cookie: string, db: string) =>
    fetch(`${app.origin}/couchdb/${db}/_bulk_docs`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ docs: [{ _id: `probe-${db}` }] }) });
  /** Refused as a whole (CouchDB 3: 403) or per document (the stand-in: 401 with a per-document error). */
  async function writeRefused(response: Response, error: string): Promise<boolean> {
    if (!response.ok) return [401, 403].includes(response.status);
    const results = (await response.json()) as { error?: string }[];
    return results[0]?.error === error;
  }
  const fittja = await session(FITTJA.name, FITTJA.password);
  // Not a member: CouchDB 3 answers 403 to a logged-in user, the stand-in 401; either way, nothing is read.
  expect([401, 403]).toContain((await fetch(`${app.origin}/couchdb/${ALBY.db}/_all_docs`, { headers: { cookie: fittja } })).status);
  expect([401, 403]).toContain((await fetch(`${app.origin}/couchdb/${ALBY.db}/_changes`, { headers: { cookie: fittja } })).status);
  expect(await writeRefused(await write(fittja, ALBY.db), 'unauthorized')).toBe(true);
  expect((await fetch(`${app.origin}/couchdb/${FITTJA.db}/_all_docs`, { headers: { cookie: fittja } })).status).toBe(200);

  const reader = await session(DEMO.coordinator.name, DEMO.coordinator.password);
  expect((await fetch(`${app.origin}/couchdb/${ALBY.db}/_all_docs`, { headers: { cookie: reader } })).status).toBe(200);
  expect(await writeRefused(await write(reader, FITTJA.db), 'forbidden')).toBe(true);
  // And a sealed hand-in is not overwritten, not even by its own centre.
  const [existing] = await serverDocs(FITTJA.db);
  const overwrite = await fetch(`${app.origin}/couchdb/${FITTJA.db}/_bulk_docs`, { method: 'POST', headers: { cookie: fittja, 'content-type': 'application/json' }, body: JSON.stringify({ docs: [{ ...existing?.doc, sealedAt: '2020-01-01T00:00:00.000Z' }] }) });
  expect(await writeRefused(overwrite, 'forbidden')).toBe(true);
  expect((await serverDocs(FITTJA.db))[0]?.doc).toEqual(existing?.doc);
  expect(await serverDocs(ALBY.db)).toHaveLength(1);
});

test('the server stopped during a send loses nothing: the hand-in waits through a reload and goes when the server is back', async () => {
  test.setTimeout(180_000);
  // Contexts: the device without a network, the coordinator, Fittja, Alby.
  const page = contexts[2]?.pages()[0];
  if (!page) throw new Error('the Fittja page of the test before');
  await couch.stop();
  // A new round's hand-in is a new document, never an overwrite of the first.
  await handInRound(page, 'Familjecentralen Fittja', { title: 'Hösten 2026', date: '2026-10-05' });
  const waiting = page.locator('[data-testid="outbox-row"][data-status="waiting"]');
  await expect(waiting).toHaveCount(1);
  await expect(waiting).toContainText('Servern går inte att nå just nu');

  // The tab closes and opens again: the hand-in still waits.
  await page.reload();
  await expect(page.locator('[data-testid="outbox-row"][data-status="waiting"]')).toHaveCount(1);
  await couch.start();
  await page.getByTestId('outbox-retry').click();
  await expect(page.locator('[data-testid="outbox-row"][data-status="sent"]')).toHaveCount(2, { timeout: 30_000 });
  expect(await serverDocs(FITTJA.db)).toHaveLength(2);
  // The stand-in forgets its sessions when it restarts (as CouchDB's end after a while): the
  // coordinator's page asks for the password it never stored, and goes on.
  const feed = coordinator.getByTestId('coordinator-network');
  await expect(feed.getByTestId('feed-login')).toContainText(`Serverns session för ${DEMO.coordinator.name} har gått ut`, { timeout: 40_000 });
  await feed.getByTestId('feed-password').fill(DEMO.coordinator.password);
  await feed.getByTestId('feed-login-submit').click();
  await expect(feed.locator(`[data-db="${FITTJA.db}"]`)).toHaveAttribute('data-state', 'live', { timeout: 40_000 });
  await expect(feed.getByTestId('feed-login')).toHaveCount(0);
  await expect(coordinator.getByTestId('workspace-hand-ins').first()).toBeVisible();
});

test('a doctored document on the server is refused by the import validation and shown', async () => {
  const [original] = await serverDocs(FITTJA.db);
  if (!original) throw new Error('no hand-in on the server');
  const { _rev: _drop, ...doc } = original.doc as { _rev?: string; file: { handIns: { document: { round: { title: string } } }[]; rounds: unknown } };
  const withHtml = structuredClone(doc) as typeof doc & { _id: string };
  const sealed = withHtml.file.handIns[0];
  if (!sealed) throw new Error('no hand-in in the document');
  sealed.document.round.title = '<img src=x onerror="document.title=\'pwned\'">Våren 2026';
  withHtml._id = 'hand-in:doctored-html';
  const wrongSchema = { ...structuredClone(doc), _id: 'hand-in:doctored-schema', file: { ...structuredClone(doc.file), rounds: 'inga omgångar' } };
  // The server's admin bypasses validate_doc_update, as a compromised server or a careless script would.
  const response = await fetch(`${couch.url}/${ALBY.db}/_bulk_docs`, { method: 'POST', headers: { authorization: ADMIN, 'content-type': 'application/json' }, body: JSON.stringify({ docs: [withHtml, wrongSchema] }) });
  expect(response.status).toBe(201);

  const refused = coordinator.getByTestId('feed-refused');
  await expect(refused.locator('[data-doc="hand-in:doctored-html"]')).toContainText('inte det dokument som förseglades', { timeout: 40_000 });
  await expect(refused.locator('[data-doc="hand-in:doctored-schema"]')).toContainText('rounds');
  expect(await coordinator.title()).not.toBe('pwned');
  await expectNoSeriousA11yViolations(coordinator);
});

test('a conflict on the server (two revisions with different hand-ins, as replication can leave) is shown, and neither is taken', async () => {
  // Alby's own hand-in, not one of the documents the test before doctored.
  const albyDoc = (await serverDocs(ALBY.db)).find((row) => !row.id.startsWith('hand-in:doctored'));
  const [fittjaDoc] = await serverDocs(FITTJA.db);
  if (!albyDoc || !fittjaDoc) throw new Error('no hand-ins on the server');
  const bare = ({ _rev: _drop, ...doc }: Record<string, unknown>) => doc;
  const id = 'hand-in:conflicted';
  // new_edits: false is how replication writes revisions as they are: both stay, one wins, the other is in _conflicts.
  const response = await fetch(`${couch.url}/${ALBY.db}/_bulk_docs`, {
    method: 'POST',
    headers: { authorization: ADMIN, 'content-type': 'application/json' },
    body: JSON.stringify({ new_edits: false, docs: [{ ...bare(albyDoc.doc), _id: id, _rev: `1-${'a'.repeat(32)}` }, { ...bare(fittjaDoc.doc), _id: id, _rev: `1-${'b'.repeat(32)}` }] }),
  });
  expect(response.status).toBe(201);
  const conflicted = (await (await fetch(`${couch.url}/${ALBY.db}/${encodeURIComponent(id)}?conflicts=true`, { headers: { authorization: ADMIN } })).json()) as { _conflicts?: string[] };
  expect(conflicted._conflicts).toHaveLength(1);

  const refused = coordinator.getByTestId('feed-refused').locator(`[data-doc="${id}"]`);
  await expect(refused).toContainText('Servern har 2 versioner av det här dokumentet med olika inlämningar i', { timeout: 40_000 });
  // The workspace still lists each centre once, from its own database.
  await expect(coordinator.locator('.workspace-list tr[data-centre-id]')).toHaveCount(2);
});

test('offline, the coordinator’s workspace still holds what came, and says the server cannot be reached', async () => {
  await waitForServiceWorker(coordinator);
  await coordinator.context().setOffline(true);
  await coordinator.reload();
  await expect(coordinator.locator('.workspace-list tr[data-centre-id]')).toHaveCount(2);
  await expect(coordinator.getByText('Familjecentralen Fittja').first()).toBeVisible();
  await expect(coordinator.getByTestId('coordinator-network').locator(`[data-db="${FITTJA.db}"]`)).toHaveAttribute('data-state', 'offline', { timeout: 20_000 });
  await coordinator.context().setOffline(false);
  await expect(coordinator.getByTestId('coordinator-network').locator(`[data-db="${FITTJA.db}"]`)).toHaveAttribute('data-state', 'live', { timeout: 40_000 });
});

test('a hand-in made before the centre’s login was set does not go by itself; "Skicka tidigare inlämningar" sends it', async () => {
  test.setTimeout(120_000);
  const page = contexts[2]?.pages()[0];
  if (!page) throw new Error('the Fittja page of the tests before');
  // Without a login on this device (removed), a hand-in stays on the device only.
  await page.goto('/about');
  await page.getByTestId('network-logins').getByRole('button', { name: /^Ta bort/ }).click();
  await expect(page.getByTestId('network-logins')).toHaveCount(0);
  await handInRound(page, 'Familjecentralen Fittja', { title: 'Våren 2027', date: '2027-05-05' }, 'none');
  expect(await serverDocs(FITTJA.db)).toHaveLength(2);

  // The login set again: the earlier hand-in is offered, not sent.
  await joinNetwork(page, 'Familjecentralen Fittja', FITTJA);
  await page.goto('/');
  await page.getByRole('link', { name: 'Familjecentralen Fittja' }).click();
  const outbox = page.getByTestId('network-outbox');
  await expect(outbox.getByTestId('outbox-earlier')).toContainText('En inlämning gjordes innan nätverket ställdes in här och har inte skickats till servern');
  await expect(outbox.locator('[data-testid="outbox-row"]')).toHaveCount(2);
  expect(await serverDocs(FITTJA.db)).toHaveLength(2);
  await expectNoSeriousA11yViolations(page);

  await outbox.getByRole('button', { name: 'Skicka tidigare inlämningar (1)' }).click();
  await expect(outbox.locator('[data-testid="outbox-row"][data-status="sent"]')).toHaveCount(3, { timeout: 30_000 });
  await expect(outbox.getByTestId('outbox-earlier')).toHaveCount(0);
  expect(await serverDocs(FITTJA.db)).toHaveLength(3);
});

/** Fittja's page, the hand-ins of one hand-in id on the server, and the row of a hand-in waiting on the centre page. */
function fittjaPage(): Page {
  const page = contexts[2]?.pages()[0];
  if (!page) throw new Error('the Fittja page of the tests before');
  return page;
}

async function docsOf(handInId: string): Promise<{ id: string; doc: Record<string, unknown> }[]> {
  return (await serverDocs(FITTJA.db)).filter((row) => row.doc.handInId === handInId);
}

async function waitingHandIn(page: Page): Promise<string> {
  const waiting = page.locator('[data-testid="outbox-row"][data-status="waiting"]');
  await expect(waiting).toHaveCount(1);
  await expect(waiting).toContainText('Servern går inte att nå just nu');
  const handInId = await waiting.getAttribute('data-hand-in');
  if (!handInId) throw new Error('the waiting row names no hand-in');
  return handInId;
}

test('the connection cut in the middle of a send (half the body at the server, or all of it at the proxy) loses nothing: the outbox retries by itself, without a duplicate', async () => {
  test.setTimeout(120_000);
  const page = fittjaPage();
  const before = (await serverDocs(FITTJA.db)).length;
  proxy.arm(FITTJA.db, 'cut-partial');
  await handInRound(page, 'Familjecentralen Fittja', { title: 'Hösten 2027', date: '2027-10-05' }, 'waiting');
  const handInId = await waitingHandIn(page);
  const [partial] = proxy.faulted;
  expect(partial?.forwarded).toBeGreaterThan(0);
  expect(partial?.forwarded).toBeLessThan(partial?.length ?? 0);
  // The server got a truncated request and wrote nothing.
  expect(await serverDocs(FITTJA.db)).toHaveLength(before);

  // The next try by itself (the backoff): the proxy reads the whole body and cuts the connection.
  proxy.arm(FITTJA.db, 'cut-received');
  await expect.poll(() => proxy.faulted.length, { timeout: 30_000 }).toBeGreaterThan(0);
  expect(proxy.faulted[0]?.received).toBe(proxy.faulted[0]?.length);
  expect(proxy.faulted[0]?.forwarded).toBe(0);
  await expect(page.locator(`[data-testid="outbox-row"][data-hand-in="${handInId}"]`)).toHaveAttribute('data-status', 'waiting');
  expect(await serverDocs(FITTJA.db)).toHaveLength(before);

  // The connection whole again: the backoff's next try sends it, once.
  proxy.heal();
  const row = page.locator(`[data-testid="outbox-row"][data-hand-in="${handInId}"]`);
  await expect(row).toHaveAttribute('data-status', 'sent', { timeout: 40_000 });
  await expect(row).toContainText(/Skickad \d{2}:\d{2}/);
  expect(await docsOf(handInId)).toHaveLength(1);
  expect(await serverDocs(FITTJA.db)).toHaveLength(before + 1);
});

test('the server wrote the hand-in but its answer never came: the retry counts it as sent, the document is neither doubled nor rewritten', async () => {
  test.setTimeout(120_000);
  const page = fittjaPage();
  const before = (await serverDocs(FITTJA.db)).length;
  proxy.arm(FITTJA.db, 'drop-response');
  await handInRound(page, 'Familjecentralen Fittja', { title: 'Våren 2028', date: '2028-05-05' }, 'waiting');
  const handInId = await waitingHandIn(page);
  expect(proxy.faulted[0]?.answered).toBe(true);
  // On the server it is there; the device cannot know, so it waits and tries again.
  const [written] = await docsOf(handInId);
  expect(written?.doc._rev).toMatch(/^1-/);
  await expect(page.locator(`[data-testid="outbox-row"][data-hand-in="${handInId}"]`)).toHaveAttribute('data-status', 'waiting');

  proxy.heal();
  await page.getByTestId('outbox-retry').click();
  const row = page.locator(`[data-testid="outbox-row"][data-hand-in="${handInId}"]`);
  await expect(row).toHaveAttribute('data-status', 'sent', { timeout: 30_000 });
  await expect(row).toContainText(/Skickad \d{2}:\d{2}/);
  const after = await docsOf(handInId);
  expect(after).toHaveLength(1);
  expect(after[0]?.doc).toEqual(written?.doc);
  expect(await serverDocs(FITTJA.db)).toHaveLength(before + 1);
  await expect(page.getByTestId('outbox-retry')).toHaveCount(0);
});

test('the tab closed while a hand-in waits: opened again later, it goes by itself from the first page', async () => {
  test.setTimeout(120_000);
  const context = contexts[2];
  const page = fittjaPage();
  if (!context) throw new Error('the Fittja context');
  const before = (await serverDocs(FITTJA.db)).length;
  proxy.arm(FITTJA.db, 'cut-received');
  await handInRound(page, 'Familjecentralen Fittja', { title: 'Hösten 2028', date: '2028-10-05' }, 'waiting');
  const handInId = await waitingHandIn(page);
  await page.close();
  proxy.heal();
  expect(await docsOf(handInId)).toHaveLength(0);

  const reopened = await context.newPage();
  reopened.on('pageerror', (error) => {
    throw error;
  });
  await reopened.goto('/');
  // The start page, not the centre's: the outbox runs wherever the app opens.
  await expect.poll(async () => (await docsOf(handInId)).length, { timeout: 30_000 }).toBe(1);
  await reopened.getByRole('link', { name: 'Familjecentralen Fittja' }).click();
  const row = reopened.locator(`[data-testid="outbox-row"][data-hand-in="${handInId}"]`);
  await expect(row).toHaveAttribute('data-status', 'sent', { timeout: 20_000 });
  await expect(row).toContainText(/Skickad \d{2}:\d{2}/);
  expect(await serverDocs(FITTJA.db)).toHaveLength(before + 1);
});
