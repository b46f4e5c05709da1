import type { StoredDoc } from '@tessera/core/store';
import { fromMongo, type MongoContext } from './mongo.context';
import { notExpired } from './ttl.mongo';

export async function get(ctx: MongoContext, id: string): Promise<StoredDoc | null> {
  if (typeof id !== 'string') return null;
  const doc = await ctx.coll.findOne(notExpired(ctx.expireField, { _id: id }, new Date().toISOString()), { session: ctx.session });
  return doc ? fromMongo(doc) : null;
}
