import type { Doc, Filter } from '../store.port';
import { liveDocs, matcher, type MemoryContext } from './memory.context';
import { patched } from './patch.memory';
import { put } from './update.memory';
import { checkFilter, checkPatch } from '../shared/write.validate';

/** Every matching document gets the patch and version + 1, all or nothing. */
export function updateMany(ctx: MemoryContext, filter: Filter, patch: Doc): number {
  checkFilter(filter, 'updateMany');
  checkPatch(patch);
  const match = matcher(ctx, filter);
  const now = new Date().toISOString();
  const docs = new Map(ctx.docs);
  let n = 0;
  for (const d of liveDocs(ctx)) {
    if (!match(d)) continue;
    put(ctx, docs, patched(ctx.name, d, patch, now));
    n++;
  }
  ctx.docs = docs;
  return n;
}
