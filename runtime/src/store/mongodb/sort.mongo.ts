import type { SortKey } from '@tessera/core/store';
import type { CursorPosition } from '@tessera/core/query';
import { mongoPath, type MongoQuery } from './filter.mongo';

export function toMongoSort(sort: SortKey[]): Record<string, 1 | -1> {
  const out: Record<string, 1 | -1> = {};
  for (const k of sort) out[mongoPath(k.field)] = k.dir === 'asc' ? 1 : -1;
  return out;
}

/**
 * Keyset "after pos" as a $or of prefix-equal branches (see sqlite/sort.sql.ts for the
 * reasoning). MongoDB sorts null/missing first ascending, and `$gt: null` matches nothing, so
 * "after null" ascending is `$ne: null`; descending, nulls come last.
 */
export function keysetQuery(sort: SortKey[], pos: CursorPosition): MongoQuery {
  const values = [...pos.values, pos.id];
  const branches: MongoQuery[] = [];
  for (let i = 0; i < sort.length; i++) {
    const after = afterQuery(sort[i], values[i]);
    if (!after) continue;
    const parts: MongoQuery[] = [];
    for (let j = 0; j < i; j++) parts.push({ [mongoPath(sort[j].field)]: { $eq: values[j] } });
    parts.push(after);
    branches.push(parts.length === 1 ? parts[0] : { $and: parts });
  }
  return branches.length === 0 ? { _id: { $in: [] } } : branches.length === 1 ? branches[0] : { $or: branches };
}

function afterQuery(key: SortKey, v: unknown): MongoQuery | null {
  const p = mongoPath(key.field);
  if (key.dir === 'asc') return v === null ? { [p]: { $ne: null } } : { [p]: { $gt: v } };
  if (v === null) return null;
  return { $or: [{ [p]: { $lt: v } }, { [p]: { $eq: null } }] };
}

/** The value a sort key has in a document (missing -> null), as the cursor stores it. */
export function sortValue(doc: Record<string, unknown>, field: string): string | number | boolean | null {
  let cur: unknown = doc;
  for (const part of mongoPath(field).split('.')) {
    if (cur === null || typeof cur !== 'object') return null;
    cur = (cur as Record<string, unknown>)[part];
  }
  if (cur === undefined || cur === null) return null;
  if (cur instanceof Date) return cur.toISOString();
  return typeof cur === 'object' ? null : (cur as string | number | boolean);
}
