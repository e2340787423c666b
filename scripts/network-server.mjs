// A CouchDB stand-in for trying the network and for the browser tests: pouchdb-server (in memory, or
// on disk in a folder so that it can be stopped and started again with its data), and a small server
// that serves the production build with the stand-in behind /couchdb/ on the same origin, as a reverse
// proxy does in production, so the CSP stays connect-src 'self'. `npm run network` starts both.
import { spawn } from 'node:child_process';
import { createServer, request as httpRequest } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const BIN = join(ROOT, 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server');
export const PROXY_PATH = '/couchdb';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitFor(url, ms = 30_000) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`pouchdb-server did not answer at ${url}`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

/**
 * Starts pouchdb-server on a free port (or `port`). With `dir` its databases are files there and
 * survive stop() and start(); without, they live in memory. Resolves to { url, port, stop, start }.
 */
export async function startCouch({ port, dir } = {}) {
  const chosen = port ?? (await freePort());
  const work = dir ?? mkdtempSync(join(tmpdir(), 'fc-couch-'));
  mkdirSync(work, { recursive: true });
  let child;
  const url = `http://127.0.0.1:${String(chosen)}`;
  async function start() {
    const args = [BIN, '--port', String(chosen), '--host', '127.0.0.1', '--config', join(work, 'config.json')];
    args.push(...(dir ? ['--dir', join(work, 'data')] : ['--in-memory']));
    child = spawn(process.execPath, args, { cwd: work, stdio: ['ignore', 'ignore', 'inherit'] });
    await waitFor(`${url}/`);
  }
  async function stop() {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }
  /** Stops it for good and removes the folder it made for itself (a `dir` given is the caller's). */
  async function dispose() {
    await stop();
    if (!dir) rmSync(work, { recursive: true, force: true });
  }
  await start();
  return { url, port: chosen, start, stop, dispose };
}

async function couch(url, method, path, body, auth) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Basic ${Buffer.from(auth).toString('base64')}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok && response.status !== 412) throw new Error(`${method} ${path}: ${String(response.status)} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/**
 * Only a centre's own role may write its database, and only new documents: a hand-in is sealed.
 * CouchDB runs this on every write; members (the coordinator) can read but this refuses their writes.
 */
export function validateFunction(role) {
  return `function (newDoc, oldDoc, userCtx) {
  if (userCtx.roles.indexOf('_admin') !== -1) return;
  if (userCtx.roles.indexOf(${JSON.stringify(role)}) === -1) throw({ forbidden: 'Only the centre writes its database.' });
  if (oldDoc) throw({ forbidden: 'A hand-in is sealed and never changes.' });
}`;
}

/**
 * Sets up a network as the README describes it for CouchDB: a server admin, one database per centre
 * with `_security` (members: the centre's role and the coordinator role), a validate_doc_update,
 * one user per centre and the coordinator's user. The same calls work against CouchDB 3.
 */
export async function provision(url, { admin = { name: 'admin', password: 'admin' }, centres, coordinator }) {
  const auth = `${admin.name}:${admin.password}`;
  // pouchdb-server starts as an "admin party" (no admin yet); CouchDB 3 needs COUCHDB_USER instead.
  await fetch(`${url}/_config/admins/${encodeURIComponent(admin.name)}`, { method: 'PUT', body: JSON.stringify(admin.password) }).catch(() => undefined);
  for (const centre of centres) {
    await couch(url, 'PUT', `/${centre.db}`, undefined, auth);
    await couch(url, 'PUT', `/${centre.db}/_security`, { admins: { names: [], roles: [] }, members: { names: [], roles: [centre.role, 'coordinator'] } }, auth);
    const existing = await fetch(`${url}/${centre.db}/_design/network`, { headers: { authorization: `Basic ${Buffer.from(auth).toString('base64')}` } });
    if (existing.status === 404) await couch(url, 'PUT', `/${centre.db}/_design/network`, { validate_doc_update: validateFunction(centre.role) }, auth);
    await putUser(url, auth, centre.name, centre.password, [centre.role]);
  }
  if (coordinator) await putUser(url, auth, coordinator.name, coordinator.password, ['coordinator']);
}

async function putUser(url, auth, name, password, roles) {
  const id = `org.couchdb.user:${name}`;
  const existing = await fetch(`${url}/_users/${encodeURIComponent(id)}`, { headers: { authorization: `Basic ${Buffer.from(auth).toString('base64')}` } });
  if (existing.ok) return;
  await couch(url, 'PUT', `/_users/${encodeURIComponent(id)}`, { _id: id, name, password, roles, type: 'user' }, auth);
}

/**
 * Serves `dist` (with `headers`, e.g. the CSP), `network.json` (when given) and PROXY_PATH/* passed on to the
 * CouchDB at `couchUrl`. With the stand-in stopped the proxy answers 502, as nginx does.
 */
export function serveApp({ dist = join(ROOT, 'dist'), couchUrl, networkJson, port = 0, headers: extraHeaders = {} }) {
  const root = resolve(dist);
  const target = new URL(couchUrl);
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === PROXY_PATH || url.startsWith(`${PROXY_PATH}/`)) {
      const upstream = httpRequest(
        { hostname: target.hostname, port: target.port, path: url.slice(PROXY_PATH.length) || '/', method: req.method, headers: { ...req.headers, host: target.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
        res.end('{"error":"bad_gateway"}');
      });
      req.pipe(upstream);
      return;
    }
    const path = normalize(decodeURIComponent(url.split(/[?#]/)[0] ?? '/')).replace(/^(\.\.[/\\])+/, '');
    // The build's index.html carries the CSP as a meta tag; the tests pass the header too.
    const headers = { ...extraHeaders, 'cache-control': 'no-cache' };
    if (path === '/network.json' && networkJson) {
      res.writeHead(200, { ...headers, 'content-type': TYPES['.json'] });
      res.end(JSON.stringify(networkJson));
      return;
    }
    let file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const chosen = typeof address === 'object' && address ? address.port : 0;
      done({ origin: `http://127.0.0.1:${String(chosen)}`, close: () => new Promise((closed) => { server.closeAllConnections(); server.close(() => closed()); }) });
    });
  });
}

