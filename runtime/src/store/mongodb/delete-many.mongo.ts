import type { Filter } from '@tessera/core/store';
import { normalizeFilter } from '@tessera/core/query';
import type { MongoContext } from './mongo.context';
import { toMongoFilter } from './filter.mongo';
import { notExpired } from './ttl.mongo';
import { checkFilter } from '@tessera/core/store/shared';

export async function deleteMany(ctx: MongoContext, filter: Filter): Promise<number> {
  checkFilter(filter, 'deleteMany');
  const query = notExpired(ctx.expireField, toMongoFilter(normalizeFilter(filter), ctx.searchFields), new Date().toISOString());
  const r = await ctx.coll.deleteMany(query, { session: ctx.session });
  return r.deletedCount;
}
