import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSaveStatusStore } from '@/stores/saveStatus';

/** A write that stays pending until the test settles it. */
function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

beforeEach(() => {
  setActivePinia(createPinia());
});

afterEach(() => {
  vi.useRealTimers();
});

describe('save status', () => {
  it('is idle before anything is written', () => {
    const save = useSaveStatusStore();
    expect(save.state).toBe('idle');
    expect(save.lastSavedAt).toBeUndefined();
    expect(save.pending).toBe(0);
  });

  it('is saving while a write runs, then saved with the time of the write', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-10T09:30:00.000Z'));
    const save = useSaveStatusStore();
    const write = deferred();
    const tracked = save.track(() => write.promise);
    expect(save.state).toBe('saving');
    expect(save.pending).toBe(1);
    write.resolve();
    await tracked;
    expect(save.state).toBe('saved');
    expect(save.pending).toBe(0);
    expect(save.lastSavedAt).toEqual(new Date('2026-03-10T09:30:00.000Z'));
  });

  it('passes the result of the write on', async () => {
    const save = useSaveStatusStore();
    await expect(save.track(() => Promise.resolve(42))).resolves.toBe(42);
  });

  it('stays saving until every concurrent write has finished', async () => {
    const save = useSaveStatusStore();
    const first = deferred();
    const second = deferred();
    const a = save.track(() => first.promise);
    const b = save.track(() => second.promise);
    expect(save.pending).toBe(2);
    first.resolve();
    await a;
    expect(save.state).toBe('saving');
    second.resolve();
    await b;
    expect(save.state).toBe('saved');
  });

  it('shows an error with the message when a write fails, and rethrows it to the caller', async () => {
    const save = useSaveStatusStore();
    const failure = new Error('QuotaExceededError');
    await expect(save.track(() => Promise.reject(failure))).rejects.toBe(failure);
    expect(save.state).toBe('error');
    expect(save.errorMessage).toBe('QuotaExceededError');
    expect(save.pending).toBe(0);
    expect(save.lastSavedAt).toBeUndefined();
  });

  it('shows an error without a message when the failure is not an Error', async () => {
    const save = useSaveStatusStore();
    await expect(save.track(() => Promise.reject(new Error('')))).rejects.toThrow();
    expect(save.state).toBe('error');
    expect(save.errorMessage).toBe('');
    // IndexedDB and third-party code can reject with values that are not Errors.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    await expect(save.track(() => Promise.reject('text'))).rejects.toBe('text');
    expect(save.state).toBe('error');
    expect(save.errorMessage).toBe('');
  });

  it('keeps the error visible rather than "saving" while another write runs', async () => {
    const save = useSaveStatusStore();
    await save.track(() => Promise.reject(new Error('full'))).catch(() => undefined);
    const write = deferred();
    const pending = save.track(() => write.promise);
    expect(save.state).toBe('error');
    write.resolve();
    await pending;
  });

  it('retry runs the failed write again and, when it succeeds, shows saved', async () => {
    const save = useSaveStatusStore();
    const write = vi.fn<() => Promise<void>>().mockRejectedValueOnce(new Error('busy')).mockResolvedValueOnce(undefined);
    await save.track(write).catch(() => undefined);
    expect(save.state).toBe('error');

    await save.retry();
    expect(write).toHaveBeenCalledTimes(2);
    expect(save.state).toBe('saved');
    expect(save.errorMessage).toBeUndefined();
  });

  it('retry that fails again keeps the error and can be retried once more', async () => {
    const save = useSaveStatusStore();
    const write = vi
      .fn<() => Promise<void>>()
      .mockRejectedValueOnce(new Error('first'))
      .mockRejectedValueOnce(new Error('second'))
      .mockResolvedValueOnce(undefined);
    await save.track(write).catch(() => undefined);
    // retry() is wired to a button: it reports through the state instead of rejecting.
    await save.retry();
    expect(save.state).toBe('error');
    expect(save.errorMessage).toBe('second');
    await save.retry();
    expect(write).toHaveBeenCalledTimes(3);
    expect(save.state).toBe('saved');
  });

  it('retry does nothing when nothing failed', async () => {
    const save = useSaveStatusStore();
    const write = vi.fn(() => Promise.resolve());
    await save.track(write);
    await save.retry();
    expect(write).toHaveBeenCalledTimes(1);
    expect(save.pending).toBe(0);
  });

  it('clears the error when the failed write itself succeeds on retry, and then retry has nothing to redo', async () => {
    const save = useSaveStatusStore();
    const write = vi.fn<() => Promise<void>>().mockRejectedValueOnce(new Error('x')).mockResolvedValue(undefined);
    await save.track(write).catch(() => undefined);
    await save.retry();
    await save.retry();
    expect(write).toHaveBeenCalledTimes(2);
    expect(save.state).toBe('saved');
  });

  it('does not report "saved" while an earlier write that failed is still unsaved', async () => {
    // An answer fails to save; the group then writes a note on another item, which succeeds.
    // The answer is still not stored, so the status must not say that everything is saved,
    // and retry must still redo the failed answer.
    const save = useSaveStatusStore();
    const failedAnswer = vi.fn<() => Promise<void>>().mockRejectedValueOnce(new Error('ConstraintError')).mockResolvedValue(undefined);
    await save.track(failedAnswer).catch(() => undefined);
    await save.track(() => Promise.resolve());
    expect(save.state).toBe('error');
    await save.retry();
    expect(failedAnswer).toHaveBeenCalledTimes(2);
    expect(save.state).toBe('saved');
  });
});
