import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { connection, TextConflictError } from '@/db';
import { RETRY_DELAYS_MS, useSaveStatusStore } from '@/stores/saveStatus';

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
  // The connection is the real one in the store tests below; here nothing needs opening.
  vi.spyOn(connection, 'reopen').mockResolvedValue();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('save status', () => {
  it('does not claim a save for a write that wrote nothing', async () => {
    const save = useSaveStatusStore();
    await save.track(() => Promise.resolve({ collisions: ['x'] }), { wrote: (result) => result.collisions.length === 0 });
    expect(save.lastSavedAt).toBeUndefined();
    expect(save.state).toBe('idle');
    await save.track(() => Promise.resolve({ collisions: [] }), { wrote: (result) => result.collisions.length === 0 });
    expect(save.state).toBe('saved');
  });

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

  it('starts the write before it counts it, so that the redraw it causes comes after the write was asked for', async () => {
    const status = useSaveStatusStore();
    let pendingWhenStarted: number | undefined;
    const saving = status.track(async () => {
      pendingWhenStarted = status.pending;
      await Promise.resolve();
    });
    expect(pendingWhenStarted).toBe(0);
    expect(status.state).toBe('saving');
    await saving;
    expect(status.state).toBe('saved');
  });

  it('counts a write that fails at once as failed, not as saving', async () => {
    const status = useSaveStatusStore();
    await expect(status.track(() => {
      throw new Dexie.QuotaExceededError('full');
    })).rejects.toThrow('full');
    expect(status.pending).toBe(0);
    expect(status.state).toBe('error');
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

  it('names the problem of a failed write, and rethrows it to the caller', async () => {
    const save = useSaveStatusStore();
    const failure = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    await expect(save.track(() => Promise.reject(failure))).rejects.toBe(failure);
    expect(save.state).toBe('error');
    expect(save.problem).toBe('quota');
    expect(save.pending).toBe(0);
    expect(save.lastSavedAt).toBeUndefined();
  });

  it.each<[string, unknown, string]>([
    ['a quota DOMException', new DOMException('x', 'QuotaExceededError'), 'quota'],
    ['Dexie’s quota error', new Dexie.QuotaExceededError('x'), 'quota'],
    ['an aborted transaction caused by a full disk', new Dexie.AbortError('x', new DOMException('x', 'QuotaExceededError')), 'quota'],
    ['a closed database', new Dexie.DatabaseClosedError(), 'closed'],
    ['a connection closing under a transaction', new DOMException('x', 'InvalidStateError'), 'closed'],
    ['a newer version in another tab', new Dexie.VersionError('x'), 'outdated'],
    ['anything else', new Error('odd'), 'unknown'],
    ['a value that is not an Error', 'text', 'unknown'],
  ])('tells %s apart', async (_name, failure, problem) => {
    const save = useSaveStatusStore();
    // IndexedDB and third-party code can reject with values that are not Errors.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    await save.track(() => Promise.reject(failure)).catch(() => undefined);
    expect(save.problem).toBe(problem);
  });

  it('does not count a text conflict as a storage failure (the field asks the user instead)', async () => {
    const save = useSaveStatusStore();
    await expect(save.track(() => Promise.reject(new TextConflictError('theirs')))).rejects.toBeInstanceOf(TextConflictError);
    expect(save.state).toBe('idle');
    expect(save.problem).toBeUndefined();
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
    expect(save.problem).toBeUndefined();
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

  it('drops a failure whose retry meets a text conflict: the storage works, the field asks the user', async () => {
    const save = useSaveStatusStore();
    await save.track(() => Promise.reject(new DOMException('x', 'QuotaExceededError')), { key: 'draft:1' }).catch(() => undefined);
    await save.track(() => Promise.reject(new TextConflictError('theirs')), { key: 'draft:1' }).catch(() => undefined);
    expect(save.problem).toBeUndefined();
    expect(save.isFailed('draft:1')).toBe(false);
  });

  it('retries a failed write by itself, waiting longer each time, until it is stored', async () => {
    vi.useFakeTimers();
    const save = useSaveStatusStore();
    const write = vi
      .fn<() => Promise<void>>()
      .mockRejectedValueOnce(new DOMException('x', 'QuotaExceededError'))
      .mockRejectedValueOnce(new DOMException('x', 'QuotaExceededError'))
      .mockResolvedValue(undefined);
    await save.track(write).catch(() => undefined);
    await vi.advanceTimersByTimeAsync((RETRY_DELAYS_MS[0] ?? 0) - 1);
    expect(write).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(write).toHaveBeenCalledTimes(2);
    expect(save.state).toBe('error');
    await vi.advanceTimersByTimeAsync((RETRY_DELAYS_MS[1] ?? 0) - 1);
    expect(write).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(write).toHaveBeenCalledTimes(3);
    expect(save.state).toBe('saved');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(write).toHaveBeenCalledTimes(3);
  });

  it('keeps one failure per key: a later write of the same thing replaces the earlier one', async () => {
    const save = useSaveStatusStore();
    const first = vi.fn<() => Promise<void>>().mockRejectedValue(new Error('full'));
    const second = vi.fn<() => Promise<void>>().mockRejectedValueOnce(new Error('full')).mockResolvedValue(undefined);
    await save.track(first, { key: 'answer:r:i' }).catch(() => undefined);
    await save.track(second, { key: 'answer:r:i' }).catch(() => undefined);
    expect(save.isFailed('answer:r:i')).toBe(true);
    expect(save.isFailed('answer:r:other')).toBe(false);
    await save.retry();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);
    expect(save.isFailed('answer:r:i')).toBe(false);
    expect(save.state).toBe('saved');
  });

  it('redoes a failure the way its caller asks (a text field writes its latest text)', async () => {
    const save = useSaveStatusStore();
    const redo = vi.fn(() => save.track(() => Promise.resolve(), { key: 'draft:1' }));
    await save.track(() => Promise.reject(new Error('full')), { key: 'draft:1', redo }).catch(() => undefined);
    await save.retry();
    expect(redo).toHaveBeenCalledTimes(1);
    expect(save.state).toBe('saved');
  });

  it('says "saving" while a text field holds typed text that is not written, and the conflict while one is open', () => {
    const save = useSaveStatusStore();
    save.hold('draft:1');
    expect(save.state).toBe('saving');
    save.hold('draft:1', 'conflict');
    expect(save.state).toBe('conflict');
    save.release('draft:1');
    expect(save.state).toBe('idle');
  });

  it('opens the connection again before retrying', async () => {
    const save = useSaveStatusStore();
    const reopen = vi.spyOn(connection, 'reopen').mockResolvedValue();
    await save.track(() => Promise.reject(new Dexie.DatabaseClosedError())).catch(() => undefined);
    await save.retry();
    expect(reopen).toHaveBeenCalled();
  });
});
