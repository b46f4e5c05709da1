import { COMPUTE_ERRORS } from '@tessera/core';
import type { EntityPolicy } from './policy.types';

/**
 * The record without the fields the caller may not read (nor why a hidden computed field
 * failed); the same object when nothing is hidden (the admin hot path).
 */
export function visibleRecord<T extends Record<string, unknown>>(record: T, perm: Pick<EntityPolicy, 'hidden'>): T {
  if (perm.hidden.size === 0) return record;
  const out = {} as Record<string, unknown>;
  for (const key in record) if (!perm.hidden.has(key)) out[key] = record[key];
  const errors = record[COMPUTE_ERRORS] as Record<string, string> | undefined;
  if (errors) {
    const shown = Object.entries(errors).filter(([field]) => !perm.hidden.has(field));
    if (shown.length) out[COMPUTE_ERRORS] = Object.fromEntries(shown);
    else delete out[COMPUTE_ERRORS];
  }
  return out as T;
}
