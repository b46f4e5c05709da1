import type { Entity } from '@tessera/core';
import type { Filter, SortKey } from '@tessera/core/store';
import { checkFilterFields, checkSortFields, NONE } from '../records/query-fields';
import { badRequest, type ProblemIssue } from './problem';

/** The records API's query parameters (`filter`, `sort`, `limit`, `fields`) as Express hands them over: a string each, or absent. */
const MAX_FILTER_CHARS = 10_000;

/** `filter` query parameter: JSON text. */
export function parseFilter(raw: unknown, entity: Entity, hidden: ReadonlySet<string> = NONE): Filter | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw badRequest('filter must be given once, as JSON');
  if (raw.length > MAX_FILTER_CHARS) throw badRequest(`filter is longer than ${MAX_FILTER_CHARS} characters`);
  let filter: unknown;
  try {
    filter = JSON.parse(raw);
  } catch (err) {
    throw badRequest(`filter is not valid JSON: ${(err as Error).message}`, [{ pointer: '/filter', message: 'invalid JSON' }]);
  }
  const issues: ProblemIssue[] = [];
  checkFilterFields(filter, entity, '/filter', issues, hidden);
  if (issues.length) throw badRequest(issues.map((i) => `${i.pointer}: ${i.message}`).join('; '), issues);
  return filter as Filter;
}

/** `sort=lastName,-createdAt` (a leading `-` means descending). */
export function parseSort(raw: unknown, entity: Entity, hidden: ReadonlySet<string> = NONE): SortKey[] | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw badRequest('sort must be given once, like sort=lastName,-createdAt');
  const keys = raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (keys.length > 5) throw badRequest('sort takes at most 5 fields');
  const sort = keys.map((key): SortKey => {
    const desc = key.startsWith('-');
    return { field: desc || key.startsWith('+') ? key.slice(1) : key, dir: desc ? 'desc' : 'asc' };
  });
  const issues: ProblemIssue[] = [];
  checkSortFields(
    sort.map((k) => k.field),
    entity,
    '/sort',
    issues,
    hidden,
  );
  if (issues.length) throw badRequest(issues.map((i) => `${i.pointer}: ${i.message}`).join('; '), issues);
  return sort;
}

/** `fields=name,email` (the CSV export's columns); the names are checked by exportColumns. */
export function parseFields(raw: unknown): string[] | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw badRequest('fields must be given once, like fields=name,email');
  return raw
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
}

export function parseLimit(raw: unknown): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw badRequest('limit must be an integer from 1 to 1000', [{ pointer: '/limit', message: 'out of range' }]);
  return n;
}
