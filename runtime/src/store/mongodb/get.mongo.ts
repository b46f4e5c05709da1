import type { StoredDoc } from '@tessera/core/store';
import { fromMongo, type MongoContext } from './mongo.context';

export async function get(ctx: MongoContext, id: string): Promise<StoredDoc | null> {
  if (typeof id !== 'string') return null;
  const doc = await ctx.coll.findOne({ _id: id }, { session: ctx.session });
  return doc ? fromMongo(doc) : null;
}
