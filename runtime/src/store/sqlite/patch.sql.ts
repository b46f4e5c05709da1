import type Database from 'better-sqlite3';
import type { Doc } from '@tessera/core/store';
import { StoreError } from '@tessera/core/store';
import { splitPatch } from '@tessera/core/store/shared';
import { jsonPath } from './sql.fields';

/**
 * A patch as one SQL expression over the stored `doc`: `json_set` of every plain value (bound as
 * JSON text through `json(?)`, so objects, arrays and null keep their JSON type) and of every
 * `$inc`, computed from the row's current value inside the statement. Used by the statements
 * that change documents in SQL (updateMany, claim, upsert, update with `$inc`): the increment
 * reads and writes the row in one step under SQLite's write lock, never in JS in between.
 * A missing or null value counts as 0; any other non-number fails the statement.
 */
export interface PatchSql {
  sql: string;
  params: unknown[];
}

/** json_set takes at most 127 arguments (SQLITE_MAX_FUNCTION_ARG): 63 path/value pairs per call. */
const PAIRS_PER_CALL = 63;

/** Integers bound as BigInt stay SQLite INTEGERs (a JS number binds as REAL: 3 would be stored as 3.0). */
export const bindNumber = (n: number): number | bigint => (Number.isSafeInteger(n) ? BigInt(n) : n);

export function patchSql(patch: Doc, column = '"doc"'): PatchSql {
  const { set, inc } = splitPatch(patch);
  const pairs: Array<{ sql: string; params: unknown[] }> = [];
  for (const [k, v] of Object.entries(set)) pairs.push({ sql: `${jsonPath(k)}, json(?)`, params: [JSON.stringify(v)] });
  for (const [k, n] of Object.entries(inc)) {
    const p = jsonPath(k);
    pairs.push({
      sql: `${p}, CASE WHEN json_type(${column}, ${p}) IN ('integer', 'real') THEN json_extract(${column}, ${p}) + ? WHEN coalesce(json_type(${column}, ${p}), 'null') = 'null' THEN ? ELSE tessera_not_a_number(?, json_type(${column}, ${p})) END`,
      params: [bindNumber(n), bindNumber(n), k],
    });
  }
  let sql = column;
  const params: unknown[] = [];
  for (let i = 0; i < pairs.length; i += PAIRS_PER_CALL) {
    const chunk = pairs.slice(i, i + PAIRS_PER_CALL);
    sql = `json_set(${sql}, ${chunk.map((c) => c.sql).join(', ')})`;
    for (const c of chunk) params.push(...c.params);
  }
  // Increments read `column`, the row before the statement: each key appears once, so chunking changes nothing.
  return { sql, params };
}

/** `tessera_not_a_number(field, type)`: the error of an `$inc` on a value that is not a number. */
export function registerNotANumber(db: Database.Database): void {
  db.function('tessera_not_a_number', { deterministic: true }, (field: unknown, type: unknown) => {
    throw new StoreError(`cannot $inc "${String(field)}": it holds a ${String(type)}, not a number`);
  });
}
