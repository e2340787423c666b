import { describe, expect, it } from 'vitest';
import { deletionKey, expiresAt, isPastWindow, nextExpiry, pendingDeletions, purgeable, UNDO_WINDOW_MS, type DeletedRecord } from '@/domain/deletions';

const T = Date.parse('2026-03-10T09:00:00.000Z');
const at = (ms: number): string => new Date(T + ms).toISOString();

const centre = (id: string, deletedMs: number): DeletedRecord => ({ kind: 'centre', id, label: id, deletedAt: at(deletedMs) });
const round = (id: string, deletedMs: number, centreId = 'c-1'): DeletedRecord => ({ kind: 'round', id, label: id, deletedAt: at(deletedMs), centreId });
const file = (id: string, deletedMs: number): DeletedRecord => ({ kind: 'workspace', id, label: id, deletedAt: at(deletedMs) });

describe('the undo window', () => {
  it('is long enough to reload the app and still undo, and short enough to be a moment', () => {
    expect(UNDO_WINDOW_MS).toBeGreaterThanOrEqual(10_000);
    expect(UNDO_WINDOW_MS).toBeLessThanOrEqual(60_000);
  });

  it('closes UNDO_WINDOW_MS after the deletion: open one millisecond before, closed at that moment', () => {
    expect(expiresAt(at(0))).toBe(T + UNDO_WINDOW_MS);
    expect(isPastWindow(at(0), T + UNDO_WINDOW_MS - 1)).toBe(false);
    expect(isPastWindow(at(0), T + UNDO_WINDOW_MS)).toBe(true);
  });

  it('compares the moment, whatever the offset the time was written with', () => {
    expect(expiresAt('2026-03-10T10:00:00.000+01:00')).toBe(T + UNDO_WINDOW_MS);
  });

  it('treats a mark that is not a time as closed (it cannot be offered, and may go)', () => {
    expect(isPastWindow('', T)).toBe(true);
    expect(isPastWindow('igår', T)).toBe(true);
    expect(pendingDeletions([{ kind: 'round', id: 'r', label: 'r', deletedAt: 'igår' }], T)).toEqual([]);
  });
});

describe('pending deletions', () => {
  it('are the deletions whose window is still open, oldest first, each with its end', () => {
    const records = [round('r-2', 4000), centre('c-9', 1000), file('w-1', 2000), round('r-old', -UNDO_WINDOW_MS)];
    const pending = pendingDeletions(records, T + 5000);
    expect(pending.map((deletion) => deletion.id)).toEqual(['c-9', 'w-1', 'r-2']);
    expect(pending[0]).toEqual({ ...centre('c-9', 1000), expiresAt: T + 1000 + UNDO_WINDOW_MS });
  });

  it('drop out one by one as their windows close', () => {
    const records = [round('a', 0), round('b', 3000)];
    expect(pendingDeletions(records, T + UNDO_WINDOW_MS - 1).map((d) => d.id)).toEqual(['a', 'b']);
    expect(pendingDeletions(records, T + UNDO_WINDOW_MS).map((d) => d.id)).toEqual(['b']);
    expect(pendingDeletions(records, T + UNDO_WINDOW_MS + 3000)).toEqual([]);
  });

  it('keep a stable order for deletions made in the same millisecond', () => {
    const records = [round('b', 0), centre('a', 0)];
    expect(pendingDeletions(records, T).map(deletionKey)).toEqual(['centre:a', 'round:b']);
    expect(pendingDeletions([...records].reverse(), T).map(deletionKey)).toEqual(['centre:a', 'round:b']);
  });

  it('tell when the next window closes', () => {
    expect(nextExpiry([], T)).toBeUndefined();
    expect(nextExpiry([round('a', 2000), round('b', 1000)], T + 1500)).toBe(T + 1000 + UNDO_WINDOW_MS);
    expect(nextExpiry([round('a', 0)], T + UNDO_WINDOW_MS)).toBeUndefined();
  });
});

describe('what may be purged', () => {
  it('is each record whose own window has passed, never one whose window is open', () => {
    const records = [round('a', 0), round('b', 5000), file('w', 0), centre('c-2', 5000)];
    expect(purgeable(records, T + UNDO_WINDOW_MS - 1)).toEqual([]);
    expect(purgeable(records, T + UNDO_WINDOW_MS)).toEqual([round('a', 0), file('w', 0)]);
    expect(purgeable(records, T + UNDO_WINDOW_MS + 5000)).toEqual(records);
  });

  it('keeps a centre while a round deleted under it can still be undone, and lets both go after', () => {
    const records = [centre('c-1', 0), round('r-1', 4000, 'c-1'), round('r-other', 4000, 'c-2')];
    expect(purgeable(records, T + UNDO_WINDOW_MS)).toEqual([]);
    expect(purgeable(records, T + UNDO_WINDOW_MS + 4000)).toEqual(records);
  });

  it('lets a round deleted before its centre go on its own, the centre staying undoable', () => {
    const records = [round('r-1', 0, 'c-1'), centre('c-1', 4000)];
    expect(purgeable(records, T + UNDO_WINDOW_MS)).toEqual([round('r-1', 0, 'c-1')]);
    expect(pendingDeletions(records, T + UNDO_WINDOW_MS).map((d) => d.id)).toEqual(['c-1']);
  });

  it('names records of different tables apart', () => {
    expect(deletionKey(centre('x', 0))).not.toBe(deletionKey(file('x', 0)));
  });
});
