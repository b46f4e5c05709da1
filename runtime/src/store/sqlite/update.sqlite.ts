import type { Doc, StoredDoc, UpdateOptions } from '@tessera/core/store';
import { NotFoundError, StoreError, VersionConflictError } from '@tessera/core/store';
import { toStored, userFields } from '@tessera/core/store/shared';
import type { RawRow, SqliteContext } from './sqlite.context';

/**
 * Read, merge, then compare-and-set on `version`. Within this process the three steps run in
 * one synchronous call, so nothing interleaves; the CAS (`WHERE version = ?`) still protects
 * against another process writing the same file, and such a lost race is retried (or reported
 * as a conflict when the caller pinned `expectedVersion`).
 */
export function update(ctx: SqliteContext, id: string, patch: Doc, options: UpdateOptions | undefined, replace: boolean): StoredDoc {
  const fields = userFields(patch);
  const expected = options?.expectedVersion;
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = ctx.stmts.get.get(id) as RawRow | undefined;
    if (!row) throw new NotFoundError(ctx.name, id);
    const [, version, createdAt] = row;
    if (expected !== undefined && version !== expected) throw new VersionConflictError(ctx.name, id, expected, version);
    const next = replace ? fields : { ...JSON.parse(row[4]), ...fields };
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
