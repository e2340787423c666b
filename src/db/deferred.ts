// What the first screen's stores (centres, undo, save status) need of the database, as one module
// they import lazily (src/stores/deferredDatabase.ts): Dexie and these repositories come after `load`.
export { connection, liveQuery } from './index';
export { centreRepository } from './centres';
export { deletionRepository } from './deletions';
export { roundRepository } from './rounds';
export { workspaceRepository } from './workspace';
