#!/usr/bin/env node
// Timings of the app in real Chromium against the production build (dist/), at growing sizes.
//   npm run build && npm run bench            (npm run bench -- --quick: fewer repetitions and sizes;
//   --only=taps,views,coordinator,import,start,lighthouse for some sections)
// Everything is timed inside the page (performance.now(), IndexedDB `complete` events, mutation
// observers), with the real pointer, and set against a baseline measured in the same run: a raw
// IndexedDB transaction for taps and imports, the smaller size for the views. App and baseline are
// interleaved A B A B, so that a busy machine slows both. Prints tables; never fails (only the byte
// budget in scripts/size.mjs fails a check).
import { existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { chromium } from 'playwright-core';
import { MAX_IMPORT_MB } from './bench-limits.mjs';
import { benchImport } from './bench-import.mjs';
import { benchNetwork, networkLines } from './bench-network.mjs';
import { benchLighthouse } from './bench-lighthouse.mjs';
import { benchCoordinator, benchViews } from './bench-pages.mjs';
import { benchStart } from './bench-start.mjs';
import { benchTaps } from './bench-taps.mjs';
import { chromiumArgs, resolveChromium } from './chromium.mjs';
import { serveDist } from './serve-dist.mjs';

const QUICK = process.argv.includes('--quick');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice(7).split(',');
const wants = (section) => !only || only.includes(section);

if (!existsSync('dist/index.html')) {
  console.log('No production build: run `npm run build` first.');
  process.exit(0);
}

const sorted = (values) => [...values].sort((a, b) => a - b);
const median = (values) => {
  const s = sorted(values);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const p95 = (values) => {
  const s = sorted(values);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)];
};
const ms = (value) => (Number.isFinite(value) ? `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ms` : '–');
const ratio = (a, b) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '–');

/** Prints a table: a header row and rows of cells, columns padded to fit. */
function table(title, header, rows) {
  console.log(`\n${title}`);
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells) => cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

