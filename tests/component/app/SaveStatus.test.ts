import { flushPromises, mount } from '@vue/test-utils';
import Dexie from 'dexie';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import SaveStatus from '@/components/app/SaveStatus.vue';
import { connection } from '@/db';
import { RoundGoneError } from '@/db/connection';
import { setLocale } from '@/i18n';
import { useSaveStatusStore } from '@/stores/saveStatus';

let pinia: Pinia;
beforeEach(() => {
  pinia = createPinia();
  setActivePinia(pinia);
  vi.spyOn(connection, 'reopen').mockResolvedValue();
});

afterEach(() => {
  setLocale('sv');
});

const mountStatus = () => mount(SaveStatus, { global: { plugins: [pinia] } });
const retryButton = (status: ReturnType<typeof mountStatus>) => status.findAll('button').find((b) => b.text() === 'Försök igen');

async function fail(error: unknown): Promise<void> {
  // IndexedDB rejects with DOMExceptions and Dexie's own errors alike.
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
  await useSaveStatusStore().track(() => Promise.reject(error)).catch(() => undefined);
  await flushPromises();
}

describe('SaveStatus', () => {
  it('says "Sparar…" while a write runs and "Sparat ✓ hh:mm" once it has completed', async () => {
    const status = mountStatus();
    expect(status.text()).toBe('Sparas automatiskt');
    let finish: () => void = () => undefined;
    const write = useSaveStatusStore().track(() => new Promise<void>((resolve) => (finish = resolve)));
    await flushPromises();
    expect(status.text()).toBe('Sparar…');
    finish();
    await write;
    await flushPromises();
    expect(status.text()).toMatch(/^Sparat ✓ \d{2}:\d{2}$/);
  });

  it('says that the device is out of space, in Swedish, once, with a retry', async () => {
    const status = mountStatus();
    await fail(new Dexie.AbortError('QuotaExceededError QuotaExceededError', new DOMException('quota', 'QuotaExceededError')));
    expect(status.text()).toContain('enheten har slut på lagringsutrymme');
    expect(status.text()).not.toMatch(/Quota|Error/);
    expect(retryButton(status)).toBeDefined();
  });

  it('says that the connection was lost and is opened again', async () => {
    const status = mountStatus();
    await fail(new Dexie.DatabaseClosedError());
    expect(status.text()).toContain('kontakten med lagringen på enheten bröts');
  });

  it('tells to close the other tab while an upgrade is blocked, with nothing to retry', async () => {
    const status = mountStatus();
    useSaveStatusStore().blocked = true;
    await flushPromises();
    expect(status.text()).toContain('Stäng den andra fliken');
    expect(retryButton(status)).toBeUndefined();
  });

  it('says that the round was deleted (in another tab), with no button that cannot help', async () => {
    const status = mountStatus();
    // Dexie wraps an error thrown inside a transaction in an AbortError whose `inner` is the cause.
    await fail(new Dexie.AbortError('aborted', new RoundGoneError('round-1')));
    expect(status.text()).toContain('omgången har tagits bort');
    expect(status.text()).not.toMatch(/Error/);
    expect(retryButton(status)).toBeUndefined();
    setLocale('en');
    await flushPromises();
    expect(status.text()).toContain('this round has been deleted');
  });

  it('tells that a text is waiting for a choice between two tabs', async () => {
    const status = mountStatus();
    useSaveStatusStore().hold('draft:x', 'conflict');
    await flushPromises();
    expect(status.text()).toContain('en text ändrades i en annan flik');
  });

  it('speaks English when English is chosen', async () => {
    const status = mountStatus();
    setLocale('en');
    await fail(new DOMException('quota', 'QuotaExceededError'));
    expect(status.text()).toContain('this device is out of storage space');
    expect(status.text()).toContain('Try again');
  });
});
