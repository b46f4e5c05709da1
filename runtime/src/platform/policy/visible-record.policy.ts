import type { EntityPolicy } from './policy.types';

/** The record without the fields the caller may not read; the same object when nothing is hidden (the admin hot path). */
export function visibleRecord<T extends Record<string, unknown>>(record: T, perm: Pick<EntityPolicy, 'hidden'>): T {
  if (perm.hidden.size === 0) return record;
  const out = {} as Record<string, unknown>;
  for (const key in record) if (!perm.hidden.has(key)) out[key] = record[key];
  return out as T;
}
