import { ref } from 'vue';

/**
 * A page's code that did not arrive: a connection dropped mid-fetch, or a server that was updated
 * to a new build while the tab was open. Chromium keeps a failed module fetch for the document's
 * life, so trying `import()` again in the same page fails again; loading the page anew works, and
 * costs nothing, since every answer is already on the device.
 */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return /Failed to fetch dynamically imported module|Importing a module script failed|error loading dynamically imported module|Unable to preload/i.test(message);
}

/** A reload for the same page this soon after the last one would be a loop: the fault is not passing. */
export const RELOAD_WINDOW_MS = 15_000;
const STORAGE_KEY = 'chunk-reload';

/**
 * Whether to load `target` anew: yes, unless that was just tried for the same page (remembered in
 * the tab's sessionStorage, so that it survives the reload it asks for).
 */
export function shouldReload(target: string, storage: Pick<Storage, 'getItem' | 'setItem'>, now: number = Date.now()): boolean {
  // A storage that cannot be read throws to the caller: without it a loop cannot be ruled out.
  const stored = storage.getItem(STORAGE_KEY);
  let last: { target?: unknown; at?: unknown } | undefined;
  try {
    last = JSON.parse(stored ?? 'null') as typeof last;
  } catch {
    last = undefined;
  }
  if (last?.target === target && typeof last.at === 'number' && now - last.at >= 0 && now - last.at < RELOAD_WINDOW_MS) return false;
  storage.setItem(STORAGE_KEY, JSON.stringify({ target, at: now }));
  return true;
}

/** Set when a page's code could not be loaded even after loading the page anew: the app says so. */
export const pageLoadFailed = ref(false);

export interface ChunkRecoveryEnvironment {
  readonly storage: Pick<Storage, 'getItem' | 'setItem'>;
  readonly load: (url: string) => void;
}

const browser: ChunkRecoveryEnvironment = {
  get storage() {
    return sessionStorage;
  },
  load: (url) => {
    window.location.assign(url);
  },
};

/**
 * Handles a failure to load the code of the page at `target` (a path with its query): loads the page
 * anew once, and says so on the page when that did not help. False when the error is another one.
 */
export function recoverFromChunkError(error: unknown, target: string, environment: ChunkRecoveryEnvironment = browser): boolean {
  if (!isChunkLoadError(error)) return false;
  let reload = false;
  try {
    reload = shouldReload(target, environment.storage);
  } catch {
    // No sessionStorage (a locked-down browser): a loop cannot be ruled out, so only say so.
  }
  if (reload) environment.load(target);
  else pageLoadFailed.value = true;
  return true;
}