/** A demo network: two centres and a coordinator, with the passwords printed for trying it. */
export const DEMO = {
  centres: [
    { db: 'fc-fittja', label: 'Fittja', role: 'centre-fittja', name: 'fittja', password: 'fittja-lösen' },
    { db: 'fc-alby', label: 'Alby', role: 'centre-alby', name: 'alby', password: 'alby-lösen' },
  ],
  coordinator: { name: 'samordnare', password: 'samordnare-lösen' },
};

export function networkJsonOf(plan) {
  return { address: PROXY_PATH, databases: plan.centres.map(({ db, label }) => ({ db, label })) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) {
    console.error('No production build: run `npx vite build` first (npm run network does).');
    process.exit(1);
  }
  const port = Number(process.env.NETWORK_PORT ?? 4180);
  const db = await startCouch();
  await provision(db.url, DEMO);
  const app = await serveApp({ couchUrl: db.url, networkJson: networkJsonOf(DEMO), port });
  console.log(`The app: ${app.origin}  (CouchDB stand-in in memory at ${db.url}, behind ${app.origin}${PROXY_PATH}/)`);
  console.log('Om appen → Nätverk: "Hämta network.json", then log in as');
  for (const centre of DEMO.centres) console.log(`  centre ${centre.label}: database ${centre.db}, user ${centre.name}, password ${centre.password}`);
  console.log(`  coordinator: user ${DEMO.coordinator.name}, password ${DEMO.coordinator.password}`);
  const quit = async () => {
    await app.close();
    await db.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void quit());
  process.on('SIGTERM', () => void quit());
}
