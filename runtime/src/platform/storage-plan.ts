import { createHash } from 'node:crypto';
import { getFieldType, searchFieldsOf, storageKindOf, type Entity, type Field } from '@tessera/core';
import type { CollectionSpec } from '@tessera/core/store';

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

const fieldOf = (entity: Entity, id: string) => entity.fields.find((x) => x.id === id) as { indexed?: boolean; unique?: boolean; type: string; many?: boolean } | undefined;

/** Whether a field gets an index of its own: `indexed`, `unique`, or a relation (related lists and rollups query by them). */
function ownIndex(entity: Entity, id: string): boolean {
  const f = fieldOf(entity, id);
  return Boolean(f && (f.indexed || f.unique || (f.type === 'relation' && !f.many)));
}

/** The storage shape of an entity: declared fields with their kind, indexes and unique constraints. */
export function collectionSpecFor(appId: string, entity: Entity): CollectionSpec {
  return {
    name: recordCollectionName(appId, entity.id),
    fields: [
      ...storedFields(entity).map((f) => ({
        name: f.id, kind: storageKindOf(f), unique: Boolean(f.unique),
        // a unique index declared on the field alone serves instead of its plain one
        indexed: ownIndex(entity, f.id) && !(entity.indexes ?? []).some((i) => i.unique && i.fields.length === 1 && i.fields[0] === f.id),
      })),
      // Row-level permissions and "my records" views filter by owner and creator.
      { name: 'createdBy', kind: 'string' as const, indexed: true },
    ],
    indexes: (entity.indexes ?? [])
      // One field that has its own index already: a second, identical index would only cost writes.
      .filter((i) => !(i.fields.length === 1 && ownIndex(entity, i.fields[0]) && (!i.unique || fieldOf(entity, i.fields[0])?.unique)))
      .map((i) => ({ fields: [...i.fields], unique: Boolean(i.unique) })),
    // The quick search of lists: a word-prefix index over these fields (FTS5 on SQLite).
    search: searchFieldsOf(entity),
  };
}
