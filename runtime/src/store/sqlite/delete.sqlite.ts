import type { UpdateOptions } from '@tessera/core/store';
import { NotFoundError, VersionConflictError } from '@tessera/core/store';
import type { SqliteContext } from './sqlite.context';
import { get } from './get.sqlite';

export function remove(ctx: SqliteContext, id: string, options?: UpdateOptions): void {
  // An expired document (TTL) is already gone as far as callers can tell.
  if (ctx.spec.expireField && !get(ctx, id)) throw new NotFoundError(ctx.name, id);
  const expected = options?.expectedVersion;
  if (expected === undefined) {
    if (ctx.stmts.deleteAny.run(id).changes === 0) throw new NotFoundError(ctx.name, id);
    return;
  }
  if (ctx.stmts.deleteAt.run(id, expected).changes === 1) return;
  const actual = ctx.stmts.version.get(id) as number | undefined;
  if (actual === undefined) throw new NotFoundError(ctx.name, id);
  throw new VersionConflictError(ctx.name, id, expected, actual);
}
