import { afterAll } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore, type Collection, type Store } from '../../src/store';
import { defaultUpdateMany } from '@tessera/core/store/shared';
import { defaultDeleteMany } from '@tessera/core/store/shared';
import { defaultUpsert } from '@tessera/core/store/shared';
import { defaultClaim } from '@tessera/core/store/shared';
import { describeStoreContract } from './contract.suite';

/**
 * The shared defaults (built from find/get/insert/update/delete/transaction) pass the same
 * contract as the adapters' atomic overrides: here they replace SQLite's own upsert,
 * updateMany, deleteMany and claim, on every store and `tx` handle.
 */
function withDefaults(inner: Store): Store {
  const wrap = (c: Collection, store: Store): Collection =>
    Object.assign(Object.create(c) as Collection, {
      upsert: (id: string, patch: Parameters<Collection['upsert']>[1], options?: Parameters<Collection['upsert']>[2]) =>
        defaultUpsert(store, c.name, id, patch, options),
      updateMany: (filter: Parameters<Collection['updateMany']>[0], patch: Parameters<Collection['updateMany']>[1]) =>
        defaultUpdateMany(store, c.name, filter, patch),
      deleteMany: (filter: Parameters<Collection['deleteMany']>[0]) => defaultDeleteMany(store, c.name, filter),
      claim: (options: Parameters<Collection['claim']>[0]) => defaultClaim(store, c.name, options),
    });
  const store: Store = {
    kind: inner.kind,
    get log() {
      return inner.log;
    },
    ensureCollection: async (spec) => wrap(await inner.ensureCollection(spec), store),
    collection: (name) => wrap(inner.collection(name), store),
    listCollections: () => inner.listCollections(),
    dropCollection: (name) => inner.dropCollection(name),
    transaction: (fn) => inner.transaction((tx) => fn(withDefaults(tx))),
    sweepExpired: (now) => inner.sweepExpired(now),
    close: () => inner.close(),
  };
  return store;
}

const dir = mkdtempSync(join(tmpdir(), 'tessera-defaults-contract-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// No peer: the defaults hold a transaction open across awaits, and a second connection in the same
// thread would block it on SQLite's write lock (separate processes just wait their turn).
describeStoreContract('shared defaults over sqlite', async () => withDefaults(createSqliteStore({ file: join(dir, `store-${++n}.db`) })));
