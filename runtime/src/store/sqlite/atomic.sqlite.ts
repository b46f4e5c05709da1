import type Database from 'better-sqlite3';

/**
 * Runs a multi-statement operation as one unit: BEGIN IMMEDIATE … COMMIT when no transaction is
 * open (the caller went through the gate, so none of ours is), a SAVEPOINT inside an open one
 * (better-sqlite3 nests by itself). IMMEDIATE takes the write lock before the first read, so
 * another process cannot change what was read before it is written.
 */
export function atomically<T>(db: Database.Database, fn: () => T): T {
  return db.transaction(fn).immediate();
}
