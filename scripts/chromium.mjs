// Finds a Chromium to drive, for the browser tests and the scripts (icons, bench).
// `playwright install` cannot download browsers here, so in order of preference:
// env CHROMIUM_PATH (must be executable), a system /usr/bin/chromium(-browser), else the binary
// shipped in the @sparticuz/chromium npm package (unpacked to the temp dir on first use).
import { accessSync, constants } from 'node:fs';

/** Flags for every launch: no sandbox as root, and no background calls to Google's hosts. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export async function resolveChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`CHROMIUM_PATH is set to "${fromEnv}", but that is not an executable file.`);
    return fromEnv;
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (isExecutable(candidate)) return candidate;
  }
  // Imported lazily so machines with a system Chromium never unpack the packaged binary.
  const { default: sparticuz } = await import('@sparticuz/chromium');
  return sparticuz.executablePath();
}
