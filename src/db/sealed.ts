import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';

/**
 * A hand-in is a document of record: once stored it is never written again. This sits in Dexie's
 * lowest layer (DBCore), below put, update, modify, bulkPut, delete and clear alike, so no code path
 * can reach past it: a write that would change or remove a stored hand-in fails, and its
 * transaction with it. Adding a new hand-in is the one write allowed. The only removal is of a
 * centre that is itself being removed (absent or marked deleted, seen in the same transaction), so
 * removing a centre takes its hand-ins with it and nothing else can.
 */

export const HAND_INS_TABLE = 'handIns';

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

function refsOf(values: readonly unknown[]): StoredRef[] {
  return values.filter((value): value is StoredRef => typeof value === 'object' && value !== null && 'id' in value);
}

/*
 * Written with then() and no async/await on purpose: the layers below read the transaction's zone
 * (Dexie's PSD), which Dexie's own promises carry along and a native await would lose.
 */
function stored(table: DBCoreTable, trans: DBCoreTransaction, request: DBCoreMutateRequest): Promise<StoredRef[]> {
  switch (request.type) {
    case 'add':
      return Promise.resolve([]);
    case 'put': {
      const keys = request.keys ?? request.values.map((value) => table.schema.primaryKey.extractKey?.(value));
      return table.getMany({ trans, keys }).then(refsOf);
    }
    case 'delete':
      return table.getMany({ trans, keys: request.keys }).then(refsOf);
    case 'deleteRange':
      return table.query({ trans, values: true, query: { index: table.schema.primaryKey, range: request.range } }).then((found) => refsOf(found.result));
  }
}

/** Whether every centre named is gone or marked deleted; a transaction without the centres table cannot tell, so no. */
function centresRemoved(core: DBCore, trans: DBCoreTransaction, centreIds: readonly string[]): Promise<boolean> {
  try {
    return core
      .table('centres')
      .getMany({ trans, keys: [...centreIds] })
      .then(
        (centres) => centres.every((centre: unknown) => centre === undefined || Boolean((centre as { deletedAt?: string }).deletedAt)),
        () => false,
      );
  } catch {
    return Promise.resolve(false);
  }
}

function guard(core: DBCore, table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate(request) {
      return stored(table, request.trans, request).then((existing) => {
        if (existing.length === 0) return table.mutate(request);
        if (request.type === 'put' || request.type === 'add') {
          throw new SealedHandInError(`hand-in ${existing[0]?.id ?? ''} is sealed and cannot be changed`);
        }
        const centreIds = [...new Set(existing.map((handIn) => handIn.centreId))];
        return centresRemoved(core, request.trans, centreIds).then((removed) => {
          if (!removed) throw new SealedHandInError('a hand-in can only be removed with its centre');
          return table.mutate(request);
        });
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
