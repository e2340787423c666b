#!/usr/bin/env node
// First-load budget: the JavaScript and CSS the browser really fetches before the `load` event.
//   node scripts/size.mjs           print the tables
//   node scripts/size.mjs --check   also exit 1 when over budget or when chart or hash code is on first load
// The count comes from Chromium on the production build: the page's Performance API resource entries
// (and the document) that started before `load`, each file gzipped -9 as stored in outDir. Reading
// index.html alone missed what main.ts imports at once (the second catalogue, workbox-window). The
// static reading below is printed beside it for information, and used only when no Chromium runs.
// Reads <outDir>/index.html (outDir = env APP_OUT_DIR, default dist). "First load" means what the
// browser fetches for index.html: <script type="module" src> plus <link rel="modulepreload" href>
// (Vite emits static imports of the entry as modulepreload links; static imports inside those files
// are followed too, in case modulepreload is off). Lazy chunks (import()) are not counted.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumArgs, resolveChromium } from './chromium.mjs';
import { serveDist } from './serve-dist.mjs';

// JS and CSS together, as fetched before `load`. Issue 13 asks for at most 80 KB and a failure above
// 88 KB. The count is about 61 KB since Dexie and the repository come after `load` (the start page
// reads its list in plain IndexedDB, src/db/firstRead.ts); it was 95.8 KB with them.
const BUDGET_BYTES = 88 * 1024;
const check = process.argv.slice(2).includes('--check');
const outDir = resolve(process.env.APP_OUT_DIR ?? 'dist');
const indexPath = join(outDir, 'index.html');

