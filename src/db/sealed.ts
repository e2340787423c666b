import type { DBCore, DBCoreTable, Middleware } from 'dexie';

/**
 * A hand-in is a document of record: once stored it is never written again. This sits in Dexie's
 * lowest layer (DBCore), below put, update, modify, bulkPut, delete and clear alike, so no code path
 * can reach past it: a write that would change or remove a stored hand-in fails, and its
 * transaction with it. Adding a new hand-in is the one write allowed. The only removal is of a
 * centre that is itself being removed (absent or marked deleted, seen in the same transaction), so
 * removing a centre takes its hand-ins with it and nothing else can.
 */

export const HAND_INS_TABLE = 'handIns';

const SEALED = 'a hand-in is sealed: only its centre’s removal removes it';

export class SealedHandInError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealedHandInError';
  }
}

interface StoredRef {
  id: string;
  centreId: string;
}

/*
 * Written with then() and no async/await on purpose: the layers below read the transaction's zone
 * (Dexie's PSD), which Dexie's own promises carry along and a native await would lose.
 */
function guard(core: DBCore, table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate(request) {
      const { trans } = request;
      const primaryKey = table.schema.primaryKey;
      const found: Promise<(StoredRef | undefined)[]> =
        request.type === 'add'
          ? Promise.resolve([])
          : request.type === 'deleteRange'
            ? table.query({ trans, values: true, query: { index: primaryKey, range: request.range } }).then((r) => r.result)
            : table.getMany({ trans, keys: request.type === 'put' ? (request.keys ?? request.values.map((value: unknown) => primaryKey.extractKey?.(value))) : request.keys });
      return found.then((stored) => {
        const existing = stored.filter((ref): ref is StoredRef => ref !== undefined);
        if (existing.length === 0) return table.mutate(request);
        if (request.type === 'put' || request.type === 'add') throw new SealedHandInError(SEALED);
        // Only with its centre, which must be gone or marked deleted; a transaction without the centres table cannot tell, so no.
        const removed = core
          .table('centres')
          .getMany({ trans, keys: [...new Set(existing.map((ref) => ref.centreId))] })
          .then((centres) => centres.every((centre: { deletedAt?: string } | undefined) => !centre || Boolean(centre.deletedAt)));
        return removed.then(
          (ok) => {
            if (!ok) throw new SealedHandInError(SEALED);
            return table.mutate(request);
          },
          (error: unknown) => {
            throw error instanceof SealedHandInError ? error : new SealedHandInError(SEALED);
          },
        );
      });
    },
  };
}

export const sealedHandIns: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'sealedHandIns',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        return name === HAND_INS_TABLE ? guard(down, table) : table;
      },
    };
  },
};
