import type { Doc } from '@tessera/core/store';
import { StoreError } from '@tessera/core/store';
import { splitPatch } from '@tessera/core/store/shared';
import { mongoPath, type MongoQuery } from './filter.mongo';

/**
 * The update document for a patch, exported for server-less tests. Without `$inc` it is the
 * classic `$set` + `$inc: { version: 1 }`. With `$inc` it is a pipeline, because the port counts
 * a null value as 0 where MongoDB's `$inc` operator refuses null: `$add` of `$ifNull(value, 0)`
 * (which still fails on strings and other non-numbers, as the port wants). Values set in a
 * pipeline go through `$literal`, so a stored string such as "$name" is never read as a path.
 */
export type MongoUpdate = Record<string, unknown> | Array<Record<string, unknown>>;

export function buildUpdate(patch: Doc, now: string): MongoUpdate {
  const { set, inc } = splitPatch(patch);
  if (Object.keys(inc).length === 0) return { $set: { ...set, updatedAt: now }, $inc: { version: 1 } };
  return [{ $set: { ...pipelineSet(set, inc), updatedAt: now, version: { $add: ['$version', 1] } } }];
}

export function pipelineSet(set: Doc, inc: Record<string, number>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(set)) out[k] = { $literal: v };
  for (const [k, n] of Object.entries(inc)) out[k] = { $add: [{ $ifNull: [`$${k}`, 0] }, n] };
  return out;
}

/**
 * For an upsert: a pipeline that first turns a missing (or expired) document into the one to
 * create (`{ _id, ...insert, version: 0, createdAt: now }`), then applies the patch as an
 * update does, so a new document ends at version 1 and an existing one at version + 1.
 */
export function buildUpsert(id: string, patch: Doc, insert: Doc, now: string, expired: MongoQuery | null): Array<Record<string, unknown>> {
  const { set, inc } = splitPatch(patch);
  const absent: unknown = { $eq: [{ $type: '$version' }, 'missing'] };
  const fresh = { $literal: { ...insert, _id: id, version: 0, createdAt: now } };
  return [
    { $replaceWith: { $cond: [expired ? { $or: [absent, expired] } : absent, fresh, '$$ROOT'] } },
    { $set: { ...pipelineSet(set, inc), updatedAt: now, version: { $add: ['$version', 1] } } },
  ];
}

/** `$add` on a value that is not a number (MongoDB's TypeMismatch codes) is the port's "cannot $inc". */
export function incError(err: unknown): unknown {
  const e = err as { code?: number; message?: string };
  if (e?.code === 14 || e?.code === 16554 || /\$add only supports/.test(e?.message ?? ''))
    return new StoreError(`cannot $inc: ${e.message ?? 'not a number'}`);
  return err;
}

export { mongoPath };
