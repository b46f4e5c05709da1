import type { Entity } from '@tessera/core';
import { getFieldType, searchFieldsOf } from '@tessera/core';
import type { Filter, SortKey } from '@tessera/core/store';
import { RECORD_SYSTEM_FIELDS } from '@tessera/core/query';
import { badRequest, type ProblemIssue } from '../http/problem';

const MAX_FILTER_CHARS = 10_000;

/** Field names a query on this entity may use: stored fields, system fields; json fields allow dotted paths below them. */
function queryableFields(entity: Entity): { plain: Set<string>; json: Set<string>; computed: Set<string> } {
  const plain = new Set<string>(RECORD_SYSTEM_FIELDS);
  const json = new Set<string>();
  const computed = new Set<string>();
  for (const f of entity.fields) {
    if (!getFieldType(f.type).stored) computed.add(f.id);
    else if (f.type === 'json') json.add(f.id);
    else plain.add(f.id);
  }
  return { plain, json, computed };
}

const NONE: ReadonlySet<string> = new Set();

/** Hidden fields are reported exactly like unknown ones, so a query cannot probe for them. */
function checkPath(path: string, entity: Entity, pointer: string, issues: ProblemIssue[], known = queryableFields(entity), hidden = NONE): void {
  const head = path.split('.')[0];
  if (hidden.has(head)) {
    issues.push({ pointer, message: `unknown field "${path}" on ${entity.id}` });
  } else if (known.computed.has(head)) {
    issues.push({ pointer, message: `"${head}" is computed on read and cannot be filtered or sorted on` });
  } else if (known.json.has(head)) {
    return;
  } else if (!known.plain.has(path)) {
    issues.push({ pointer, message: `unknown field "${path}" on ${entity.id}` });
  }
}

/** Walks a filter and reports every field the entity does not have (operators are checked by the store). */
export function checkFilterFields(filter: unknown, entity: Entity, pointer: string, issues: ProblemIssue[], hidden = NONE): void {
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    issues.push({ pointer, message: 'a filter must be a JSON object' });
    return;
  }
  for (const [key, value] of Object.entries(filter)) {
    const here = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (key === '$and' || key === '$or') {
      if (Array.isArray(value)) value.forEach((sub, i) => checkFilterFields(sub, entity, `${here}/${i}`, issues, hidden));
    } else if (key === '$search') {
      const resolved = resolveSearch(value, entity, here, issues, hidden);
      if (resolved) (filter as Record<string, unknown>)[key] = resolved;
    } else if (!key.startsWith('$')) {
      checkPath(key, entity, here, issues, undefined, hidden);
    }
  }
}

/**
 * `$search: "words"` searches the entity's search fields the caller may read; `{ text, fields }`
 * narrows them. Hidden fields are left out (a search must not reveal what they hold) and named
 * like unknown ones. Returns the explicit form the store gets, or null after reporting an issue.
 */
function resolveSearch(value: unknown, entity: Entity, pointer: string, issues: ProblemIssue[], hidden: ReadonlySet<string>): { text: unknown; fields: string[] } | null {
  const all = searchFieldsOf(entity).filter((f) => !hidden.has(f));
  const asked = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { text?: unknown; fields?: unknown }) : { text: value, fields: undefined };
  if (asked.fields !== undefined) {
    if (!Array.isArray(asked.fields) || asked.fields.length === 0) {
      issues.push({ pointer: `${pointer}/fields`, message: '$search fields must be a non-empty array of field names' });
      return null;
    }
    const bad = asked.fields.findIndex((f) => typeof f !== 'string' || !all.includes(f));
    if (bad >= 0) {
      const f = asked.fields[bad];
      issues.push({ pointer: `${pointer}/fields/${bad}`, message: hidden.has(f as string) || typeof f !== 'string' ? `unknown field ${JSON.stringify(f)} on ${entity.id}` : `"${f}" is not a search field of ${entity.id} (${all.join(', ') || 'none'})` });
      return null;
    }
  }
  if (all.length === 0) {
    issues.push({ pointer, message: `${entity.id} has no search fields${hidden.size ? ' you may read' : ''}: quick search is off for it` });
    return null;
  }
  return { text: asked.text, fields: (asked.fields as string[] | undefined) ?? all };
}

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
  const keys = raw.split(',').map((part) => part.trim()).filter(Boolean);
  if (keys.length > 5) throw badRequest('sort takes at most 5 fields');
  const issues: ProblemIssue[] = [];
  const known = queryableFields(entity);
  const sort = keys.map((key, i): SortKey => {
    const desc = key.startsWith('-');
    const field = desc || key.startsWith('+') ? key.slice(1) : key;
    checkPath(field, entity, `/sort/${i}`, issues, known, hidden);
    return { field, dir: desc ? 'desc' : 'asc' };
  });
  if (issues.length) throw badRequest(issues.map((i) => `${i.pointer}: ${i.message}`).join('; '), issues);
  return sort;
}

export function parseLimit(raw: unknown): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw badRequest('limit must be an integer from 1 to 1000', [{ pointer: '/limit', message: 'out of range' }]);
  return n;
}
