import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UNDO_TIMEOUT_MS, useUndoStore } from '@/stores/undo';

function actions() {
  return {
    undo: vi.fn<() => Promise<void>>(() => Promise.resolve()),
    commit: vi.fn<() => Promise<void>>(() => Promise.resolve()),
  };
}

beforeEach(() => {
  setActivePinia(createPinia());
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('undo toast', () => {
  it('has no toast to begin with, and undo then does nothing', async () => {
    const store = useUndoStore();
    expect(store.toast).toBeUndefined();
    await expect(store.undoLast()).resolves.toBeUndefined();
  });

  it('shows a toast with the message when an action is offered', async () => {
    const store = useUndoStore();
    const first = actions();
    await store.offer('Omgången togs bort.', first.undo, first.commit);
    expect(store.toast?.message).toBe('Omgången togs bort.');
    expect(first.undo).not.toHaveBeenCalled();
    expect(first.commit).not.toHaveBeenCalled();
  });

  it('undoes the action and removes the toast; the deletion is then never committed', async () => {
    const store = useUndoStore();
    const first = actions();
    await store.offer('Borttagen', first.undo, first.commit);
    await store.undoLast();
    expect(first.undo).toHaveBeenCalledOnce();
    expect(store.toast).toBeUndefined();
    await vi.advanceTimersByTimeAsync(UNDO_TIMEOUT_MS * 2);
    expect(first.commit).not.toHaveBeenCalled();
  });

  it('commits the action when the time runs out, and not a moment before', async () => {
    const store = useUndoStore();
    const first = actions();
    await store.offer('Borttagen', first.undo, first.commit);
    await vi.advanceTimersByTimeAsync(UNDO_TIMEOUT_MS - 1);
    expect(first.commit).not.toHaveBeenCalled();
    expect(store.toast).toBeDefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(first.commit).toHaveBeenCalledOnce();
    expect(first.undo).not.toHaveBeenCalled();
    expect(store.toast).toBeUndefined();
  });

  it('commits the first action when a second is offered, and shows the second', async () => {
    const store = useUndoStore();
    const first = actions();
    const second = actions();
    await store.offer('Första', first.undo, first.commit);
    await store.offer('Andra', second.undo, second.commit);
    expect(first.commit).toHaveBeenCalledOnce();
    expect(second.commit).not.toHaveBeenCalled();
    expect(store.toast?.message).toBe('Andra');

    await store.undoLast();
    expect(second.undo).toHaveBeenCalledOnce();
    expect(first.undo).not.toHaveBeenCalled();
  });

  it('gives the second toast its own full time', async () => {
    const store = useUndoStore();
    const first = actions();
    const second = actions();
    await store.offer('Första', first.undo, first.commit);
    await vi.advanceTimersByTimeAsync(UNDO_TIMEOUT_MS - 1000);
    await store.offer('Andra', second.undo, second.commit);
    await vi.advanceTimersByTimeAsync(UNDO_TIMEOUT_MS - 1);
    expect(second.commit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(second.commit).toHaveBeenCalledOnce();
    expect(first.commit).toHaveBeenCalledOnce();
  });

  it('gives every toast a new id (so the toast is announced again)', async () => {
    const store = useUndoStore();
    const first = actions();
    const second = actions();
    await store.offer('Första', first.undo, first.commit);
    const firstId = store.toast?.id;
    await store.offer('Andra', second.undo, second.commit);
    expect(firstId).toBeDefined();
    expect(store.toast?.id).not.toBe(firstId);
  });

  it('commits at once when dismissed', async () => {
    const store = useUndoStore();
    const first = actions();
    await store.offer('Borttagen', first.undo, first.commit);
    await store.dismiss();
    expect(first.commit).toHaveBeenCalledOnce();
    expect(store.toast).toBeUndefined();
    await vi.advanceTimersByTimeAsync(UNDO_TIMEOUT_MS);
    expect(first.commit).toHaveBeenCalledOnce();
  });

  it('is busy while the undo runs and ignores a second press', async () => {
    const store = useUndoStore();
    let finish!: () => void;
    const undo = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const commit = vi.fn(() => Promise.resolve());
    await store.offer('Borttagen', undo, commit);
    const pressed = store.undoLast();
    expect(store.busy).toBe(true);
    await store.undoLast();
    expect(undo).toHaveBeenCalledOnce();
    finish();
    await pressed;
    expect(store.busy).toBe(false);
    expect(store.toast).toBeUndefined();
  });

  it('keeps the toast when the undo fails, so that it can be tried again', async () => {
    const store = useUndoStore();
    const undo = vi.fn<() => Promise<void>>().mockRejectedValueOnce(new Error('busy')).mockResolvedValueOnce(undefined);
    const commit = vi.fn(() => Promise.resolve());
    await store.offer('Borttagen', undo, commit);
    await expect(store.undoLast()).rejects.toThrow('busy');
    expect(store.busy).toBe(false);
    expect(store.toast?.message).toBe('Borttagen');
    await store.undoLast();
    expect(undo).toHaveBeenCalledTimes(2);
    expect(store.toast).toBeUndefined();
    expect(commit).not.toHaveBeenCalled();
  });

  it('keeps a new offer made while an undo is still running, and does not commit the action being undone', async () => {
    const store = useUndoStore();
    let finishUndo!: () => void;
    const first = {
      undo: vi.fn(() => new Promise<void>((resolve) => (finishUndo = resolve))),
      commit: vi.fn(() => Promise.resolve()),
    };
    const second = actions();
    await store.offer('Första', first.undo, first.commit);
    const undoing = store.undoLast();
    await store.offer('Andra', second.undo, second.commit);
    finishUndo();
    await undoing;
    expect(first.commit).not.toHaveBeenCalled();
    expect(store.toast?.message).toBe('Andra');
    await vi.advanceTimersByTimeAsync(UNDO_TIMEOUT_MS);
    expect(second.commit).toHaveBeenCalledOnce();
  });
});
