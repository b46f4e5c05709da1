import type { CollectionSpec } from '../store.port';
import { UniqueViolationError } from '../store.errors';
import { sanitizeSpec } from '../shared/spec.validate';
import { checkFieldPath } from '../../query/field-path';
import { duplicateIndex, type Collections } from './memory.context';

/** Creates the collection or takes the new spec; a unique index that existing documents break is refused and nothing changes. */
export function ensureCollection(collections: Collections, spec: CollectionSpec): string {
  const clean = sanitizeSpec(spec);
  if (spec.expireField !== undefined) checkFieldPath(spec.expireField, '/expireField');
  const existing = collections.get(clean.name);
  if (!existing) {
    collections.set(clean.name, { name: clean.name, spec: clean, docs: new Map() });
    return clean.name;
  }
  const clash = duplicateIndex(clean, existing.docs.values());
  if (clash)
    throw new UniqueViolationError(
      clean.name,
      clash,
      `${clean.name}: cannot add unique index on ${clash.join(' + ')}: existing documents have duplicate values`,
    );
  existing.spec = clean;
  return clean.name;
}
