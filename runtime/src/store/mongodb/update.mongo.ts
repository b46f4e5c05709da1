import type { Doc, StoredDoc, UpdateOptions } from '@tessera/core/store';
import { NotFoundError, StoreError, VersionConflictError } from '@tessera/core/store';
import { userFields } from '@tessera/core/store/shared';
import type mongoose from 'mongoose';
import { fromMongo, type MongoContext, type MongoDoc } from './mongo.context';
import { mapMongoError } from './mongo.errors';
import { buildUpdate, incError } from './update-doc.mongo';
import { notExpired } from './ttl.mongo';

export type NativeUpdate = mongoose.mongo.UpdateFilter<MongoDoc>;

/** After a failed conditional write: was the document missing (or expired), or at another version? */
async function explainMiss(ctx: MongoContext, id: string, expected: number | undefined): Promise<never> {
  const cur = await ctx.coll.findOne(notExpired(ctx.expireField, { _id: id }, new Date().toISOString()), {
    projection: { version: 1 },
    session: ctx.session,
  });
  if (!cur) throw new NotFoundError(ctx.name, id);
  throw new VersionConflictError(ctx.name, id, expected ?? -1, cur.version as number);
}

/** Merge: one atomic findOneAndUpdate (`$inc` included); `{_id, version}` is the optimistic-concurrency check. */
export async function update(ctx: MongoContext, id: string, patch: Doc, options?: UpdateOptions): Promise<StoredDoc> {
  const expected = options?.expectedVersion;
  const now = new Date().toISOString();
  const filter = notExpired(ctx.expireField, expected === undefined ? { _id: id } : { _id: id, version: expected }, now);
  let doc;
  try {
    doc = await ctx.coll.findOneAndUpdate(filter, buildUpdate(patch, now) as unknown as NativeUpdate, {
      returnDocument: 'after',
      session: ctx.session,
    });
  } catch (err) {
    throw incError(mapMongoError(ctx, err));
  }
  return doc ? fromMongo(doc) : explainMiss(ctx, id, expected);
}

/** Replace keeps createdAt, so it reads first and writes with a compare-and-set on version. */
export async function replace(ctx: MongoContext, id: string, next: Doc, options?: UpdateOptions): Promise<StoredDoc> {
  const expected = options?.expectedVersion;
  const fields = userFields(next);
  for (let attempt = 0; attempt < 5; attempt++) {
    const cur = await ctx.coll.findOne(notExpired(ctx.expireField, { _id: id }, new Date().toISOString()), { session: ctx.session });
    if (!cur) throw new NotFoundError(ctx.name, id);
    const version = cur.version as number;
    if (expected !== undefined && version !== expected) throw new VersionConflictError(ctx.name, id, expected, version);
    const row = { _id: id, ...fields, version: version + 1, createdAt: cur.createdAt, updatedAt: new Date().toISOString() };
    try {
      const r = await ctx.coll.replaceOne({ _id: id, version }, row, { session: ctx.session });
      if (r.matchedCount === 1) return fromMongo(row);
    } catch (err) {
      throw mapMongoError(ctx, err);
    }
  }
  throw new StoreError(`${ctx.name}/${id}: too much write contention`);
}
