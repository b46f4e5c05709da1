/**
 * Which fields a query of an entity may name: stored and system fields (json fields with dotted
 * paths below them), never computed ones, and hidden fields reported exactly like unknown ones so
 * that a query cannot probe for them. Issues point into the query (`/filter/...`, `/sort/0`).
 */
import type { Entity } from '@tessera/core';
import { getFieldType, searchFieldsOf } from '@tessera/core';
import { RECORD_SYSTEM_FIELDS } from '@tessera/core/query';
import type { Issue } from '../domain-errors';

/** The fields every record has (the store's system fields and `createdBy`). */
export const SYSTEM_FIELDS = RECORD_SYSTEM_FIELDS;

interface QueryableFields {
  plain: Set<string>;
  json: Set<string>;
  computed: Set<string>;
}

/** Per entity of a published definition (never mutated): every list request checks its filter and sort against these. */
const byEntity = new WeakMap<Entity, QueryableFields>();

/** Field names a query on this entity may use: stored fields, system fields; json fields allow dotted paths below them. */
function queryableFields(entity: Entity): QueryableFields {
  let known = byEntity.get(entity);
  if (!known) byEntity.set(entity, (known = collectQueryableFields(entity)));
  return known;
}

function collectQueryableFields(entity: Entity): QueryableFields {
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

export const NONE: ReadonlySet<string> = new Set();

/** Hidden fields are reported exactly like unknown ones, so a query cannot probe for them. */
function checkPath(path: string, entity: Entity, pointer: string, issues: Issue[], hidden = NONE): void {
  const known = queryableFields(entity);
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
export function checkFilterFields(filter: unknown, entity: Entity, pointer: string, issues: Issue[], hidden = NONE): void {
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
      checkPath(key, entity, here, issues, hidden);
    }
  }
}

/**
 * `$search: "words"` searches the entity's search fields the caller may read; `{ text, fields }`
 * narrows them. Hidden fields are left out (a search must not reveal what they hold) and named
 * like unknown ones. Returns the explicit form the store gets, or null after reporting an issue.
 */
function resolveSearch(
  value: unknown,
  entity: Entity,
  pointer: string,
  issues: Issue[],
  hidden: ReadonlySet<string>,
): { text: unknown; fields: string[] } | null {
  const all = searchFieldsOf(entity).filter((f) => !hidden.has(f));
  const asked =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as { text?: unknown; fields?: unknown })
      : { text: value, fields: undefined };
  if (asked.fields !== undefined) {
    if (!Array.isArray(asked.fields) || asked.fields.length === 0) {
      issues.push({ pointer: `${pointer}/fields`, message: '$search fields must be a non-empty array of field names' });
      return null;
    }
    const bad = asked.fields.findIndex((f) => typeof f !== 'string' || !all.includes(f));
    if (bad >= 0) {
      const f = asked.fields[bad];
      issues.push({
        pointer: `${pointer}/fields/${bad}`,
        message:
          hidden.has(f as string) || typeof f !== 'string'
            ? `unknown field ${JSON.stringify(f)} on ${entity.id}`
            : `"${f}" is not a search field of ${entity.id} (${all.join(', ') || 'none'})`,
      });
      return null;
    }
  }
  if (all.length === 0) {
    issues.push({ pointer, message: `${entity.id} has no search fields${hidden.size ? ' you may read' : ''}: quick search is off for it` });
    return null;
  }
  return { text: asked.text, fields: (asked.fields as string[] | undefined) ?? all };
}

/** Sort fields, each checked like a filter's (`pointer`/i per field). */
export function checkSortFields(fields: string[], entity: Entity, pointer: string, issues: Issue[], hidden = NONE): void {
  fields.forEach((field, i) => checkPath(field, entity, `${pointer}/${i}`, issues, hidden));
}
