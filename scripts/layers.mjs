/**
 * The layers of the app (README, "Architecture"), inner first; each may import only those before
 * it. eslint.config.js turns them into `import-x/no-restricted-paths` zones, so a relative import
 * (`../db`) is caught as well as an `@/` one.
 *
 * - `src/instrument/*.json`: the default instrument as data; imports nothing.
 * - `src/domain`: pure TypeScript; the instrument data at most.
 * - `src/instrument/index.ts`: loads the instrument data and validates it with the domain.
 * - `src/db`: the only door to IndexedDB.
 * - `src/stores`, with `src/composables/useLiveQuery.ts`: the stores' own live-query adapter; of
 *   src/i18n only the message keys (a store keeps a key and its parameters, never a sentence).
 * - `src/i18n`: the catalogues; the domain's types at most (stores speak in keys, not sentences).
 * - `src/composables` (the others): what views share, over stores; like views, never src/db.
 * - `src/components`, `src/views`, `src/modules` (router, service worker), `src/App.vue`, `src/main.ts`.
 */

const UI = ['src/components', 'src/views', 'src/modules', 'src/App.vue', 'src/main.ts'];
const COMPOSABLES = { path: 'src/composables', except: ['./useLiveQuery.ts'] };

/** @type {{ target: string | string[], from: (string | { path: string, except: string[] })[], message: string }[]} */
const rules = [
  { target: 'src/domain', from: ['src/db', 'src/stores', 'src/composables', 'src/i18n', 'src/instrument/index.ts', ...UI], message: 'src/domain is pure TypeScript and depends on nothing above it.' },
  { target: 'src/instrument', from: ['src/db', 'src/stores', 'src/composables', 'src/i18n', ...UI], message: 'The instrument loader depends only on the domain.' },
  { target: 'src/db', from: ['src/stores', 'src/composables', 'src/i18n', ...UI], message: 'src/db depends only on the domain and the instrument.' },
  { target: 'src/stores', from: [COMPOSABLES, ...UI], message: 'A store depends on the domain, src/db and other stores, never on what shows it.' },
  // Stores speak in keys (src/i18n/keys.ts), put into words where they are shown.
  { target: 'src/stores', from: [{ path: 'src/i18n', except: ['./keys.ts'] }], message: 'A store keeps a message key and its parameters; the component that shows it translates.' },
  { target: 'src/composables/useLiveQuery.ts', from: ['src/stores', COMPOSABLES, 'src/i18n', ...UI], message: 'useLiveQuery belongs to the stores.' },
  { target: 'src/i18n', from: ['src/db', 'src/stores', 'src/composables', 'src/instrument', ...UI], message: 'The catalogues depend on the domain\'s types at most.' },
  { target: 'src/composables', from: UI, message: 'A composable does not depend on views or components.' },
  // One way to read data: what is shown reads through the stores (or composables they own), never src/db.
  { target: [...UI, 'src/composables/!(useLiveQuery).ts'], from: ['src/db'], message: 'Read and write through a store; only stores use src/db.' },
];

/** The rules as `import-x/no-restricted-paths` zones: one zone per forbidden folder or file. */
export const layerZones = rules.flatMap(({ target, from, message }) =>
  [target].flat().flatMap((one) =>
    from.map((source) =>
      typeof source === 'string' ? { target: one, from: source, message } : { target: one, from: source.path, except: source.except, message },
    ),
  ),
);
