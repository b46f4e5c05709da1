import type { Entity, Field } from '../generated/app-definition';
import type { CollectionSpec, Filter } from './store.port';
import { matchesFilter } from '../query/filter.memory';
import { getFieldType, storageKindOf } from '../field-types/field-queries';
import { searchFieldsOf } from '../search/quick-search';

/**
 * How an entity's records are stored, whichever store holds them: the server's SQLite or MongoDB
 * collection and the browser's memory store (the builder's preview) get the same spec, so unique
 * fields, array fields and the quick search behave the same in both.
 */
export type StoredField = Exclude<Field, { type: 'computed' } | { type: 'rollup' }>;

/** Fields that are stored (computed and rollup fields are evaluated on read). */
export function storedFields(entity: Entity): StoredField[] {
  return entity.fields.filter((f): f is StoredField => getFieldType(f.type).stored);
}

const fieldOf = (entity: Entity, id: string) =>
  entity.fields.find((x) => x.id === id) as { indexed?: boolean; unique?: boolean; type: string; many?: boolean } | undefined;

/** Whether a field gets an index of its own: `indexed`, `unique`, or a relation (related lists and rollups query by them). */
function ownIndex(entity: Entity, id: string): boolean {
  const f = fieldOf(entity, id);
  return Boolean(f && (f.indexed || f.unique || (f.type === 'relation' && !f.many)));
}

/** The storage shape of an entity, in the collection `name`: declared fields with their kind, indexes and unique constraints. */
export function entityCollectionSpec(name: string, entity: Entity): CollectionSpec {
  return {
    name,
    fields: [
      ...storedFields(entity).map((f) => ({
        name: f.id,
        kind: storageKindOf(f),
        unique: Boolean(f.unique),
        ...(f.unique && getFieldType(f.type).uniqueIgnoresCase?.(f) ? { ignoreCase: true } : {}),
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

/**
 * Whether a record of `entity` matches `filter` as the server's store decides (its array fields
 * and quick-search fields included): live updates in the browser place a changed record with it.
 */
export function matchesEntityFilter(entity: Entity, record: Record<string, unknown>, filter: Filter | undefined): boolean {
  const spec = entityCollectionSpec(entity.id, entity);
  const arrayFields = new Set(spec.fields.filter((f) => f.kind === 'array').map((f) => f.name));
  return matchesFilter(record, filter, { arrayFields, search: spec.search, collection: entity.id });
}
