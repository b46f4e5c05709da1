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

/** What each case file gets: the store of the current test (a fresh one per test). */
export interface ContractEnv {
  store(): Store;
}

/**
 * The one suite every adapter passes (STYLE.md: one port, many adapters, one suite).
 * `makeStore` must return an empty, independent store each time; it is closed after each test.
 */
export function describeStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let current: Store | null = null;
    beforeEach(async () => {
      current = await makeStore();
    });
    afterEach(async () => {
      await current?.close();
      current = null;
    });
    const env: ContractEnv = {
      store: () => {
        if (!current) throw new Error('no store: used outside a test');
        return current;
      },
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
  });
}
