import { createHash } from 'node:crypto';
import { getFieldType, searchFieldsOf, storageKindOf, type Entity, type Field } from '@tessera/schemas';
import type { CollectionSpec } from '../store/store.port';

/**
 * Where an app's records live. The app id is hashed into the name so that any slug maps to a
 * fixed-length, collision-free, identifier-safe prefix; entity ids are identifiers already.
 */
export function recordCollectionName(appId: string, entityId: string): string {
  let prefix = prefixes.get(appId);
  if (prefix === undefined) {
    prefix = `r${createHash('sha256').update(appId).digest('hex').slice(0, 12)}_`;
    if (prefixes.size > 10_000) prefixes.clear();
    prefixes.set(appId, prefix);
  }
  return prefix + entityId;
}

/** Every records request needs the name: hash each app id once. */
const prefixes = new Map<string, string>();

export type StoredField = Exclude<Field, { type: 'computed' } | { type: 'rollup' }>;

/** Fields that are stored (computed and rollup fields are evaluated on read). */
export function storedFields(entity: Entity): StoredField[] {
  return entity.fields.filter((f): f is StoredField => getFieldType(f.type).stored);
}

/** A field's default, for the types that have one (relations have none). */
export function defaultOf(field: Field): unknown {
  return (field as { default?: unknown }).default;
}

/** The storage shape of an entity: declared fields with their kind, indexes and unique constraints. */
export function collectionSpecFor(appId: string, entity: Entity): CollectionSpec {
  return {
    name: recordCollectionName(appId, entity.id),
    fields: [
      ...storedFields(entity).map((f) => ({
        name: f.id,
        kind: storageKindOf(f),
        unique: Boolean(f.unique),
        // Relations are indexed by default: related lists and rollups query by them.
        indexed: Boolean(f.indexed) || (f.type === 'relation' && !(f as { many?: boolean }).many),
      })),
      // Row-level permissions and "my records" views filter by owner and creator.
      { name: 'createdBy', kind: 'string' as const, indexed: true },
    ],
    indexes: (entity.indexes ?? []).map((i) => ({ fields: [...i.fields], unique: Boolean(i.unique) })),
    // The quick search of lists: a word-prefix index over these fields (FTS5 on SQLite).
    search: searchFieldsOf(entity),
  };
}
