import { afterEach, beforeEach, describe } from '@jest/globals';
import type { Store } from '../../src/store';
import { crudCases } from './contract/crud.cases';
import { uniqueCases } from './contract/unique.cases';
import { filterCases } from './contract/filter.cases';
import { sortPagingCases } from './contract/sort-paging.cases';
import { aggregateCases } from './contract/aggregate.cases';
import { transactionCases } from './contract/transaction.cases';
import { schemaCases } from './contract/schema.cases';
import { refusedCases } from './contract/refused.cases';
import { searchCases } from './contract/search.cases';
import { incCases } from './contract/inc.cases';
import { upsertCases } from './contract/upsert.cases';
import { manyCases } from './contract/many.cases';
import { claimCases } from './contract/claim.cases';
import { ttlCases } from './contract/ttl.cases';
import { logCases } from './contract/log.cases';

/** What each case file gets: the store of the current test (a fresh one per test). */
export interface ContractEnv {
  store(): Store;
  /**
   * Another store instance on the same data as `store()` (another process's view: a second
   * connection to the SQLite file or the MongoDB database), closed after the test. Absent for
   * adapters whose data lives in one instance only; the cases that need it are then left out.
   */
  peer?(): Promise<Store>;
}

export interface ContractOptions {
  /** Opens another store on the data of the store `makeStore` made last (see ContractEnv.peer). */
  peer?: () => Promise<Store>;
}

/**
 * The one suite every adapter passes (STYLE.md: one port, many adapters, one suite).
 * `makeStore` must return an empty, independent store each time; it is closed after each test.
 */
export function describeStoreContract(name: string, makeStore: () => Promise<Store>, options: ContractOptions = {}): void {
  describe(`Store contract: ${name}`, () => {
    let current: Store | null = null;
    const peers: Store[] = [];
    beforeEach(async () => {
      current = await makeStore();
    });
    afterEach(async () => {
      for (const p of peers.splice(0)) await p.close();
      await current?.close();
      current = null;
    });
    const openPeer = options.peer;
    const env: ContractEnv = {
      store: () => {
        if (!current) throw new Error('no store: used outside a test');
        return current;
      },
      ...(openPeer
        ? {
            peer: async () => {
              const p = await openPeer();
              peers.push(p);
              return p;
            },
          }
        : {}),
    };
    describe('CRUD and system fields', () => crudCases(env));
    describe('unique constraints', () => uniqueCases(env));
    describe('filters', () => filterCases(env));
    describe('text search', () => searchCases(env));
    describe('sort and cursor pagination', () => sortPagingCases(env));
    describe('count and aggregate', () => aggregateCases(env));
    describe('transactions', () => transactionCases(env));
    describe('ensureCollection and collections', () => schemaCases(env));
    describe('refused queries', () => refusedCases(env));
    describe('$inc', () => incCases(env));
    describe('upsert', () => upsertCases(env));
    describe('updateMany and deleteMany', () => manyCases(env));
    describe('claim', () => claimCases(env));
    describe('TTL (expireField)', () => ttlCases(env));
    describe('change log', () => logCases(env));
  });
}
