import type { FindOptions, Page } from '../store.port';
import { normalizeFind } from '../../query/find-options.normalize';
import { compileMemorySort, isAfter, positionOf } from '../../query/sort.memory';
import { copyOut, liveDocs, predicateOf, type MemoryContext } from './memory.context';

/** Keyset pages like the SQLite adapter: the cursor holds the last row's sort values and id. */
export function find(ctx: MemoryContext, options: FindOptions = {}): Page {
  const q = normalizeFind(ctx.name, options, { arrayFields: ctx.spec.arrayFields });
  const match = predicateOf(ctx, q.filter);
  const after = q.after;
  const rows = liveDocs(ctx)
    .filter((d) => match(d) && (!after || isAfter(d, q.sort, after)))
    .sort(compileMemorySort(q.sort));
  const more = rows.length > q.limit;
  const items = rows.slice(0, q.limit);
  const nextCursor = more ? q.cursorFor(positionOf(items[items.length - 1], q.sort)) : null;
  return { items: items.map(copyOut), nextCursor };
}
