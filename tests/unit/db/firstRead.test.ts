import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_NAME, db } from '@/db';
import { repository } from '../../fixtures/repository';
import { FIRST_READ_DATABASE, FIRST_READ_SCHEMA_VERSION, readCentresFirst } from '@/db/firstRead';
import { createCentre } from '@/domain/records';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { centreInput } from '../../fixtures/records';

/** Opens `name` at `version` in `factory`, calling `upgrade` in its upgrade; resolves with the old version. */
function openRaw(factory: IDBFactory, version: number, upgrade: (database: IDBDatabase, transaction: IDBTransaction) => void = () => undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = factory.open(FIRST_READ_DATABASE, version);
    let oldVersion = version;
    request.onupgradeneeded = (event) => {
      oldVersion = event.oldVersion;
      if (request.transaction) upgrade(request.result, request.transaction);
    };
    request.onsuccess = () => {
      request.result.close();
      resolve(oldVersion);
    };
    request.onerror = () => {
      reject(request.error ?? new Error('open failed'));
    };
  });
}

beforeEach(async () => {
  await emptyAppDatabase();
});

describe('readCentresFirst (the start page without Dexie)', () => {
  it('reads the database the app writes, at the schema version Dexie opens it with', () => {
    // When a schema version is added, FIRST_READ_SCHEMA_VERSION follows, or the start page waits for
    // Dexie on every visit (it reads only a database as the current schema left it).
    expect(FIRST_READ_DATABASE).toBe(DATABASE_NAME);
    expect(FIRST_READ_SCHEMA_VERSION).toBe(db.verno);
  });

  it('lists the visible centres as the repository does: deleted ones left out, sorted by name in Swedish', async () => {
    for (const name of ['Östberga', 'Alby', 'Fittja', 'Åkersberga']) await repository.addCentre(createCentre(centreInput({ name })));
    const gone = createCentre(centreInput({ name: 'Borttagen' }));
    await repository.addCentre(gone);
    await repository.softDeleteCentre(gone.id);

    const first = await readCentresFirst();
    expect(first?.map((centre) => centre.name)).toEqual(['Alby', 'Fittja', 'Åkersberga', 'Östberga']);
    expect(first).toEqual(await repository.listCentres());
  });

  it('answers [] on a first visit and leaves no database behind, so that Dexie creates it as always', async () => {
    const factory = new IDBFactory();
    expect(await readCentresFirst(factory)).toEqual([]);
    expect((await factory.databases()).map((database) => database.name)).not.toContain(FIRST_READ_DATABASE);
    // Opened at the app's version, the database is new: its upgrade starts from nothing.
    expect(await openRaw(factory, FIRST_READ_SCHEMA_VERSION * 10)).toBe(0);
  });

  it('leaves a database of an older schema to Dexie, which migrates it first', async () => {
    const factory = new IDBFactory();
    await openRaw(factory, 20, (database, transaction) => {
      database.createObjectStore('centres', { keyPath: 'id' });
      transaction.objectStore('centres').put(createCentre(centreInput({ name: 'Alby' })));
    });
    expect(await readCentresFirst(factory)).toBeUndefined();
  });

  it('does not keep another tab waiting: the upgrade of a newer version goes through after the read', async () => {
    const factory = new IDBFactory();
    await openRaw(factory, FIRST_READ_SCHEMA_VERSION * 10, (database) => database.createObjectStore('centres', { keyPath: 'id' }));
    const reading = readCentresFirst(factory);
    const upgraded = openRaw(factory, FIRST_READ_SCHEMA_VERSION * 10 + 10);
    expect(await reading).toEqual([]);
    expect(await upgraded).toBe(FIRST_READ_SCHEMA_VERSION * 10);
  });

  it('answers undefined where there is no IndexedDB at all', async () => {
    expect(await readCentresFirst(null)).toBeUndefined();
  });
});
