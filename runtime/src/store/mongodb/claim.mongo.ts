import type { ClaimOptions, StoredDoc } from '@tessera/core/store';
import { normalizeFind } from '@tessera/core/query';
import { checkClaim } from '@tessera/core/store/shared';
import { fromMongo, type MongoContext, type MongoDoc } from './mongo.context';
import { toMongoFilter, type MongoQuery } from './filter.mongo';
import { toMongoSort } from './sort.mongo';
import { mapMongoError } from './mongo.errors';
import { buildUpdate, incError } from './update-doc.mongo';
import { notExpired } from './ttl.mongo';
import { inTransaction } from './transaction.mongo';
import type { NativeUpdate } from './update.mongo';

/** The query of the n-th take: the filter, unexpired, minus what this claim took already. Exported for server-less tests. */
export function claimQuery(filter: MongoQuery, expireField: string | undefined, taken: string[], now: string): MongoQuery {
  const q = notExpired(expireField, filter, now);
  return taken.length === 0 ? q : { $and: [q, { _id: { $nin: taken } }] };
}

/**
 * Payload's updateJobs pattern: one `findOneAndUpdate` with the sort per document taken, all in
 * one transaction (the caller's or its own). Each take write-locks its document until the
 * commit; a concurrent claimer taking the same one hits a write conflict and `withTransaction`
 * runs it again, when the document no longer matches. Taken ids are excluded from later takes,
 * so a patch that leaves a document matching does not take it twice.
 */
export async function claim(ctx: MongoContext, options: ClaimOptions): Promise<StoredDoc[]> {
  checkClaim(options);
  const q = normalizeFind(ctx.name, { filter: options.filter, sort: options.sort, limit: options.limit }, { arrayFields: ctx.arrayFields });
  const filter = toMongoFilter(q.filter, ctx.searchFields);
  const sort = toMongoSort(q.sort);
  try {
    return await inTransaction(ctx, async (session) => {
      const now = new Date().toISOString();
      const update = buildUpdate(options.patch, now) as unknown as NativeUpdate;
      const taken: MongoDoc[] = [];
      while (taken.length < q.limit) {
        const doc = await ctx.coll.findOneAndUpdate(
          claimQuery(
            filter,
            ctx.expireField,
            taken.map((d) => d._id),
            now,
          ),
          update,
          { sort, returnDocument: 'after', session },
        );
        if (!doc) break;
        taken.push(doc);
      }
      return taken.map(fromMongo);
    });
  } catch (err) {
    throw incError(mapMongoError(ctx, err));
  }
}
