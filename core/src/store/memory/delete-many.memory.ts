import type { Filter } from '../store.port';
import { liveDocs, matcher, type MemoryContext } from './memory.context';

export function deleteMany(ctx: MemoryContext, filter: Filter): number {
  const match = matcher(ctx, filter);
  let n = 0;
  for (const d of liveDocs(ctx)) {
    if (match(d) && ctx.docs.delete(d.id)) n++;
  }
  return n;
}
