import type { Centre } from '@/domain/types';

/**
 * The start page's one read, in plain IndexedDB, so that the first download needs no Dexie (a third
 * of it): the list of centres is on screen before Dexie and the repository arrive after `load`, and
 * the live query they bring takes over from then on.
 *
 * It only reads, and only a database exactly as the current schema left it: a database that does
 * not exist yet is not created (its creation is aborted, and it has no centres), and one at another
 * version (older, waiting for a migration, or newer, from a newer tab) is left to Dexie, which
 * migrates it or says why not. `undefined` means "not answered here": wait for the live query.
 */

/** Must equal `DATABASE_NAME` in database.ts (tests/unit/db/firstRead.test.ts checks). */
export const FIRST_READ_DATABASE = 'familjecentral';
/** The schema version the records are read in: Dexie's `verno` (tests/unit/db/firstRead.test.ts checks). */
export const FIRST_READ_SCHEMA_VERSION = 11;
/** Dexie stores version n as IndexedDB version 10 n. */
const IDB_VERSION = FIRST_READ_SCHEMA_VERSION * 10;

/** The visible centres, sorted by name as `repository.listCentres` sorts them. */
export function readCentresFirst(factory: IDBFactory | null = typeof indexedDB === 'undefined' ? null : indexedDB): Promise<Centre[] | undefined> {
  return new Promise((resolve) => {
    if (!factory) {
      resolve(undefined);
      return;
    }
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(FIRST_READ_DATABASE);
    } catch {
      resolve(undefined);
      return;
    }
    let created = false;
    request.onupgradeneeded = () => {
      // Opening without a version creates a missing database at version 1: abort that, so that
      // Dexie later creates it with its own schema, as on any first visit.
      created = true;
      request.transaction?.abort();
    };
    request.onerror = (event) => {
      event.preventDefault();
      resolve(created ? [] : undefined);
    };
    request.onblocked = () => {
      resolve(undefined);
    };
    request.onsuccess = () => {
      const database = request.result;
      // Another tab's upgrade must never wait for this connection.
      database.onversionchange = () => {
        database.close();
      };
      const done = (centres: Centre[] | undefined): void => {
        database.close();
        resolve(centres);
      };
      if (database.version !== IDB_VERSION || !database.objectStoreNames.contains('centres')) {
        done(undefined);
        return;
      }
      try {
        const read = database.transaction('centres', 'readonly').objectStore('centres').getAll();
        read.onsuccess = () => {
          const centres = (read.result as Centre[]).filter((centre) => !centre.deletedAt);
          done(centres.sort((a, b) => a.name.localeCompare(b.name, 'sv')));
        };
        read.onerror = (event) => {
          event.preventDefault();
          done(undefined);
        };
      } catch {
        done(undefined);
      }
    };
  });
}
