/**
 * Cursor pagination for every list: items in a stable order (ascending id, compared as numbers:
 * a list's ids share a prefix, so shorter sorts first, then by characters), `limit` 1..100, and an opaque cursor that names the list and
 * the last id served. A keyset cursor, not an offset: a ticket created between two pages neither
 * repeats nor skips an item. A cursor that does not decode, or was issued by another list, is a 400.
 */
import { ShopError } from './shop-error';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

interface CursorBody {
  list: string;
  after: string;
}

export const encodeCursor = (list: string, after: string): string =>
  Buffer.from(JSON.stringify({ list, after } satisfies CursorBody)).toString('base64url');

function decodeCursor(list: string, cursor: string): string {
  const bad = () =>
    new ShopError(400, 'bad_request', 'invalid cursor', [{ pointer: '/query/cursor', message: 'is not a cursor of this list' }]);
  if (!/^[A-Za-z0-9_-]{1,512}$/.test(cursor)) throw bad();
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const { list: l, after } = (body ?? {}) as Partial<CursorBody>;
  if (l !== list || typeof after !== 'string') throw bad();
  return after;
}

/** Numeric order of ids with a common prefix: `tkt_99999` before `tkt_100000`. */
export const compareIds = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/** One page of `items` (already filtered, in ascending id order) after the cursor's id. */
export function paginate<T extends { id: string }>(list: string, items: readonly T[], query: { limit?: number; cursor?: string }): Page<T> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = query.cursor === undefined ? undefined : decodeCursor(list, query.cursor);
  let start = 0;
  if (after !== undefined) {
    // Binary search: the first item whose id sorts after the cursor's.
    let hi = items.length;
    while (start < hi) {
      const mid = (start + hi) >> 1;
      if (compareIds(items[mid].id, after) <= 0) start = mid + 1;
      else hi = mid;
    }
  }
  const data = items.slice(start, start + limit);
  const more = start + limit < items.length;
  return { data, next_cursor: more ? encodeCursor(list, data[data.length - 1].id) : null };
}
