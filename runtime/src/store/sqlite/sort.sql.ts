import type { SortKey } from '@tessera/core/store';
import type { CursorPosition } from '@tessera/core/query';
import { valueSql } from './sql.fields';
import type { CompiledSql } from './filter.sql';

/**
 * ORDER BY uses the same expressions as the indexes. SQLite puts NULL (missing or JSON null)
 * first ascending and last descending, exactly like MongoDB, so no NULLS FIRST/LAST is needed.
 */
export function orderBySql(sort: SortKey[]): string {
  return sort.map((k) => `${valueSql(k.field)} ${k.dir === 'asc' ? 'ASC' : 'DESC'}`).join(', ');
}

/**
 * Keyset condition "row comes after `pos`" for a sort that ends with `id`:
 *   (k1 > v1) OR (k1 IS v1 AND k2 > v2) OR … OR (k1 IS v1 AND … AND id > last)
 * with NULL-aware "after": ascending, everything non-null is after NULL; descending, NULLs come
 * last so they are after any value and nothing is after NULL. For an ascending first key with a
 * value, a redundant `k1 >= v1` lets the planner start the index scan at the cursor.
 */
export function keysetSql(sort: SortKey[], pos: CursorPosition): CompiledSql {
  const params: unknown[] = [];
  const values = [...pos.values.map((v) => (typeof v === 'boolean' ? Number(v) : v)), pos.id];
  const branches: string[] = [];
  for (let i = 0; i < sort.length; i++) {
    const after = afterSql(sort[i], values[i], params);
    if (after === null) continue;
    const eqParts: string[] = [];
    const eqParams: unknown[] = [];
    for (let j = 0; j < i; j++) {
      eqParts.push(`${valueSql(sort[j].field)} IS ?`);
      eqParams.push(values[j]);
    }
    // afterSql pushed its params already; equality params must come first in the text order.
    const own = params.splice(params.length - after.params, after.params);
    params.push(...eqParams, ...own);
    branches.push([...eqParts, after.sql].map((p) => `(${p})`).join(' AND '));
  }
  let sql = branches.length === 0 ? '0' : branches.map((b) => `(${b})`).join(' OR ');
  const first = sort[0];
  const v0 = values[0];
  if (sort.length > 1 && first.dir === 'asc' && v0 !== null) {
    sql = `${valueSql(first.field)} >= ? AND (${sql})`;
    params.unshift(v0);
  }
  return { sql, params };
}

function afterSql(key: SortKey, v: unknown, params: unknown[]): { sql: string; params: number } | null {
  const e = valueSql(key.field);
  if (key.dir === 'asc') {
    if (v === null) return { sql: `${e} IS NOT NULL`, params: 0 };
    params.push(v);
    return { sql: `${e} > ?`, params: 1 };
  }
  if (v === null) return null;
  params.push(v);
  return { sql: `${e} < ? OR ${e} IS NULL`, params: 1 };
}
