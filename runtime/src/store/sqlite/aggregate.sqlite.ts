import type { AggregateOptions, AggregateRow } from '@tessera/core/store';
import { normalizeAggregate } from '@tessera/core/query';
import { isSystemField } from '@tessera/core/query';
import { compileFilter } from './filter.sql';
import { probeWith, type SqliteContext } from './sqlite.context';
import { jsonPath, valueSql } from './sql.fields';
import { visible } from './ttl.sqlite';

/**
 * GROUP BY the JSON text of each group field (`doc -> '$.f'`), so true/false, numbers and
 * strings stay distinct and come back with their JSON type (json_extract would turn booleans
 * into 1/0); missing and null form one group, as in MongoDB's $group. sum/avg only count
 * numbers, like MongoDB; sum of nothing is 0, avg/min/max of nothing is null.
 */
function groupSql(field: string): string {
  return isSystemField(field) ? valueSql(field) : `COALESCE("doc" -> ${jsonPath(field)}, 'null')`;
}

function numeric(field: string): string {
  if (isSystemField(field)) return field === 'version' ? valueSql(field) : 'NULL';
  return `CASE WHEN json_type("doc", ${jsonPath(field)}) IN ('integer', 'real') THEN ${valueSql(field)} END`;
}

const METRIC = {
  count: () => 'COUNT(*)',
  sum: (f: string) => `COALESCE(SUM(${numeric(f)}), 0)`,
  avg: (f: string) => `AVG(${numeric(f)})`,
  min: (f: string) => `MIN(${valueSql(f)})`,
  max: (f: string) => `MAX(${valueSql(f)})`,
} as const;

export function aggregate(ctx: SqliteContext, options: AggregateOptions): AggregateRow[] {
  const q = normalizeAggregate(options);
  const where = visible(ctx, compileFilter(q.filter, ctx.spec, probeWith(ctx)));
  const groups = q.groupBy.map((f, i) => `${groupSql(f)} AS "g${i}"`);
  const metrics = q.metrics.map((m, i) => `${METRIC[m.op](m.field as string)} AS "m${i}"`);
  let sql = `SELECT ${[...groups, ...metrics].join(', ')} FROM ${ctx.table} WHERE ${where.sql}`;
  if (q.groupBy.length > 0) {
    const order = q.groupBy.map((f) => valueSql(f)).join(', ');
    sql += ` GROUP BY ${q.groupBy.map((_, i) => `"g${i}"`).join(', ')} ORDER BY ${order}`;
  }
  const rows = ctx.cache
    .get(sql)
    .raw()
    .all(...where.params) as unknown[][];
  return rows.map((r) => {
    const out: AggregateRow = {};
    q.groupBy.forEach((f, i) => (out[f] = isSystemField(f) ? r[i] : JSON.parse(r[i] as string)));
    q.metrics.forEach((m, i) => (out[m.as] = r[q.groupBy.length + i] ?? null));
    return out;
  });
}
