import type { Doc, StoredDoc, UpdateOptions } from '@tessera/core/store';
import { NotFoundError, StoreError, VersionConflictError } from '@tessera/core/store';
import { toStored, userFields } from '@tessera/core/store/shared';
import { hasIncrement } from '@tessera/core/store/shared';
import { isExpired, nowIso } from '@tessera/core/store/shared';
import { ROW_COLUMNS, type RawRow, type SqliteContext } from './sqlite.context';
import { patchSql } from './patch.sql';
import { rowToDoc } from './get.sqlite';
import { visible } from './ttl.sqlite';

/**
 * Read, merge, then compare-and-set on `version`. Within this process the three steps run in
 * one synchronous call, so nothing interleaves; the CAS (`WHERE version = ?`) still protects
 * against another process writing the same file, and such a lost race is retried (or reported
 * as a conflict when the caller pinned `expectedVersion`). A patch with `$inc` is one UPDATE
 * instead (updateSql), so the increment is computed from the row SQLite holds.
 * An expired document (TTL) is not found.
 */
export function update(ctx: SqliteContext, id: string, patch: Doc, options: UpdateOptions | undefined, replace: boolean): StoredDoc {
  if (!replace && hasIncrement(patch)) return updateSql(ctx, id, patch, options);
  const fields = userFields(patch);
  const expected = options?.expectedVersion;
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = ctx.stmts.get.get(id) as RawRow | undefined;
    if (!row) throw new NotFoundError(ctx.name, id);
    const [, version, createdAt] = row;
    const current = !replace || ctx.spec.expireField ? JSON.parse(row[4]) : null; // replace needs no merge
    if (ctx.spec.expireField && isExpired(current, ctx.spec.expireField, nowIso())) throw new NotFoundError(ctx.name, id);
    if (expected !== undefined && version !== expected) throw new VersionConflictError(ctx.name, id, expected, version);
    const next = replace ? fields : { ...current, ...fields };
    const now = new Date().toISOString();
    let changes: number;
    try {
      changes = ctx.stmts.update.run(version + 1, now, JSON.stringify(next), id, version).changes;
    } catch (err) {
      throw ctx.mapError(err);
    }
    if (changes === 1) return toStored(id, version + 1, createdAt, now, next);
  }
  throw new StoreError(`${ctx.name}/${id}: too much write contention`);
}

/** One `UPDATE … SET doc = json_set(…) … RETURNING`: version + 1, updatedAt now, the patch applied in SQL. */
export function updateSql(ctx: SqliteContext, id: string, patch: Doc, options: UpdateOptions | undefined): StoredDoc {
  const expected = options?.expectedVersion;
  const set = patchSql(patch);
  const where = visible(
    ctx,
    expected === undefined ? { sql: '"id" = ?', params: [id] } : { sql: '"id" = ? AND "version" = ?', params: [id, expected] },
  );
  let row: RawRow | undefined;
  try {
    row = ctx.cache
      .get(
        `UPDATE ${ctx.table} SET "version" = "version" + 1, "updated_at" = ?, "doc" = ${set.sql} WHERE ${where.sql} RETURNING ${ROW_COLUMNS}`,
      )
      .raw()
      .get(new Date().toISOString(), ...set.params, ...where.params) as RawRow | undefined;
  } catch (err) {
    throw ctx.mapError(err);
  }
  if (row) return rowToDoc(row);
  const current = ctx.stmts.get.get(id) as RawRow | undefined;
  if (!current || isExpired(JSON.parse(current[4]), ctx.spec.expireField, nowIso())) throw new NotFoundError(ctx.name, id);
  throw new VersionConflictError(ctx.name, id, expected ?? -1, current[1]);
}
