import type { Collection, Filter } from '../store.port';

/** Every id matching `filter`, paged through `find` (the defaults collect first, then write: writes could move rows between pages). */
export async function matchingIds(c: Collection, filter: Filter): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await c.find({ filter, limit: 1000, cursor });
    for (const d of page.items) out.push(d.id);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}
