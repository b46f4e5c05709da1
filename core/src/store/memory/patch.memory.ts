import type { Doc, StoredDoc } from '../store.port';
import { stripSystem, toStored, userFields } from '../shared/doc.prepare';
import { applyPatch } from '../shared/patch.inc';
import { toJson } from './memory.context';

/** The user fields of `current` with `patch` merged in (the shared `$inc` rules: missing or null is 0, anything else is refused). */
export function mergeWithIncrements(_collection: string, current: Doc, patch: Doc): Doc {
  return applyPatch(current, toJson(userFields(patch)));
}

/** `doc` with `patch` applied: version + 1 and a new updatedAt, as every update does. */
export function patched(collection: string, doc: StoredDoc, patch: Doc, now: string): StoredDoc {
  return toStored(doc.id, doc.version + 1, doc.createdAt, now, mergeWithIncrements(collection, stripSystem(doc), patch));
}
