import type { Filter } from '../store.port';
import { normalizeFilter } from '../query/filter.normalize';
import type { SqliteContext } from './sqlite.context';
import { compileFilter } from './filter.sql';

export function count(ctx: SqliteContext, filter?: Filter): number {
  const where = compileFilter(normalizeFilter(filter), ctx.spec.arrayFields);
  return ctx.cache.get(`SELECT COUNT(*) FROM ${ctx.table} WHERE ${where.sql}`).pluck().get(...where.params) as number;
}
