import type { UpdateOptions } from '@tessera/core/store';
import { NotFoundError, VersionConflictError } from '@tessera/core/store';
import type { MongoContext } from './mongo.context';
import { notExpired } from './ttl.mongo';

export async function remove(ctx: MongoContext, id: string, options?: UpdateOptions): Promise<void> {
  const expected = options?.expectedVersion;
  const now = new Date().toISOString();
  const filter = expected === undefined ? { _id: id } : { _id: id, version: expected };
  const r = await ctx.coll.deleteOne(notExpired(ctx.expireField, filter, now), { session: ctx.session });
  if (r.deletedCount === 1) return;
  const cur = await ctx.coll.findOne(notExpired(ctx.expireField, { _id: id }, now), { projection: { version: 1 }, session: ctx.session });
  if (!cur) throw new NotFoundError(ctx.name, id);
  throw new VersionConflictError(ctx.name, id, expected as number, cur.version as number);
}
