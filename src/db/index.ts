import { createConnection } from './connection';
import { db } from './database';

export { AppDatabase, DATABASE_NAME, db, type InstalledInstrument, type WorkspaceEntry } from './database';
export { createRepository, repository, type Repository, type RoundOverview } from './repository';
export { createPrivacyRepository, privacyRepository, type Erased, type PrivacyRepository } from './privacy';
export { classifyStorageError, createConnection, TextConflictError, type Connection, type ConnectionEvent, type StorageProblem } from './connection';
// Re-exported so that live queries are built from repository reads without importing Dexie elsewhere.
export { liveQuery } from 'dexie';

/** The app's one connection: blocked upgrades, closes and reopening. */
export const connection = createConnection(db);
