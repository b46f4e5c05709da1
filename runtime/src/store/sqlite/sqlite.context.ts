import type Database from 'better-sqlite3';
import type { SanitizedSpec } from '@tessera/core/store/shared';
import { mapSqliteError } from './sqlite.errors';
import { DOC_IN, DOC_OUT, quoteIdent } from './sql.fields';
import type { StatementCache } from './statement.cache';

/** Row as read by the hot statements (`.raw()` arrays are the cheapest shape better-sqlite3 returns). */
export type RawRow = [id: string, version: number, createdAt: string, updatedAt: string, doc: string];
export const ROW_COLUMNS = `"id", "version", "created_at", "updated_at", ${DOC_OUT}`;

/**
 * Everything a method file needs about one collection: the connection, its spec and the
 * prepared statements for the hot paths (get by id, insert, update, delete).
 */
export interface SqliteContext {
  db: Database.Database;
  name: string;
  table: string;
  spec: SanitizedSpec;
  /** index name -> declared fields, for unique-violation messages */
  indexFields: Map<string, string[]>;
  cache: StatementCache;
  stmts: {
    get: Database.Statement;
    insert: Database.Statement;
    update: Database.Statement;
    deleteAny: Database.Statement;
    deleteAt: Database.Statement;
    version: Database.Statement;
  };
  insertBatch: (rows: unknown[][]) => void;
  mapError(err: unknown): unknown;
}

export function createContext(
  db: Database.Database,
  spec: SanitizedSpec,
  indexFields: Map<string, string[]>,
  cache: StatementCache,
): SqliteContext {
  const table = quoteIdent(spec.name);
  const insert = db.prepare(`INSERT INTO ${table} ("id", "version", "created_at", "updated_at", "doc") VALUES (?, ?, ?, ?, ${DOC_IN})`);
  const ctx: SqliteContext = {
    db,
    name: spec.name,
    table,
    spec,
    indexFields,
    cache,
    stmts: {
      get: db.prepare(`SELECT ${ROW_COLUMNS} FROM ${table} WHERE "id" = ?`).raw(),
      insert,
      update: db.prepare(`UPDATE ${table} SET "version" = ?, "updated_at" = ?, "doc" = ${DOC_IN} WHERE "id" = ? AND "version" = ?`),
      deleteAny: db.prepare(`DELETE FROM ${table} WHERE "id" = ?`),
      deleteAt: db.prepare(`DELETE FROM ${table} WHERE "id" = ? AND "version" = ?`),
      version: db.prepare(`SELECT "version" FROM ${table} WHERE "id" = ?`).pluck(),
    },
    // better-sqlite3 turns this into BEGIN/COMMIT, or a SAVEPOINT inside an open transaction.
    insertBatch: db.transaction((rows: unknown[][]) => {
      for (const r of rows) insert.run(r);
    }),
    mapError: (err) => mapSqliteError(spec.name, ctx.indexFields, err),
  };
  return ctx;
}

/** One-value queries on the connection (search term probes, see search-index.sqlite.ts). */
export function probeWith(ctx: SqliteContext): (sql: string, param: unknown) => number {
  return (sql, param) => ctx.cache.get(sql).pluck().get(param) as number;
}
