import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { UniqueViolationError } from '@tessera/core/store';
import type { IndexSpec, SanitizedSpec } from '@tessera/core/store/shared';
import { foldedSql, quoteIdent, valueSql } from './sql.fields';
import { META_TABLE } from './sqlite.meta';
import { ensureSearchIndex } from './search-index.sqlite';

/** Indexes this adapter owns carry this prefix; others (made by hand) are never dropped. */
export const INDEX_PREFIX = 'tx_';
/** Bump when the generated index SQL changes, so existing indexes get rebuilt. */
const INDEX_FORMAT = 1;

export interface PlannedIndex {
  name: string;
  sql: string;
  fields: string[];
}

/**
 * A non-unique index ends with "id" so it also serves the `…, id` tie-breaker of sorts and
 * keyset cursors; a unique one must not (it would make every row unique). The name is readable
 * and ends with a hash of the definition: same name, same index.
 */
export function planIndex(table: string, ix: IndexSpec): PlannedIndex {
  // (ignoreCase is left out of the hash when off: indexes made before it existed keep their names)
  const hash = createHash('sha256')
    .update(JSON.stringify([INDEX_FORMAT, ix.fields, ix.unique, ...(ix.ignoreCase ? ['ignoreCase'] : [])]))
    .digest('hex')
    .slice(0, 8);
  const readable = ix.fields.join('__').replace(/\./g, '_');
  const name = `${INDEX_PREFIX}${table}__${readable}${ix.unique ? '__u' : ''}${ix.ignoreCase ? 'ci' : ''}_${hash}`;
  const cols = ix.fields.map((f) => (ix.ignoreCase ? foldedSql(valueSql(f)) : valueSql(f)));
  if (!ix.unique) cols.push('"id"');
  const sql = `CREATE ${ix.unique ? 'UNIQUE ' : ''}INDEX ${quoteIdent(name)} ON ${quoteIdent(table)} (${cols.join(', ')})`;
  return { name, sql, fields: ix.fields };
}

/**
 * Creates the table and brings its indexes in line with the spec, all in one transaction
 * (SQLite DDL is transactional): a unique index that fails on existing duplicates rolls
 * everything back. Returns index name -> fields for error messages.
 */
export function ensureTable(db: Database.Database, spec: SanitizedSpec): Map<string, string[]> {
  const table = quoteIdent(spec.name);
  const planned = spec.indexes.map((ix) => planIndex(spec.name, ix));
  const run = db.transaction(() => {
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${table} ("id" TEXT PRIMARY KEY NOT NULL, "version" INTEGER NOT NULL, "created_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL, "doc" TEXT NOT NULL)`,
    );
    const existing = new Set(
      db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND substr(name, 1, ?) = ?`)
        .pluck()
        .all(spec.name, INDEX_PREFIX.length, INDEX_PREFIX) as string[],
    );
    const wanted = new Set(planned.map((p) => p.name));
    for (const name of existing) if (!wanted.has(name)) db.exec(`DROP INDEX ${quoteIdent(name)}`);
    for (const p of planned) {
      if (existing.has(p.name)) continue;
      try {
        db.exec(p.sql);
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'SQLITE_CONSTRAINT_UNIQUE') {
          throw new UniqueViolationError(
            spec.name,
            p.fields,
            `${spec.name}: cannot add unique index on ${p.fields.join(' + ')}: existing documents have duplicate values`,
          );
        }
        throw err;
      }
    }
    ensureSearchIndex(db, spec);
    db.prepare(`INSERT INTO ${META_TABLE} (name, spec) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET spec = excluded.spec`).run(
      spec.name,
      JSON.stringify(spec.raw),
    );
  });
  run.immediate();
  return new Map(planned.map((p) => [p.name, p.fields]));
}
