import type { Doc, Filter } from '@tessera/core/store';
import { normalizeFilter } from '@tessera/core/query';
import { checkFilter, checkPatch } from '@tessera/core/store/shared';
import { compileFilter } from './filter.sql';
import { probeWith, type SqliteContext } from './sqlite.context';
import { patchSql } from './patch.sql';
import { visible } from './ttl.sqlite';

/**
 * One UPDATE over every matching row: a statement is atomic, so a unique violation on any row
 * leaves every row as it was; version + 1 and one updatedAt for all, as `update` would.
 */
export function updateMany(ctx: SqliteContext, filter: Filter, patch: Doc): number {
  checkFilter(filter, 'updateMany');
  checkPatch(patch);
  const where = visible(ctx, compileFilter(normalizeFilter(filter), ctx.spec, probeWith(ctx)));
  const set = patchSql(patch);
  try {
    return ctx.cache
      .get(`UPDATE ${ctx.table} SET "version" = "version" + 1, "updated_at" = ?, "doc" = ${set.sql} WHERE ${where.sql}`)
      .run(new Date().toISOString(), ...set.params, ...where.params).changes;
  } catch (err) {
    throw ctx.mapError(err);
  }
}
