import type { CountOptions, Filter } from '@tessera/core/store';
import { normalizeFilter } from '@tessera/core/query';
import { countLimit } from '@tessera/core/query';
import { compileFilter } from './filter.sql';
import { probeWith, type SqliteContext } from './sqlite.context';
import { visible } from './ttl.sqlite';

export function count(ctx: SqliteContext, filter?: Filter, options?: CountOptions): number {
  const where = visible(ctx, compileFilter(normalizeFilter(filter), ctx.spec, probeWith(ctx)));
  const limit = countLimit(options);
  if (!limit)
    return ctx.cache
      .get(`SELECT COUNT(*) FROM ${ctx.table} WHERE ${where.sql}`)
      .pluck()
      .get(...where.params) as number;
  return ctx.cache
    .get(`SELECT COUNT(*) FROM (SELECT 1 FROM ${ctx.table} WHERE ${where.sql} LIMIT ?)`)
    .pluck()
    .get(...where.params, limit) as number;
}
