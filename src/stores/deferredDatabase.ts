import { getCurrentScope, onScopeDispose, ref, shallowRef, watch } from 'vue';
import type { LiveQuery } from '@/composables/useLiveQuery';
import type * as Database from '@/db/deferred';

/** The database code of the first screen's stores: the connection, live queries and the repositories they use. */
export type DatabaseModule = typeof Database;

/** Resolves once the page's `load` event has passed (at once when it has). */
function afterLoad(): Promise<void> {
  if (typeof document === 'undefined' || document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    addEventListener(
      'load',
      () => {
        resolve();
      },
      { once: true },
    );
  });
}

let database: Promise<DatabaseModule> | undefined;

/**
 * The database code for the stores the start page uses (centres, undo, save status). Dexie and the
 * repository are a third of the start page's download and the page draws without them (its list
 * comes from `readCentresFirst`), so they are fetched after `load`. Every other page imports
 * `@/db` with its own chunk, so there this resolves with the module already loaded.
 */
export function loadDatabase(): Promise<DatabaseModule> {
  if (!database) {
    const loading = afterLoad().then(() => import('@/db/deferred'));
    // A failed fetch (offline before the service worker had the chunk) is tried again next time.
    loading.catch(() => {
      if (database === loading) database = undefined;
    });
    database = loading;
  }
  return database;
}

/**
 * `useLiveQuery` for a store on the start page: the same live data, subscribed once the database
 * code is here. `first`, when given, answers sooner without it (plain IndexedDB); its answer shows
 * until the live query's first one, and `undefined` from it means "wait for the live query".
 */
export function useDeferredLiveQuery<T>(querier: (db: DatabaseModule) => Promise<T>, first?: () => Promise<T | undefined>): LiveQuery<T> {
  const data = shallowRef<T>();
  const error = shallowRef<unknown>();
  const loading = ref(true);
  const scope = getCurrentScope();
  let disposed = false;
  let live = false;
  if (scope) {
    onScopeDispose(() => {
      disposed = true;
    });
  }

  if (first) {
    first().then(
      (value) => {
        if (value === undefined || live || disposed) return;
        data.value = value;
        loading.value = false;
      },
      () => undefined,
    );
  }

  // useLiveQuery imports the database code itself, so it too is asked for only after `load`.
  loadDatabase()
    .then(async (db) => ({ db, useLiveQuery: (await import('@/composables/useLiveQuery')).useLiveQuery }))
    .then(
    ({ db, useLiveQuery }) => {
      if (disposed) return;
      const subscribe = (): void => {
        const query = useLiveQuery(() => querier(db));
        watch(
          [query.data, query.error, query.loading],
          ([value, failure, waiting]) => {
            // While the live query (re)subscribes, what is shown stays.
            if (waiting) return;
            live = true;
            data.value = value;
            error.value = failure;
            loading.value = false;
          },
          { immediate: true },
        );
      };
      if (scope) scope.run(subscribe);
      else subscribe();
    },
    (failure: unknown) => {
      if (disposed) return;
      error.value = failure;
      loading.value = false;
    },
  );

  return { data, error, loading };
}