async function section(name, run) {
  if (!wants(name)) return;
  try {
    await run();
  } catch (error) {
    console.log(`\n${name}: not measured (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
}

const server = await serveDist('dist');
const origin = server.origin;
const browser = await chromium.launch({ executablePath: await resolveChromium(), args: chromiumArgs });
const started = new Date();
console.log(`npm run bench${QUICK ? ' --quick' : ''}: ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, Chromium ${browser.version()}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB`);

try {
  await section('taps', async () => {
    const rows = await benchTaps({ browser, origin, sizes: QUICK ? [1, 100] : [1, 100, 1000], taps: QUICK ? 14 : 40 });
    table(
      'Tap → committed (pointerdown → the write transaction\'s complete), in the page; raw = the same pointer, after the same steps, on a plain radio whose change runs one IndexedDB transaction doing the same work, interleaved',
      ['rounds', 'n', 'app median', 'app p95', 'raw median', 'raw p95', 'p95 app/raw', 'to next frame app/raw', 'frame → commit app/raw', 'writes/tap', 'longest task', '"Sparat" before commit'],
      rows.map(({ rounds, app, raw }) => {
        const times = app.map((tap) => tap.ms);
        const rawTimes = raw.map((tap) => tap.ms);
        return [
          rounds, app.length, ms(median(times)), ms(p95(times)), ms(median(rawTimes)), ms(p95(rawTimes)), ratio(p95(times), p95(rawTimes)),
          `${ms(median(app.map((tap) => tap.toFrame)))} / ${ms(median(raw.map((tap) => tap.toFrame)))}`,
          `${ms(median(app.map((tap) => tap.ms - tap.toFrame)))} / ${ms(median(raw.map((tap) => tap.ms - tap.toFrame)))}`,
          (app.reduce((sum, tap) => sum + tap.writes, 0) / app.length).toFixed(2), ms(Math.max(...app.map((tap) => tap.longest))), app.filter((tap) => tap.early).length,
        ];
      }),
    );
  });

  await section('views', async () => {
    const sizes = QUICK ? [10, 100] : [100, 1000];
    const rows = await benchViews({ browser, origin, sizes, runs: QUICK ? 2 : 3 });
    const [small, large] = sizes;
    table(
      `Views, in-app navigation → drawn (heading, no "Laddar…", charts, two frames); ${small} vs ${large} rounds in the centre, interleaved; heap after GC with the view open`,
      ['view', 'n', `${small} median`, `${large} median`, `${large}/${small}`, `longest task ${large}`, `heap ${small}`, `heap ${large}`],
      rows.map(({ view, figures }) => {
        const a = figures.get(small);
        const b = figures.get(large);
        return [view, a.times.length, ms(median(a.times)), ms(median(b.times)), ratio(median(b.times), median(a.times)), ms(b.longest), `${a.heap.toFixed(1)} MB`, `${b.heap.toFixed(1)} MB`];
      }),
    );
  });

  await section('coordinator', async () => {
    const sizes = QUICK ? [6, 50] : [50, 200];
    const figures = await benchCoordinator({ browser, origin, sizes, rounds: 10, runs: QUICK ? 2 : 3 });
    const [small, large] = sizes.map((size) => figures.get(size));
    table(
      `Coordinator, in-app navigation → overview drawn; ${sizes[0]} vs ${sizes[1]} centres × 10 rounds, interleaved`,
      ['view', 'n', `${sizes[0]} median`, `${sizes[1]} median`, `${sizes[1]}/${sizes[0]}`, `longest task ${sizes[1]}`, `heap ${sizes[0]}`, `heap ${sizes[1]}`],
      [['coordinator', small.times.length, ms(median(small.times)), ms(median(large.times)), ratio(median(large.times), median(small.times)), ms(large.longest), `${small.heap.toFixed(1)} MB`, `${large.heap.toFixed(1)} MB`]],
    );
  });

  await section('import', async () => {
    const mb = 1_048_576;
    const sizes = QUICK ? [{ label: '1 MB', bytes: mb }] : [{ label: '1 MB', bytes: mb }, { label: '10 MB', bytes: 10 * mb }, { label: `largest accepted (${MAX_IMPORT_MB} MB)`, bytes: MAX_IMPORT_MB * mb - 64 * 1024, runs: 1 }];
    const { rows, refused } = await benchImport({ browser, origin, sizes, runs: QUICK ? 1 : 2, tooLarge: (MAX_IMPORT_MB + 5) * mb });
    table(
      'Import: pick → preview drawn; tap on "Importera" → done drawn; raw = the same records put into the same stores and indexes in one transaction, in the same page, after each app import',
      ['file', 'records', 'n', 'preview median', 'write median', 'raw median', 'write/raw'],
      rows.map((row) => [`${row.label}, ${(row.bytes / mb).toFixed(1)} MB`, row.records, row.write.length, ms(median(row.preview)), ms(median(row.write)), ms(median(row.raw)), ratio(median(row.write), median(row.raw))]),
    );
    if (refused) console.log(`A ${MAX_IMPORT_MB + 5} MB file: "${refused}"`);
  });

  await section('start', async () => {
    const { fcp, usable, cls, start } = await benchStart({ browser, origin, runs: QUICK ? 3 : 7 });
    table(
      'Start: a questionnaire offline from the service worker in a new page (first contentful paint vs the first statement drawn), and a first visit to the start page; CLS = the largest layout shift sum of the runs',
      ['page', 'n', 'FCP median', 'usable median', 'usable/FCP', 'usable p95', 'CLS'],
      [
        ['questionnaire, offline', fcp.length, ms(median(fcp)), ms(median(usable)), ratio(median(usable), median(fcp)), ms(p95(usable)), cls.toFixed(3)],
        ['start page, first visit', start.fcp.length, ms(median(start.fcp)), '', '', '', start.cls.toFixed(3)],
      ],
    );
  });
  await section('network', async () => {
    const centres = QUICK ? 25 : 250;
    console.log(`\nNetwork (issue 16): ${centres} centres × 4 hand-ins pushed to the CouchDB stand-in (pouchdb-server, in memory) and pulled into one coordinator workspace by its _changes feed, against picking the same hand-ins as files on the coordinator's page`);
    for (const line of networkLines(await benchNetwork({ browser, centres }))) console.log(line);
  });

  await section('lighthouse', async () => {
    const { start, questionnaire } = await benchLighthouse({ origin, runs: QUICK ? 1 : 3 });
    const row = (name, runs) => [
      name, runs.length, median(runs.map((run) => run.score)).toFixed(2), Math.min(...runs.map((run) => run.score)).toFixed(2),
      ms(median(runs.map((run) => run.fcp))), ms(median(runs.map((run) => run.lcp))), ms(median(runs.map((run) => run.tbt))), Math.max(...runs.map((run) => run.cls)).toFixed(3),
    ];
    table(
      'Lighthouse mobile (simulated slow 4G, 4× CPU slowdown), performance; the start page on a first visit, the questionnaire with ten rounds of data; CLS = the largest of the runs',
      ['page', 'n', 'score median', 'score min', 'FCP', 'LCP', 'TBT', 'CLS'],
      [row('start page', start), row('questionnaire, with data', questionnaire)],
    );
  });
  console.log(`\n${((Date.now() - started.getTime()) / 1000).toFixed(0)} s. First-load bytes: npm run size.`);
} finally {
  await browser.close();
  await server.close();
}
process.exitCode = 0;
