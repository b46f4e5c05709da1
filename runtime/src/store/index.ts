/** The storage port and its adapters. Everything above the store imports from here. */
export type {
  Doc,
  StoredDoc,
  Scalar,
  FieldOperators,
  Filter,
  SortKey,
  FindOptions,
  Page,
  AggregateOp,
  AggregateOptions,
  AggregateRow,
  FieldKind,
  CollectionSpec,
  CountOptions,
  UpdateOptions,
  Collection,
  Store,
  Increment,
  UpsertOptions,
  UpsertResult,
  ClaimOptions,
  ChangeLog,
  LogEntry,
  LogReadOptions,
} from '@tessera/core/store';
export { StoreError, NotFoundError, VersionConflictError, UniqueViolationError, InvalidQueryError } from '@tessera/core/store';
export { openStore, type OpenStoreOptions } from './open-store';
export { createSqliteStore, SqliteStore, type SqliteStoreOptions } from './sqlite/sqlite.store';
export type { MongoStoreOptions, MongoStore } from './mongodb/mongo.store';
export { newId, ID_PATTERN } from '@tessera/core/store/shared';
export { validateQuery, type QueryRules } from '@tessera/core/query';
export { normalizeFilter } from '@tessera/core/query';
export { normalizeSort, normalizeLimit } from '@tessera/core/query';
export type { FilterNode } from '@tessera/core/query';
export { LIMITS as QUERY_LIMITS } from '@tessera/core/query';

/** Loads mongoose only when called (see open-store.ts). */
export async function createMongoStore(
  options: import('./mongodb/mongo.store').MongoStoreOptions,
): Promise<import('@tessera/core/store').Store> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when MongoDB is used, so SQLite users never load mongoose
  const mod = require('./mongodb/mongo.store') as typeof import('./mongodb/mongo.store');
  return mod.createMongoStore(options);
}
