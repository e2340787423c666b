import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { chromiumArgs, resolveChromium } from './browser';

/** A Chromium on its own profile directory, which a later launch opens again, as a restart would. */
export interface PersistentBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** The browser process, found among this test's own child processes by its profile directory. */
  readonly pid: number;
}

export async function makeProfile(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'fc-profile-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

function browserPid(userDataDir: string): number {
  const lines = execFileSync('ps', ['-o', 'pid=,ppid=,args=', '-e'], { encoding: 'utf8' }).split('\n');
  for (const line of lines) {
    const match = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (match && Number(match[2]) === process.pid && match[3]?.includes(`--user-data-dir=${userDataDir}`)) return Number(match[1]);
  }
  throw new Error(`no browser process for ${userDataDir}`);
}

export async function launchPersistent(userDataDir: string, baseURL: string): Promise<PersistentBrowser> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: await resolveChromium(),
    args: chromiumArgs,
    baseURL,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1024, height: 768 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, pid: browserPid(userDataDir) };
}

/** Ends the browser as a crash or a dead battery would: SIGKILL, no unload, no flush. */
export async function killBrowser(browser: PersistentBrowser): Promise<void> {
  const closed = new Promise<void>((resolve) => browser.context.once('close', () => resolve()));
  process.kill(browser.pid, 'SIGKILL');
  await closed;
}
