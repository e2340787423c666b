import type { Page } from '@playwright/test';

/**
 * Makes every IndexedDB write of the page fail as on a full disk, until `freeSpace`. The browser's
 * own put is replaced, so Dexie, the transaction and the app meet the real DOMException.
 */
export async function fillTheDisk(page: Page): Promise<void> {
  await page.evaluate(() => {
    const scope = window as unknown as { diskFull?: boolean; realPut?: IDBObjectStore['put'] };
    scope.diskFull = true;
    // Kept unbound on purpose: it is applied to each store it is called on.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    scope.realPut ??= IDBObjectStore.prototype.put;
    const realPut = scope.realPut;
    IDBObjectStore.prototype.put = function put(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (scope.diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    };
  });
}

export async function freeSpace(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { diskFull?: boolean }).diskFull = false;
  });
}
