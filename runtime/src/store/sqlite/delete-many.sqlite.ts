import type { Filter } from '@tessera/core/store';
import { normalizeFilter } from '@tessera/core/query';
import { compileFilter } from './filter.sql';
import { probeWith, type SqliteContext } from './sqlite.context';
import { visible } from './ttl.sqlite';
import { checkFilter } from '@tessera/core/store/shared';

/** One DELETE over every matching (unexpired) row. */
export function deleteMany(ctx: SqliteContext, filter: Filter): number {
  checkFilter(filter, 'deleteMany');
  const where = visible(ctx, compileFilter(normalizeFilter(filter), ctx.spec, probeWith(ctx)));
  return ctx.cache.get(`DELETE FROM ${ctx.table} WHERE ${where.sql}`).run(...where.params).changes;
}
