import { onScopeDispose, ref, shallowRef, watch, type Ref, type WatchSource } from 'vue';
import { connection, liveQuery } from '@/db';

export interface LiveQuery<T> {
  /** The latest result, `undefined` until the first one arrives. */
  readonly data: Ref<T | undefined>;
  readonly error: Ref<unknown>;
  readonly loading: Ref<boolean>;
}

/**
 * Subscribes to a Dexie live query and re-runs it whenever the tables it read change (in this tab
 * or another). With `source`, the query is re-subscribed when that changes (for example a route id).
 * The subscription ends with the component or store scope. A query that failed, or whose
 * connection closed, subscribes again when the database is open again.
 */
export function useLiveQuery<T, S = undefined>(
  querier: (value: S) => Promise<T>,
  source?: WatchSource<S>,
): LiveQuery<T> {
  const data = shallowRef<T>();
  const error = shallowRef<unknown>();
  const loading = ref(true);
  let unsubscribe: (() => void) | undefined;
  let current: S | undefined;
  let stale = false;

  function subscribe(value: S): void {
    unsubscribe?.();
    current = value;
    stale = false;
    loading.value = true;
    const subscription = liveQuery(() => querier(value)).subscribe({
      next: (result) => {
        data.value = result;
        error.value = undefined;
        loading.value = false;
      },
      error: (failure: unknown) => {
        error.value = failure;
        loading.value = false;
      },
    });
    unsubscribe = () => {
      subscription.unsubscribe();
    };
  }

  if (source === undefined) subscribe(undefined as S);
  else watch(source, (value) => {
    data.value = undefined;
    subscribe(value);
  }, { immediate: true });

  const stopWatchingConnection = connection.onConnection((event) => {
    if (event === 'closed') stale = true;
    if (event === 'ready' && (stale || error.value !== undefined) && unsubscribe) subscribe(current as S);
  });

  onScopeDispose(() => {
    stopWatchingConnection();
    unsubscribe?.();
  });
  return { data, error, loading };
}
