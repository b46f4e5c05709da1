import { createHash } from 'node:crypto';
import { entityCollectionSpec, type Entity } from '@tessera/core';
import { UniqueViolationError, type Collection, type CollectionSpec, type Store } from '@tessera/core/store';

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

export { storedFields, type StoredField } from '@tessera/core';

/** The storage shape of an entity (@tessera/core's, shared with the browser's memory store) in its app's collection. */
export function collectionSpecFor(appId: string, entity: Entity): CollectionSpec {
  return entityCollectionSpec(recordCollectionName(appId, entity.id), entity);
}

/**
 * An entity's storage as its definition says, where the data already stored may not allow all
 * of it: at start and on first use (a publish checks first, and refuses). Records stored before
 * uniqueness ignored letter case may hold "Ann@x.com" and "ann@x.com": that field then keeps its
 * case-sensitive uniqueness, `onDowngrade` says which and why, and everything else is applied.
 */
export async function ensureEntityStorage(
  store: Store,
  appId: string,
  entity: Entity,
  onDowngrade: (message: string) => void,
): Promise<Collection> {
  const spec = collectionSpecFor(appId, entity);
  try {
    return await store.ensureCollection(spec);
  } catch (err) {
    if (!(err instanceof UniqueViolationError) || !spec.fields.some((f) => f.ignoreCase)) throw err;
    const collection = await store.ensureCollection({ ...spec, fields: spec.fields.map(({ ignoreCase: _, ...f }) => f) });
    const fields = spec.fields.filter((f) => f.ignoreCase).map((f) => f.name);
    onDowngrade(
      `"${appId}": records of "${entity.id}" hold ${fields.join(', ')} values that differ only in letter case, so ${fields.length > 1 ? 'they stay' : 'it stays'} unique as typed; make them different and publish again to have letter case ignored`,
    );
    return collection;
  }
}
