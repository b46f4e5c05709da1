import type { ClaimOptions, StoredDoc } from '@tessera/core/store';
import { normalizeFind } from '@tessera/core/query';
import { checkClaim } from '@tessera/core/store/shared';
import { compileFilter } from './filter.sql';
import { probeWith, ROW_COLUMNS, type RawRow, type SqliteContext } from './sqlite.context';
import { orderBySql } from './sort.sql';
import { patchSql } from './patch.sql';
import { rowToDoc } from './get.sqlite';
import { visible } from './ttl.sqlite';
import { atomically } from './atomic.sqlite';

/**
 * Select the first `limit` matching ids, then patch each, in one IMMEDIATE transaction (a
 * savepoint inside a store transaction): SQLite's write lock is held from the SELECT on, so a
 * claimer in another process sharing the file waits and then sees the patched rows, which its
 * filter (e.g. "no lease") no longer matches. Returned in claim order, as patched.
 */
export function claim(ctx: SqliteContext, options: ClaimOptions): StoredDoc[] {
  checkClaim(options);
  const q = normalizeFind(
    ctx.name,
    { filter: options.filter, sort: options.sort, limit: options.limit },
    { arrayFields: ctx.spec.arrayFields },
  );
  const set = patchSql(options.patch);
  return atomically(ctx.db, () => {
    const where = visible(ctx, compileFilter(q.filter, ctx.spec, probeWith(ctx)));
    const ids = ctx.cache
      .get(`SELECT "id" FROM ${ctx.table} WHERE ${where.sql} ORDER BY ${orderBySql(q.sort)} LIMIT ?`)
      .pluck()
      .all(...where.params, q.limit) as string[];
    if (ids.length === 0) return [];
    const take = ctx.cache
      .get(
        `UPDATE ${ctx.table} SET "version" = "version" + 1, "updated_at" = ?, "doc" = ${set.sql} WHERE "id" = ? RETURNING ${ROW_COLUMNS}`,
      )
      .raw();
    const now = new Date().toISOString();
    try {
      return ids.map((id) => rowToDoc(take.get(now, ...set.params, id) as RawRow));
    } catch (err) {
      throw ctx.mapError(err);
    }
  });
}
