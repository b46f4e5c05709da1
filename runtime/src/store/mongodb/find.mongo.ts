import type { CountOptions, Filter, FindOptions, Page } from '@tessera/core/store';
import { normalizeFind, type NormalizedFind } from '@tessera/core/query';
import { normalizeFilter } from '@tessera/core/query';
import { countLimit } from '@tessera/core/query';
import { fromMongo, type MongoContext } from './mongo.context';
import { toMongoFilter, type MongoQuery } from './filter.mongo';
import { keysetQuery, sortValue, toMongoSort } from './sort.mongo';
import { notExpired } from './ttl.mongo';

/** The query, sort and limit `find` sends; exported so unit tests can snapshot it without a server. */
export function buildFindQuery(
  q: NormalizedFind,
  searchFields: readonly string[] = [],
): { query: MongoQuery; sort: Record<string, 1 | -1>; limit: number } {
  const filter = toMongoFilter(q.filter, searchFields);
  const query = q.after ? { $and: [filter, keysetQuery(q.sort, q.after)] } : filter;
  return { query, sort: toMongoSort(q.sort), limit: q.limit + 1 };
}

export async function find(ctx: MongoContext, options: FindOptions = {}): Promise<Page> {
  const q = normalizeFind(ctx.name, options, { arrayFields: ctx.arrayFields });
  const { query, sort, limit } = buildFindQuery(q, ctx.searchFields);
  const docs = await ctx.coll
    .find(notExpired(ctx.expireField, query, new Date().toISOString()), { session: ctx.session })
    .sort(sort)
    .limit(limit)
    .toArray();
  const more = docs.length > q.limit;
  if (more) docs.pop();
  let nextCursor: string | null = null;
  if (more) {
    const last = docs[docs.length - 1];
    nextCursor = q.cursorFor({ values: q.sort.slice(0, -1).map((k) => sortValue(last, k.field)), id: last._id });
  }
  return { items: docs.map(fromMongo), nextCursor };
}

export async function count(ctx: MongoContext, filter?: Filter, options?: CountOptions): Promise<number> {
  const limit = countLimit(options);
  return ctx.coll.countDocuments(
    notExpired(ctx.expireField, toMongoFilter(normalizeFilter(filter), ctx.searchFields), new Date().toISOString()),
    { session: ctx.session, ...(limit ? { limit } : {}) },
  );
}
