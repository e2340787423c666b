import { describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, shallowRef } from 'vue';
import { useSlicedMap } from '@/composables/useSlicedMap';

interface Item {
  readonly id: string;
  readonly version: number;
}

const item = (id: string, version = 1): Item => ({ id, version });
const ids = (count: number): Item[] => Array.from({ length: count }, (_, i) => item(`c${i}`));

/** useSlicedMap over `list` in a scope of its own; `mapped` lists every item mapped, in order. */
function sliced(list: { value: readonly Item[] | undefined }, options: { sliceMs?: number; depends?: () => unknown } = {}) {
  const mapped: string[] = [];
  const scope = effectScope();
  const result = scope.run(() =>
    useSlicedMap(
      () => list.value,
      (entry) => `${entry.id}|${entry.version}`,
      (entry) => {
        mapped.push(entry.id);
        return `${entry.id}@${entry.version}`;
      },
      options,
    ),
  );
  if (!result) throw new Error('no scope');
  return { result, mapped, stop: () => scope.stop() };
}

/** Lets every pending slice run (they wait on zero-delay timers). */
async function slices(): Promise<void> {
  await vi.runAllTimersAsync();
  await nextTick();
}

describe('useSlicedMap', () => {
  it('maps a small list at once, in order, and is undefined while there is no list', async () => {
    const list = shallowRef<readonly Item[] | undefined>(undefined);
    const { result } = sliced(list);
    expect(result.value).toBeUndefined();
    list.value = ids(3);
    await nextTick();
    expect(result.value).toEqual(['c0@1', 'c1@1', 'c2@1']);
  });

  it('maps a long list a slice at a time, the page free in between, and keeps the last result until the next is done', async () => {
    vi.useFakeTimers();
    try {
      const list = shallowRef<readonly Item[]>(ids(4));
      // A slice of "no time": every item waits for the page once.
      const { result, mapped } = sliced(list, { sliceMs: -1 });
      expect(result.value).toBeUndefined();
      expect(mapped).toEqual([]);
      await vi.advanceTimersByTimeAsync(0);
      expect(mapped.length).toBeGreaterThan(0);
      expect(mapped.length).toBeLessThan(4);
      await slices();
      expect(result.value).toEqual(['c0@1', 'c1@1', 'c2@1', 'c3@1']);

      list.value = [...ids(4), item('c4')];
      await nextTick();
      expect(result.value).toHaveLength(4);
      await slices();
      expect(result.value).toHaveLength(5);
    } finally {
      vi.useRealTimers();
    }
  });

  it('maps only what it has not seen: a new or changed item, not the others', async () => {
    const list = shallowRef<readonly Item[]>(ids(3));
    const { result, mapped } = sliced(list);
    await nextTick();
    mapped.length = 0;

    list.value = [item('c0'), item('c1', 2), item('c2'), item('c3')];
    await nextTick();
    expect(mapped).toEqual(['c1', 'c3']);
    expect(result.value).toEqual(['c0@1', 'c1@2', 'c2@1', 'c3@1']);

    // A removed item is forgotten: when it comes back, it is mapped again.
    list.value = [item('c0')];
    await nextTick();
    mapped.length = 0;
    list.value = [item('c0'), item('c2')];
    await nextTick();
    expect(mapped).toEqual(['c2']);
  });

  it('maps everything anew when what the mapping depends on changes', async () => {
    const list = shallowRef<readonly Item[]>(ids(2));
    const instruments = shallowRef<readonly string[]>(['v1']);
    const { mapped } = sliced(list, { depends: () => instruments.value });
    await nextTick();
    mapped.length = 0;
    instruments.value = ['v1', 'v2'];
    await nextTick();
    expect(mapped).toEqual(['c0', 'c1']);
  });

  it('drops a run overtaken by a newer list, and stops with its scope', async () => {
    vi.useFakeTimers();
    try {
      const list = shallowRef<readonly Item[]>(ids(3));
      const { result, stop } = sliced(list, { sliceMs: -1 });
      list.value = [item('x')];
      await nextTick();
      await slices();
      expect(result.value).toEqual(['x@1']);

      list.value = ids(3);
      await nextTick();
      stop();
      await slices();
      expect(result.value).toEqual(['x@1']);
    } finally {
      vi.useRealTimers();
    }
  });
});
