import type { CountOptions, Filter } from '../store.port';
import { countLimit } from '../../query/count-limit';
import { liveDocs, matcher, type MemoryContext } from './memory.context';

export function count(ctx: MemoryContext, filter?: Filter, options?: CountOptions): number {
  const match = matcher(ctx, filter);
  const limit = countLimit(options);
  let n = 0;
  for (const d of liveDocs(ctx)) {
    if (match(d) && ++n === limit) break;
  }
  return n;
}
