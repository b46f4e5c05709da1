import type { SortKey } from '../store/store.port';
import { InvalidQueryError } from '../store/store.errors';
import { checkFieldPath, ptr, type PathRules } from './field-path';
import { LIMITS } from './query.limits';

export interface SortRules extends PathRules {
  /** Fields holding arrays: sorting on them is refused (MongoDB sorts by min/max element, SQLite by JSON text). */
  arrayFields?: ReadonlySet<string>;
}

/**
 * Validates sort keys and appends the `id` tie-breaker, so every sort is total and keyset cursors
 * are exact. The tie-breaker runs in the direction of the last key: indexes end with `id`, so a
 * `title desc, id desc` sort is one backwards index scan, where `title desc, id asc` would sort
 * every row of each title. Keys after an explicit `id` key could never matter and are dropped.
 */
export function normalizeSort(sort: SortKey[] | undefined | null, rules: SortRules = {}): SortKey[] {
  if (sort === undefined || sort === null) return [{ field: 'id', dir: 'asc' }];
  if (!Array.isArray(sort)) throw new InvalidQueryError('sort must be an array of { field, dir }', '/sort');
  if (sort.length > LIMITS.maxSortKeys) throw new InvalidQueryError(`more than ${LIMITS.maxSortKeys} sort keys`, '/sort');
  const out: SortKey[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < sort.length; i++) {
    const at = ptr('/sort', i);
    const key = sort[i] as unknown as Record<string, unknown>;
    if (typeof key !== 'object' || key === null) throw new InvalidQueryError('a sort key must be { field, dir }', at);
    const field = checkFieldPath(key.field as string, ptr(at, 'field'), rules);
    const dir = key.dir ?? 'asc';
    if (dir !== 'asc' && dir !== 'desc') throw new InvalidQueryError(`sort dir must be "asc" or "desc"`, ptr(at, 'dir'));
    if (seen.has(field)) throw new InvalidQueryError(`"${field}" appears twice in sort`, at);
    if (rules.arrayFields?.has(field.split('.')[0])) {
      throw new InvalidQueryError(`cannot sort on array field "${field}"`, ptr(at, 'field'));
    }
    seen.add(field);
    out.push({ field, dir });
    if (field === 'id') return out;
  }
  out.push({ field: 'id', dir: out.length ? out[out.length - 1].dir : 'asc' });
  return out;
}

export function normalizeLimit(limit: unknown): number {
  if (limit === undefined || limit === null) return LIMITS.defaultLimit;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > LIMITS.maxLimit) {
    throw new InvalidQueryError(`limit must be an integer from 1 to ${LIMITS.maxLimit}`, '/limit');
  }
  return limit;
}
