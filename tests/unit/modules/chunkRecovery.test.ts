import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isChunkLoadError, pageLoadFailed, recoverFromChunkError, RELOAD_WINDOW_MS, shouldReload } from '@/modules/chunkRecovery';

/** A tab's sessionStorage, kept across the reloads it asks for. */
function tabStorage() {
  const values = new Map<string, string>();
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value), values };
}

describe('isChunkLoadError', () => {
  it('knows the words each browser uses for a page whose code did not arrive', () => {
    expect(isChunkLoadError(new TypeError('Failed to fetch dynamically imported module: https://x/assets/AboutView-1.js'))).toBe(true);
    expect(isChunkLoadError(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isChunkLoadError(new TypeError('error loading dynamically imported module: https://x/a.js'))).toBe(true);
    expect(isChunkLoadError(new Error('Unable to preload CSS for /assets/a.css'))).toBe(true);
  });

  it('leaves every other error alone', () => {
    expect(isChunkLoadError(new Error('QuotaExceededError'))).toBe(false);
    expect(isChunkLoadError(new TypeError('x is undefined'))).toBe(false);
    expect(isChunkLoadError(undefined)).toBe(false);
    expect(isChunkLoadError({ message: 'Failed to fetch dynamically imported module' })).toBe(false);
  });
});

describe('shouldReload', () => {
  it('reloads a page once, not again for the same page within the window, and again after it', () => {
    const storage = tabStorage();
    expect(shouldReload('/about', storage, 1000)).toBe(true);
    expect(shouldReload('/about', storage, 1000 + RELOAD_WINDOW_MS - 1)).toBe(false);
    expect(shouldReload('/about', storage, 1000 + RELOAD_WINDOW_MS)).toBe(true);
  });

  it('reloads for another page at once: the window is per page', () => {
    const storage = tabStorage();
    expect(shouldReload('/about', storage, 1000)).toBe(true);
    expect(shouldReload('/import', storage, 1001)).toBe(true);
  });

  it('takes a stored value it cannot read, or a clock that went back, as no reload tried', () => {
    const storage = tabStorage();
    storage.setItem('chunk-reload', '{not json');
    expect(shouldReload('/about', storage, 5000)).toBe(true);
    expect(shouldReload('/about', storage, 4000)).toBe(true);
  });
});

describe('recoverFromChunkError', () => {
  beforeEach(() => {
    pageLoadFailed.value = false;
  });

  const chunkError = new TypeError('Failed to fetch dynamically imported module: /assets/PresentationView-K6b3duHk.js');

  it('loads the page anew at its target the first time, and says so on the page when that did not help', () => {
    const environment = { storage: tabStorage(), load: vi.fn() };
    expect(recoverFromChunkError(chunkError, '/centres/c1/present?slide=6', environment)).toBe(true);
    expect(environment.load).toHaveBeenCalledWith('/centres/c1/present?slide=6');
    expect(pageLoadFailed.value).toBe(false);

    // The reloaded page failed again at once: no loop, the app says what happened.
    expect(recoverFromChunkError(chunkError, '/centres/c1/present?slide=6', environment)).toBe(true);
    expect(environment.load).toHaveBeenCalledTimes(1);
    expect(pageLoadFailed.value).toBe(true);
  });

  it('does nothing for an error that is not about loading code', () => {
    const environment = { storage: tabStorage(), load: vi.fn() };
    expect(recoverFromChunkError(new Error('boom'), '/about', environment)).toBe(false);
    expect(environment.load).not.toHaveBeenCalled();
    expect(pageLoadFailed.value).toBe(false);
  });

  it('without sessionStorage it cannot rule out a loop, so it only says so', () => {
    const environment = {
      storage: { getItem: () => { throw new DOMException('denied', 'SecurityError'); }, setItem: () => undefined },
      load: vi.fn(),
    };
    expect(recoverFromChunkError(chunkError, '/about', environment)).toBe(true);
    expect(environment.load).not.toHaveBeenCalled();
    expect(pageLoadFailed.value).toBe(true);
  });
});
