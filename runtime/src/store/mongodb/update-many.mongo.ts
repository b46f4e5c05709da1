import type { Doc, Filter } from '@tessera/core/store';
import { normalizeFilter } from '@tessera/core/query';
import { checkFilter, checkPatch } from '@tessera/core/store/shared';
import type { MongoContext } from './mongo.context';
import { toMongoFilter } from './filter.mongo';
import { mapMongoError } from './mongo.errors';
import { buildUpdate, incError } from './update-doc.mongo';
import { notExpired } from './ttl.mongo';
import { inTransaction } from './transaction.mongo';
import type { NativeUpdate } from './update.mongo';

/**
 * One `updateMany`, inside a transaction (the caller's or its own): MongoDB applies it document
 * by document, so only the transaction makes a unique violation on one of them undo the rest.
 */
export async function updateMany(ctx: MongoContext, filter: Filter, patch: Doc): Promise<number> {
  checkFilter(filter, 'updateMany');
  checkPatch(patch);
  const now = new Date().toISOString();
  const query = notExpired(ctx.expireField, toMongoFilter(normalizeFilter(filter), ctx.searchFields), now);
  const update = buildUpdate(patch, now) as unknown as NativeUpdate;
  try {
    const r = await inTransaction(ctx, (session) => ctx.coll.updateMany(query, update, { session }));
    return r.matchedCount;
  } catch (err) {
    throw incError(mapMongoError(ctx, err));
  }
}
