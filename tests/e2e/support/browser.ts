import { accessSync, constants } from 'node:fs';

/**
 * Flags used for every Chromium launch (Playwright tests and scripts/make-icons.mjs).
 * Keep in sync with the copy in scripts/make-icons.mjs.
 */
export const chromiumArgs: string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const SYSTEM_CANDIDATES: readonly string[] = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolves the Chromium binary to launch, in order of preference:
 * 1. env CHROMIUM_PATH (must exist and be executable),
 * 2. a system Chromium (/usr/bin/chromium, /usr/bin/chromium-browser),
 * 3. the binary shipped inside @sparticuz/chromium (decompressed to the OS temp dir on first use).
 *
 * `playwright install` cannot download browsers here, so this is how every launch finds one.
 */
export async function resolveChromium(): Promise<string> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!isExecutable(fromEnv)) {
      throw new Error(`CHROMIUM_PATH is set to "${fromEnv}", but that is not an executable file.`);
    }
    return fromEnv;
  }
  for (const candidate of SYSTEM_CANDIDATES) {
    if (isExecutable(candidate)) return candidate;
  }
  // Imported lazily so machines with a system Chromium never touch the packaged binary.
  const { default: sparticuz } = await import('@sparticuz/chromium');
  return sparticuz.executablePath();
}
