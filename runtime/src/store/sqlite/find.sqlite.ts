import type { FindOptions, Page } from '@tessera/core/store';
import { normalizeFind } from '@tessera/core/query';
import type { RawRow, SqliteContext } from './sqlite.context';
import { probeWith, ROW_COLUMNS } from './sqlite.context';
import { compileFilter } from './filter.sql';
import { keysetSql, orderBySql } from './sort.sql';
import { valueSql } from './sql.fields';
import { rowToDoc } from './get.sqlite';
import { visible } from './ttl.sqlite';

/**
 * Keyset pagination: fetch limit+1 rows after the cursor position; the extra row only says
 * whether a next page exists. The sort values of the last row are selected alongside (same
 * expressions as ORDER BY) so the cursor holds exactly what SQL compares.
 */
export function find(ctx: SqliteContext, options: FindOptions = {}): Page {
  const q = normalizeFind(ctx.name, options, { arrayFields: ctx.spec.arrayFields });
  const where = visible(ctx, compileFilter(q.filter, ctx.spec, probeWith(ctx)));
  const params = [...where.params];
  let whereSql = where.sql;
  if (q.after) {
    const ks = keysetSql(q.sort, q.after);
    whereSql = `(${whereSql}) AND (${ks.sql})`;
    params.push(...ks.params);
  }
  const keys = q.sort.slice(0, -1); // the last key is always id
  const keyCols = keys.map((k, i) => `, ${valueSql(k.field)} AS "k${i}"`).join('');
  const sql = `SELECT ${ROW_COLUMNS}${keyCols} FROM ${ctx.table} WHERE ${whereSql} ORDER BY ${orderBySql(q.sort)} LIMIT ?`;
  params.push(q.limit + 1);
  const rows = ctx.cache
    .get(sql)
    .raw()
    .all(...params) as unknown[][];
  const more = rows.length > q.limit;
  if (more) rows.pop();
  const items = rows.map((r) => rowToDoc(r as unknown as RawRow));
  let nextCursor: string | null = null;
  if (more) {
    const last = rows[rows.length - 1];
    nextCursor = q.cursorFor({ values: keys.map((_, i) => last[5 + i] as string | number | null), id: last[0] as string });
  }
  return { items, nextCursor };
}

/** For tests and diagnostics: the SQL and parameters `find` would run. */
export function explainFind(ctx: SqliteContext, options: FindOptions = {}): { sql: string; params: unknown[] } {
  const q = normalizeFind(ctx.name, options, { arrayFields: ctx.spec.arrayFields });
  const where = compileFilter(q.filter, ctx.spec, probeWith(ctx));
  return {
    sql: `SELECT "id" FROM ${ctx.table} WHERE ${where.sql} ORDER BY ${orderBySql(q.sort)} LIMIT ?`,
    params: [...where.params, q.limit + 1],
  };
}
