import type { Doc, InsertManyOptions, StoredDoc } from '@tessera/core/store';
import { idFor, keptSystemFields, userFields } from '@tessera/core/store/shared';
import { fromMongo, type MongoContext, type MongoDoc } from './mongo.context';
import { mapMongoError } from './mongo.errors';
import { inTransaction } from './transaction.mongo';

function toMongoDoc(doc: Doc, now: string): MongoDoc {
  return { _id: idFor(doc), ...userFields(doc), version: 1, createdAt: now, updatedAt: now };
}

export async function insert(ctx: MongoContext, doc: Doc): Promise<StoredDoc> {
  const row = toMongoDoc(doc, new Date().toISOString());
  try {
    await ctx.coll.insertOne(row, { session: ctx.session });
  } catch (err) {
    throw mapMongoError(ctx, err);
  }
  return fromMongo(row);
}

/** All or nothing: inside the caller's transaction, or a transaction of its own (needs a replica set). */
export async function insertMany(ctx: MongoContext, docs: Doc[], options?: InsertManyOptions): Promise<number> {
  if (!Array.isArray(docs)) throw new TypeError('insertMany needs an array');
  if (docs.length === 0) return 0;
  const now = new Date().toISOString();
  const rows = docs.map((d) => (options?.keepSystemFields ? { ...toMongoDoc(d, now), ...keptSystemFields(d) } : toMongoDoc(d, now)));
  try {
    await inTransaction(ctx, (session) => ctx.coll.insertMany(rows, { session, ordered: true }));
  } catch (err) {
    throw mapMongoError(ctx, err);
  }
  return rows.length;
}
