import { onScopeDispose, shallowRef, watch, type ShallowRef } from 'vue';

/** Work done in one go before the page gets the main thread back (a long task is over 50 ms). */
export const SLICE_MS = 12;

export interface SlicedMapOptions {
  /** What else `map` depends on: when it changes, every item is mapped anew. */
  readonly depends?: () => unknown;
  readonly sliceMs?: number;
}

const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * `map` over a list in slices of a few milliseconds, with the page free between them, and kept per
 * item by `keyOf`: when the list changes, only the items not seen before are mapped. `undefined`
 * while there is no list yet (`items` gives undefined) and until the first list is done; after that the last complete result stays until the next is done,
 * so that nothing flickers. A list mapped within one slice is done at once (no waiting).
 * Scoring 200 centres' files in one computed held the coordinator's page for most of a second.
 */
export function useSlicedMap<T, R>(
  items: () => readonly T[] | undefined,
  keyOf: (item: T) => string,
  map: (item: T) => R,
  options: SlicedMapOptions = {},
): ShallowRef<readonly R[] | undefined> {
  const result = shallowRef<readonly R[]>();
  const sliceMs = options.sliceMs ?? SLICE_MS;
  let memo = new Map<string, R>();
  let run = 0;
  let disposed = false;

  async function mapAll(list: readonly T[], current: number): Promise<void> {
    const next = new Map<string, R>();
    const out: R[] = [];
    let sliceStart = performance.now();
    let sliced = false;
    for (const item of list) {
      const key = keyOf(item);
      let value = next.get(key) ?? memo.get(key);
      if (value === undefined) {
        if (performance.now() - sliceStart > sliceMs) {
          await yieldToPage();
          if (current !== run || disposed) return;
          sliced = true;
          sliceStart = performance.now();
        }
        value = map(item);
      }
      next.set(key, value);
      out.push(value);
    }
    // A list that took more than one slice is handed over in a task of its own: what draws it
    // (a whole page, at first) then does not run on the end of the last slice.
    if (sliced) {
      await yieldToPage();
      if (current !== run || disposed) return;
    }
    memo = next;
    result.value = out;
  }

  watch(
    () => [items(), options.depends?.()] as const,
    ([list, depends], previous) => {
      if (previous && previous[1] !== depends) memo = new Map();
      run += 1;
      if (list === undefined) result.value = undefined;
      else void mapAll(list, run);
    },
    { immediate: true },
  );
  onScopeDispose(() => {
    disposed = true;
  });
  return result;
}
