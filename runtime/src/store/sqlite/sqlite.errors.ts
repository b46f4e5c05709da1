import { StorageFullError, StoreError, UniqueViolationError } from '@tessera/core/store';

interface SqliteErrorLike {
  code?: string;
  message?: string;
}

/**
 * Maps SQLite constraint errors to port errors. A unique violation on an expression index reads
 * "UNIQUE constraint failed: index 'tx_…'", so the index name tells which declared fields clash.
 */
export function mapSqliteError(collection: string, indexFields: ReadonlyMap<string, string[]>, err: unknown): unknown {
  const e = err as SqliteErrorLike;
  if (e?.code === 'SQLITE_FULL') return new StorageFullError(err);
  if (e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return new UniqueViolationError(collection, ['id']);
  if (e?.code === 'SQLITE_CONSTRAINT_UNIQUE') {
    const name = /index '([^']+)'/.exec(e.message ?? '')?.[1];
    if (name === undefined && /\.id$/.test(e.message ?? '')) return new UniqueViolationError(collection, ['id']);
    return new UniqueViolationError(collection, (name && indexFields.get(name)) || [name ?? 'unknown']);
  }
  if (e?.code === 'SQLITE_ERROR' && /no such table/.test(e.message ?? '')) {
    return new StoreError(`collection "${collection}" does not exist (dropped?)`);
  }
  return err;
}

/** Errors of the store as a whole (BEGIN, COMMIT): a full disk is the port's StorageFullError. */
export function mapStoreError(err: unknown): unknown {
  return (err as SqliteErrorLike)?.code === 'SQLITE_FULL' ? new StorageFullError(err) : err;
}
