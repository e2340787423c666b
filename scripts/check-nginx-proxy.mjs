#!/usr/bin/env node
// Checks the README's nginx configuration for the network (issue 16) against the CouchDB stand-in:
// the `location` blocks are taken from the README as they are (only the upstream port and the
// network.json path are replaced), so what is checked is what a municipality copies.
//   npx vite build && node scripts/check-nginx-proxy.mjs      (needs nginx on the PATH: apt-get install nginx-light)
// Not part of the tests: CI machines have no nginx. Exits non-zero when a check fails.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO, networkJsonOf, provision, startCouch } from './network-server.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

if (spawnSync('nginx', ['-v']).error) {
  console.log('nginx is not installed: nothing checked.');
  process.exit(0);
}

function freePort() {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/** The nginx block of the README's "Production setup". */
function readmeLocations() {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /```nginx\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('README: no nginx block');
  return block;
}

const work = mkdtempSync(join(tmpdir(), 'fc-nginx-'));
// nginx's workers run as another user: they read network.json and keep request bodies here.
chmodSync(work, 0o755);
const couch = await startCouch();
await provision(couch.url, DEMO);
const port = await freePort();
writeFileSync(join(work, 'network.json'), JSON.stringify(networkJsonOf(DEMO)));
const locations = readmeLocations()
  .replace('http://127.0.0.1:5984/', `http://127.0.0.1:${String(couch.port)}/`)
  .replace('/srv/familjecentral/network.json', join(work, 'network.json'));
writeFileSync(
  join(work, 'nginx.conf'),
  `pid ${work}/nginx.pid;
error_log ${work}/error.log;
events {}
http {
  access_log off;
  client_body_temp_path ${work}/body;
  proxy_temp_path ${work}/proxy;
  fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi;
  scgi_temp_path ${work}/scgi;
  server {
    listen 127.0.0.1:${String(port)};
    root ${join(ROOT, 'dist')};
${locations}
    location / { try_files $uri /index.html; }
  }
}
`,
);
const nginx = spawn('nginx', ['-p', work, '-c', join(work, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'inherit', 'inherit'] });
const origin = `http://127.0.0.1:${String(port)}`;
for (let tries = 0; ; tries++) {
  try {
    await fetch(`${origin}/`);
    break;
  } catch {
    if (tries > 50) throw new Error('nginx did not start');
    await new Promise((done) => setTimeout(done, 100));
  }
}

const failures = [];
function check(what, ok, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` (${detail})` : ''}`);
  if (!ok) failures.push(what);
}

try {
  const [fittja] = DEMO.centres;
  const app = await fetch(`${origin}/`);
  check('the app is served beside the proxy', app.ok && (await app.text()).includes('<div id="app"'));
  const json = await fetch(`${origin}/network.json`);
  check('network.json is served', json.ok && JSON.parse(await json.text()).address === '/couchdb');

  const login = await fetch(`${origin}/couchdb/_session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: fittja.name, password: fittja.password }) });
  const setCookie = login.headers.get('set-cookie') ?? '';
  check('a centre logs in through /couchdb/_session', login.ok, String(login.status));
  check('the session cookie is narrowed to /couchdb/ (proxy_cookie_path)', /;\s*Path=\/couchdb\//i.test(setCookie), setCookie.replace(/AuthSession=[^;]*/, 'AuthSession=…'));
  const cookie = setCookie.split(';')[0] ?? '';
  const own = await fetch(`${origin}/couchdb/${fittja.db}/_all_docs`, { headers: { cookie } });
  check('with the cookie the centre reads its own database', own.status === 200, String(own.status));
  const other = await fetch(`${origin}/couchdb/${DEMO.centres[1].db}/_all_docs`, { headers: { cookie } });
  check('and not the other centre’s', [401, 403].includes(other.status), String(other.status));

  // A hand-in carries the centre's file: above nginx's default 1 MB body limit it must still pass.
  const big = { docs: [{ _id: 'hand-in:nginx-check', padding: 'x'.repeat(3 * 1024 * 1024) }] };
  const bulk = await fetch(`${origin}/couchdb/${fittja.db}/_bulk_docs`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(big) });
  const bulkBody = await bulk.text();
  check('a 3 MB _bulk_docs passes (client_max_body_size)', bulk.status === 201 && bulkBody.includes('"ok":true'), `${String(bulk.status)} ${bulkBody.slice(0, 80)}`);

  // The longpoll answers as soon as a change comes, not when nginx's buffer fills or the timeout ends.
  const since = ((await (await fetch(`${origin}/couchdb/${fittja.db}/_changes`, { headers: { cookie } })).json())).last_seq;
  const started = Date.now();
  const longpoll = fetch(`${origin}/couchdb/${fittja.db}/_changes?feed=longpoll&timeout=20000&since=${encodeURIComponent(String(since))}`, { headers: { cookie } }).then((response) => response.json());
  await new Promise((done) => setTimeout(done, 500));
  await fetch(`${origin}/couchdb/${fittja.db}/_bulk_docs`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ docs: [{ _id: 'hand-in:nginx-check-2' }] }) });
  const changes = await longpoll;
  const waited = Date.now() - started;
  check('a _changes longpoll answers at once on a change (proxy_buffering off)', waited < 5_000 && changes.results?.some((change) => change.id === 'hand-in:nginx-check-2'), `${String(waited)} ms`);

  await couch.stop();
  const down = await fetch(`${origin}/couchdb/${fittja.db}`, { headers: { cookie } });
  check('with CouchDB down the proxy answers 502 (the outbox reads it as offline)', down.status === 502, String(down.status));
} finally {
  nginx.kill('SIGTERM');
  await new Promise((done) => nginx.once('exit', done));
  await couch.dispose();
  if (failures.length === 0) rmSync(work, { recursive: true, force: true });
  else console.log(`nginx log: ${work}/error.log`);
}
if (failures.length > 0) {
  console.error(`${String(failures.length)} check(s) failed`);
  process.exit(1);
}
console.log('The README’s nginx configuration works with the stand-in.');
