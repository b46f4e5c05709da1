import type { Doc, UpsertOptions, UpsertResult } from '@tessera/core/store';
import { checkPatch, checkUpsertId } from '@tessera/core/store/shared';
import { idFor, toStored, userFields } from '@tessera/core/store/shared';
import { applyPatch } from '@tessera/core/store/shared';
import { isExpired, nowIso } from '@tessera/core/store/shared';
import type { RawRow, SqliteContext } from './sqlite.context';
import { updateSql } from './update.sqlite';
import { atomically } from './atomic.sqlite';

/**
 * Update-or-insert under the write lock (see atomic.sqlite.ts), so two upserts of one id, in one
 * process or two, never both insert. The update is the SQL one (`$inc` from the stored value);
 * an expired document (TTL) counts as absent and is replaced by the new one.
 */
export function upsert(ctx: SqliteContext, id: string, patch: Doc, options?: UpsertOptions): UpsertResult {
  checkPatch(patch);
  const key = idFor({ id: checkUpsertId(id) });
  return atomically(ctx.db, () => {
    const row = ctx.stmts.get.get(key) as RawRow | undefined;
    const now = nowIso();
    if (row && !isExpired(JSON.parse(row[4]), ctx.spec.expireField, now))
      return { doc: updateSql(ctx, key, patch, undefined), created: false };
    const fields = applyPatch(userFields(options?.insert ?? {}), patch);
    if (row) ctx.stmts.deleteAny.run(key);
    try {
      ctx.stmts.insert.run(key, 1, now, now, JSON.stringify(fields));
    } catch (err) {
      throw ctx.mapError(err);
    }
    return { doc: toStored(key, 1, now, now, fields), created: true };
  });
}