/** Strings that betray Chart.js in a (minified) bundle. */
const CHART_MARKERS = [
  { label: '"chart.js"', re: /(?<![\w/.-])chart\.js(?![\w-])/i }, // banner / specifier, not a chunk file name
  { label: 'Chart.register', re: /\bChart\.register\b/ },
  { label: 'RadialLinearScale', re: /\bRadialLinearScale\b/ },
  { label: 'BarController', re: /\bBarController\b/ },
  { label: 'Chart.js error text', re: /Failed to create chart: can't acquire context|Canvas is already in use\. Chart with ID/ },
];

/** SHA-256's first round constant, as hex or decimal: the hash for sealing hand-ins belongs in a lazy chunk. */
const HASH_MARKER = /0x428a2f98|1116352408/i;

const kb = (bytes) => (bytes / 1024).toFixed(1);
/** Path for messages: relative to the working directory when inside it. */
function show(path) {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

function fail(message) {
  console.error(`size: ${message}`);
  process.exit(1);
}

if (!existsSync(indexPath)) fail(`${show(indexPath)} not found: run \`npm run build\` first.`);
const html = readFileSync(indexPath, 'utf8');

/** Attributes of every <script> and <link> start tag, in document order. */
function tags(source) {
  const found = [];
  for (const m of source.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const attrs = new Map();
    for (const a of (m[2] ?? '').matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      attrs.set(a[1].toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '');
    }
    found.push({ name: (m[1] ?? '').toLowerCase(), attrs });
  }
  return found;
}

/** Maps a URL from index.html to a file in outDir; null for external URLs. */
function toFile(url) {
  if (/^(?:[a-z][a-z\d+.-]*:)?\/\//i.test(url) || url.startsWith('data:')) return null;
  const path = decodeURIComponent(url.split(/[?#]/)[0] ?? '').replace(/^\.?\//, '');
  return join(outDir, path);
}

const jsUrls = [];
const cssUrls = [];
for (const { name, attrs } of tags(html)) {
  const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
  if (name === 'script' && attrs.get('type') === 'module' && attrs.get('src')) jsUrls.push(attrs.get('src'));
  else if (name === 'link' && rel.includes('modulepreload') && attrs.get('href')) jsUrls.push(attrs.get('href'));
  else if (name === 'link' && rel.includes('stylesheet') && attrs.get('href')) cssUrls.push(attrs.get('href'));
}

/** Relative specifiers of static `import … from "./x.js"` / `export … from` / `import "./x.js"` (not import()). */
function staticImports(code) {
  const specs = [];
  const re = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.{1,2}\/[^"'\s]+\.js)["']/g;
  for (const m of code.matchAll(re)) if (m[1]) specs.push(m[1]);
  return specs;
}

/**
 * Measures the given files. With followImports, also adds JS files that those files import
 * statically (normally already listed as modulepreload; this catches build.modulePreload: false).
 */
function measure(urls, { followImports }) {
  const rows = [];
  const seen = new Set();
  const queue = urls.map((url) => ({ file: toFile(url), url, from: 'index.html' }));
  while (queue.length > 0) {
    const { file, url, from } = queue.shift();
    if (file === null || seen.has(file)) continue;
    seen.add(file);
    if (!existsSync(file)) fail(`${url} is referenced by ${from} but ${show(file)} does not exist.`);
    const content = readFileSync(file);
    rows.push({ file, url, content, raw: content.length, gzip: gzipSync(content, { level: 9 }).length });
    if (followImports) {
      for (const spec of staticImports(content.toString('utf8'))) {
        queue.push({ file: resolve(dirname(file), spec), url: spec, from: show(file) });
      }
    }
  }
  return rows;
}

function printTable(title, rows) {
  const names = rows.map((r) => relative(outDir, r.file));
  const width = Math.max(title.length, ...names.map((n) => n.length));
  console.log(`${title.padEnd(width)}  ${'raw B'.padStart(9)}  ${'gzip B'.padStart(9)}`);
  rows.forEach((r, i) => console.log(`${(names[i] ?? '').padEnd(width)}  ${String(r.raw).padStart(9)}  ${String(r.gzip).padStart(9)}`));
  const raw = rows.reduce((s, r) => s + r.raw, 0);
  const gzip = rows.reduce((s, r) => s + r.gzip, 0);
  console.log(`${'total'.padEnd(width)}  ${String(raw).padStart(9)}  ${String(gzip).padStart(9)}`);
  return gzip;
}

/** What Chromium fetches for the start page before `load`: [{ url, type }] of same-origin JS and CSS. */
async function fetchedBeforeLoad() {
  const server = await serveDist(outDir);
  const browser = await chromium.launch({ executablePath: await resolveChromium(), args: chromiumArgs });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    const entries = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType('navigation');
      const loadAt = navigation ? navigation.loadEventStart : performance.now();
      return performance
        .getEntriesByType('resource')
        .filter((entry) => entry.startTime <= loadAt)
        .map((entry) => ({ url: entry.name, initiator: entry.initiatorType }));
    });
    await context.close();
    return entries
      .map((entry) => ({ ...entry, path: new URL(entry.url).pathname }))
      .filter((entry) => new URL(entry.url).origin === server.origin && /\.(?:m?js|css)$/.test(entry.path));
  } finally {
    await browser.close();
    await server.close();
  }
}

const staticJs = measure(jsUrls, { followImports: true });
const staticCss = measure(cssUrls, { followImports: false });
if (staticJs.length === 0) fail(`no <script type="module" src> or modulepreload found in ${show(indexPath)}.`);

let js = staticJs;
let css = staticCss;
let source = 'index.html, read statically (no Chromium ran)';
try {
  const fetched = await fetchedBeforeLoad();
  js = measure(fetched.filter((entry) => /\.m?js$/.test(entry.path)).map((entry) => entry.path), { followImports: false });
  css = measure(fetched.filter((entry) => entry.path.endsWith('.css')).map((entry) => entry.path), { followImports: false });
  source = 'Chromium, resources fetched before load';
} catch (error) {
  if (check) fail(`could not measure in Chromium: ${error instanceof Error ? error.message : String(error)}`);
  console.warn(`size: Chromium did not run (${error instanceof Error ? error.message : String(error)}); counting index.html statically.`);
}

console.log(`First-load assets of ${show(indexPath)} (gzip -9), from ${source}\n`);
const jsGzip = printTable('first-load JS', js);
console.log('');
const cssGzip = css.length > 0 ? printTable('first-load CSS', css) : 0;
if (css.length > 0) console.log('');
const staticGzip = [...staticJs, ...staticCss].reduce((sum, row) => sum + row.gzip, 0);

// Information only: every JS file in assets/, lazy chunks included.
const assetsDir = join(outDir, 'assets');
let allRaw = 0;
let allGzip = 0;
let allCount = 0;
if (existsSync(assetsDir)) {
  for (const name of readdirSync(assetsDir)) {
    const file = join(assetsDir, name);
    if (!name.endsWith('.js') || !statSync(file).isFile()) continue;
    const content = readFileSync(file);
    allRaw += content.length;
    allGzip += gzipSync(content, { level: 9 }).length;
    allCount += 1;
  }
}

const total = jsGzip + cssGzip;
console.log(`index.html read statically (JS + CSS): ${kb(staticGzip)} KB gzip (information)`);
console.log(`all JS in assets/: ${allCount} files, ${kb(allRaw)} KB raw, ${kb(allGzip)} KB gzip (information)`);
console.log(`first load: JS ${kb(jsGzip)} KB + CSS ${kb(cssGzip)} KB = ${kb(total)} KB gzip (budget ${BUDGET_BYTES / 1024} KB)`);

const problems = [];
if (total > BUDGET_BYTES) {
  problems.push(`first load (JS and CSS fetched before load) is ${kb(total)} KB gzip (${total} B), over the ${BUDGET_BYTES / 1024} KB (${BUDGET_BYTES} B) budget.`);
}
for (const row of js) {
  const text = row.content.toString('utf8');
  const hits = CHART_MARKERS.filter((m) => m.re.test(text)).map((m) => m.label);
  if (hits.length > 0) {
    problems.push(`${relative(outDir, row.file)} is loaded on first visit but contains chart code (${hits.join(', ')}); load the chart with a dynamic import().`);
  }
  if (HASH_MARKER.test(text)) {
    problems.push(`${relative(outDir, row.file)} is loaded on first visit but contains SHA-256 (src/domain/contentHash.ts); import it only from lazily loaded code.`);
  }
}

if (problems.length > 0) {
  for (const p of problems) console.error(`${check ? 'FAIL' : 'WARN'}: ${p}`);
  if (check) process.exit(1);
} else if (check) {
  console.log('size check passed');
}
