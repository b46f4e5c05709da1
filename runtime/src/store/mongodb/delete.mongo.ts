import type { UpdateOptions } from '@tessera/core/store';
import { NotFoundError, VersionConflictError } from '@tessera/core/store';
import type { MongoContext } from './mongo.context';

export async function remove(ctx: MongoContext, id: string, options?: UpdateOptions): Promise<void> {
  const expected = options?.expectedVersion;
  const filter = expected === undefined ? { _id: id } : { _id: id, version: expected };
  const r = await ctx.coll.deleteOne(filter, { session: ctx.session });
  if (r.deletedCount === 1) return;
  const cur = await ctx.coll.findOne({ _id: id }, { projection: { version: 1 }, session: ctx.session });
  if (!cur) throw new NotFoundError(ctx.name, id);
  throw new VersionConflictError(ctx.name, id, expected as number, cur.version as number);
}
