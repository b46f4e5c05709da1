import type { Entity } from '@tessera/core';
import type { Doc } from '@tessera/core/store';
import { storedFields } from '../storage-plan';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

const stored = new WeakMap<Entity, ReturnType<typeof storedFields>>();

/** Deep equality for JSON values (records hold nothing else). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return (a ?? null) === (b ?? null);
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Per stored field, from -> to, only where the value changed (missing and null are the same).
 * `before` null means a create, `after` null a delete. Computed and system fields never appear.
 */
export function diffFields(entity: Entity, before: Doc | null, after: Doc | null): FieldChange[] {
  const out: FieldChange[] = [];
  let fields = stored.get(entity);
  if (!fields) stored.set(entity, (fields = storedFields(entity)));
  for (const field of fields) {
    const from = before?.[field.id] ?? null;
    const to = after?.[field.id] ?? null;
    if (!same(from, to)) out.push({ field: field.id, from, to });
  }
  return out;
}
