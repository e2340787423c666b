import { createConnection } from './connection';
import { db } from './database';

// The database and its connection. The intent methods live one module per resource (centres.ts,
// rounds.ts, answers.ts, actions.ts, ratings.ts, localItems.ts, instruments.ts, workspace.ts,
// settings.ts, deletions.ts, exchange.ts, handIns.ts, cycleDocuments.ts, network.ts, privacy.ts):
// each store imports the one it needs, so a page downloads only the modules it uses.
export { AppDatabase, DATABASE_NAME, db, type InstalledInstrument, type WorkspaceEntry } from './database';
export { classifyStorageError, createConnection, TextConflictError, type Connection, type ConnectionEvent, type StorageProblem } from './connection';
// Re-exported so that live queries are built from repository reads without importing Dexie elsewhere.
export { liveQuery } from 'dexie';

/** The app's one connection: blocked upgrades, closes and reopening. */
export const connection = createConnection(db);
