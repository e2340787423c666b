export { AppDatabase, DATABASE_NAME, db, type InstalledInstrument, type WorkspaceEntry } from './database';
export { createRepository, repository, type Repository, type RoundOverview } from './repository';
// Re-exported so that live queries are built from repository reads without importing Dexie elsewhere.
export { liveQuery } from 'dexie';
export { createPrivacyRepository, privacyRepository, type Erased, type PrivacyRepository } from './privacy';
