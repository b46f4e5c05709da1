import type { Filter } from '../store.port';
import { liveDocs, matcher, type MemoryContext } from './memory.context';
import { checkFilter } from '../shared/write.validate';

export function deleteMany(ctx: MemoryContext, filter: Filter): number {
  checkFilter(filter, 'deleteMany');
  const match = matcher(ctx, filter);
  let n = 0;
  for (const d of liveDocs(ctx)) {
    if (match(d) && ctx.docs.delete(d.id)) n++;
  }
  return n;
}
