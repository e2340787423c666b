// `npm audit --omit=dev` for CI: fails on any known vulnerability in what ships to the browser.
// Some registries (mirrors, proxies) do not offer npm's advisory endpoint; then nothing can be
// checked, and saying so loudly is more honest than failing every build for the mirror's sake.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(run.stdout, run.stderr);
  console.error('npm audit printed no report.');
  process.exit(1);
}

if (report.statusCode !== undefined || (report.error !== undefined && report.metadata === undefined)) {
  console.warn(`npm audit: NOT CHECKED – the registry has no advisory endpoint (${report.message ?? 'no answer'}).`);
  process.exit(0);
}

const counts = report.metadata?.vulnerabilities ?? {};
const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
for (const [name, advisory] of Object.entries(report.vulnerabilities ?? {})) {
  console.error(`${name}: ${advisory.severity} (${[advisory.range].filter(Boolean).join(', ')})`);
}
console.log(`npm audit --omit=dev: ${String(total)} known vulnerabilities in production dependencies.`);
process.exit(total === 0 ? 0 : 1);
