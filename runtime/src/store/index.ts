/** The storage port and its adapters. Everything above the store imports from here. */
export type {
  Doc, StoredDoc, Scalar, FieldOperators, Filter, SortKey, FindOptions, Page, AggregateOp, AggregateOptions,
  AggregateRow, FieldKind, CollectionSpec, CountOptions, UpdateOptions, Collection, Store,
} from './store.port';
export { StoreError, NotFoundError, VersionConflictError, UniqueViolationError, InvalidQueryError } from './store.errors';
export { openStore, type OpenStoreOptions } from './open-store';
export { createSqliteStore, SqliteStore, type SqliteStoreOptions } from './sqlite/sqlite.store';
export type { MongoStoreOptions, MongoStore } from './mongodb/mongo.store';
export { newId, ID_PATTERN } from './ids';
export { validateQuery, type QueryRules } from './query/validate-query';
export { normalizeFilter } from './query/filter.normalize';
export { normalizeSort, normalizeLimit } from './query/sort.normalize';
export type { FilterNode } from './query/filter.ast';
export { LIMITS as QUERY_LIMITS } from './query/query.limits';

/** Loads mongoose only when called (see open-store.ts). */
export async function createMongoStore(options: import('./mongodb/mongo.store').MongoStoreOptions): Promise<import('./store.port').Store> {
  const mod = require('./mongodb/mongo.store') as typeof import('./mongodb/mongo.store');
  return mod.createMongoStore(options);
}
