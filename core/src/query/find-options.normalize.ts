import type { FindOptions, SortKey } from '../store/store.port';
import type { FilterNode } from './filter.ast';
import { normalizeFilter } from './filter.normalize';
import { normalizeLimit, normalizeSort, type SortRules } from './sort.normalize';
import { decodeCursor, encodeCursor, queryFingerprint, type CursorPosition } from './cursor.codec';

/** A validated find request, ready for an adapter to compile. */
export interface NormalizedFind {
  filter: FilterNode;
  /** Always ends with the `id` key. */
  sort: SortKey[];
  limit: number;
  /** Position after which the page starts (from the cursor), or null for the first page. */
  after: CursorPosition | null;
  /** Encodes the cursor for the page's last row. */
  cursorFor(pos: CursorPosition): string;
}

export function normalizeFind(collection: string, options: FindOptions = {}, rules: SortRules = {}): NormalizedFind {
  const filter = normalizeFilter(options.filter, rules);
  const sort = normalizeSort(options.sort, rules);
  const limit = normalizeLimit(options.limit);
  let fingerprint: string | undefined;
  const fp = () => (fingerprint ??= queryFingerprint(collection, filter, sort));
  const after = options.cursor === undefined || options.cursor === null ? null : decodeCursor(fp(), options.cursor, sort.length - 1);
  return { filter, sort, limit, after, cursorFor: (pos) => encodeCursor(fp(), pos) };
}
