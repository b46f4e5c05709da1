import { createHash } from 'node:crypto';
import { entityCollectionSpec, type Entity } from '@tessera/core';
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

export { storedFields, type StoredField } from '@tessera/core';

/** The storage shape of an entity (@tessera/core's, shared with the browser's memory store) in its app's collection. */
export function collectionSpecFor(appId: string, entity: Entity): CollectionSpec {
  return entityCollectionSpec(recordCollectionName(appId, entity.id), entity);
}
