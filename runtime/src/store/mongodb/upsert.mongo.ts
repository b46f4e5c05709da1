import type { Doc, StoredDoc, UpsertOptions, UpsertResult } from '@tessera/core/store';
import { checkPatch, checkUpsertId } from '@tessera/core/store/shared';
import { idFor, userFields } from '@tessera/core/store/shared';
import { fromMongo, type MongoContext } from './mongo.context';
import { mapMongoError } from './mongo.errors';
import { buildUpsert, incError } from './update-doc.mongo';
import { expiredExpr } from './ttl.mongo';
import type { NativeUpdate } from './update.mongo';

/**
 * One `findOneAndUpdate({ _id }, pipeline, { upsert: true })` (see buildUpsert): atomic on the
 * one document. Created means the result is at version 1 (an update always ends at 2 or more).
 * Two upserts racing to insert the same id can meet a duplicate-key error; the loser retries
 * once, and then finds the document.
 */
export async function upsert(ctx: MongoContext, id: string, patch: Doc, options?: UpsertOptions): Promise<UpsertResult> {
  checkPatch(patch);
  const key = idFor({ id: checkUpsertId(id) });
  const insert = userFields(options?.insert ?? {});
  const run = async () => {
    const now = new Date().toISOString();
    const update = buildUpsert(key, patch, insert, now, expiredExpr(ctx.expireField, now)) as unknown as NativeUpdate;
    return ctx.coll.findOneAndUpdate({ _id: key }, update, { upsert: true, returnDocument: 'after', session: ctx.session });
  };
  let doc;
  try {
    doc = await run().catch((err) => {
      const e = err as { code?: number; keyPattern?: Record<string, unknown> };
      if (e?.code === 11000 && e.keyPattern && Object.keys(e.keyPattern).join() === '_id' && !ctx.session) return run();
      throw err;
    });
  } catch (err) {
    throw incError(mapMongoError(ctx, err));
  }
  const stored: StoredDoc = fromMongo(doc!);
  return { doc: stored, created: stored.version === 1 };
}
