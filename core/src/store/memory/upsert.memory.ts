import type { Doc, UpsertOptions, UpsertResult } from '../store.port';
import { checkPatch, checkUpsertId } from '../shared/write.validate';
import { idFor, toStored, userFields } from '../shared/doc.prepare';
import { copyOut, liveDoc, toJson, type MemoryContext } from './memory.context';
import { mergeWithIncrements, patched } from './patch.memory';
import { add } from './insert.memory';
import { put } from './update.memory';

/** Updates the document if it exists, else creates `{ id, ...insert, ...patch }` (a `$inc` counts from 0). */
export function upsert(ctx: MemoryContext, id: string, patch: Doc, options?: UpsertOptions): UpsertResult {
  idFor({ id: checkUpsertId(id) });
  checkPatch(patch);
  const now = new Date().toISOString();
  const current = liveDoc(ctx, id);
  if (current) {
    const next = patched(ctx.name, current, patch, now);
    put(ctx, ctx.docs, next);
    return { doc: copyOut(next), created: false };
  }
  const fields = mergeWithIncrements(ctx.name, toJson(userFields(options?.insert ?? {})), patch);
  const doc = toStored(id, 1, now, now, fields);
  // An expired document with this id is gone for readers: the new one takes its place.
  const docs = new Map(ctx.docs);
  docs.delete(id);
  add(ctx, docs, doc);
  ctx.docs = docs;
  return { doc: copyOut(doc), created: true };
}
