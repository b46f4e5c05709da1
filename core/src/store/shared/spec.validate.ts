import type { CollectionSpec, FieldKind } from '../store.port';
import { InvalidQueryError, StoreError } from '../store.errors';
import { checkFieldPath, IDENT, ptr } from '../../query/field-path';

const NAME = /^[A-Za-z0-9_]+$/;
const MAX_SEARCH_FIELDS = 16;
const KINDS: ReadonlySet<string> = new Set(['string', 'number', 'boolean', 'date', 'json', 'array']);

/** Collection names become table/collection names: only `[A-Za-z0-9_]`, not SQLite's or our reserved prefixes. */
export function checkCollectionName(name: unknown): string {
  if (typeof name !== 'string' || !NAME.test(name) || name.length > 64) {
    throw new StoreError(`invalid collection name ${JSON.stringify(name)}: use [A-Za-z0-9_], at most 64 chars`);
  }
  if (/^sqlite_/i.test(name) || name.startsWith('__') || name.startsWith('system')) {
    throw new StoreError(`collection name ${JSON.stringify(name)} uses a reserved prefix (sqlite_, __, system)`);
  }
  return name;
}

/** One declared index, normalized: field paths plus uniqueness. */
export interface IndexSpec {
  fields: string[];
  unique: boolean;
  /** Unique regardless of letter case (a single text field's `ignoreCase`). */
  ignoreCase?: boolean;
}

export interface SanitizedSpec {
  name: string;
  kinds: ReadonlyMap<string, FieldKind>;
  arrayFields: ReadonlySet<string>;
  indexes: IndexSpec[];
  /** Fields of the text search index, in order (adapters address them by position). */
  search: string[];
  /** The TTL field (see ttl.expire.ts), if any. */
  expireField?: string;
  raw: CollectionSpec;
}

/** Validates a CollectionSpec and derives the list of indexes (field flags + compound indexes). */
export function sanitizeSpec(spec: CollectionSpec): SanitizedSpec {
  const name = checkCollectionName(spec?.name);
  const kinds = new Map<string, FieldKind>();
  const indexes: IndexSpec[] = [];
  const keys = new Set<string>();
  const add = (fields: string[], unique: boolean, at: string, ignoreCase = false) => {
    const key = JSON.stringify(fields);
    if (keys.has(key)) throw new InvalidQueryError(`index on ${fields.join(' + ')} declared twice`, at);
    keys.add(key);
    indexes.push({ fields, unique, ...(ignoreCase ? { ignoreCase } : {}) });
  };
  (spec.fields ?? []).forEach((f, i) => {
    const at = ptr(ptr('/fields', i), 'name');
    if (typeof f?.name !== 'string' || !IDENT.test(f.name) || f.name === '_id')
      throw new InvalidQueryError(`invalid field name ${JSON.stringify(f?.name)}`, at);
    if (!KINDS.has(f.kind)) throw new InvalidQueryError(`unknown field kind ${JSON.stringify(f.kind)}`, ptr(ptr('/fields', i), 'kind'));
    if (kinds.has(f.name)) throw new InvalidQueryError(`field "${f.name}" declared twice`, at);
    kinds.set(f.name, f.kind);
    if (f.unique && f.kind === 'array') {
      // MongoDB would make it element-wise unique, SQLite whole-value unique: refuse rather than differ.
      throw new InvalidQueryError(`array field "${f.name}" cannot be unique`, ptr(ptr('/fields', i), 'unique'));
    }
    if (f.ignoreCase && (!f.unique || f.kind !== 'string'))
      throw new InvalidQueryError(`ignoreCase needs a unique string field ("${f.name}")`, ptr(ptr('/fields', i), 'ignoreCase'));
    if ((f.unique || f.indexed) && f.name !== 'id') add([f.name], !!f.unique, at, !!f.ignoreCase);
  });
  (spec.indexes ?? []).forEach((ix, i) => {
    const at = ptr('/indexes', i);
    if (!Array.isArray(ix?.fields) || ix.fields.length === 0 || ix.fields.length > 8) {
      throw new InvalidQueryError('an index needs 1..8 fields', at);
    }
    ix.fields.forEach((f, j) => checkFieldPath(f, ptr(ptr(at, 'fields'), j)));
    add([...ix.fields], !!ix.unique, at);
  });
  const search = spec.search ?? [];
  if (!Array.isArray(search) || search.length > MAX_SEARCH_FIELDS)
    throw new InvalidQueryError(`search needs an array of at most ${MAX_SEARCH_FIELDS} fields`, '/search');
  search.forEach((f, i) => checkFieldPath(f, ptr('/search', i)));
  if (new Set(search).size !== search.length) throw new InvalidQueryError('search lists a field twice', '/search');
  const expireField = spec.expireField ?? undefined;
  if (expireField !== undefined) {
    checkFieldPath(expireField, '/expireField');
    if (['id', 'version', 'createdAt', 'updatedAt'].includes(expireField))
      throw new InvalidQueryError('expireField cannot be a system field', '/expireField');
  }
  const arrayFields = new Set([...kinds].filter(([, k]) => k === 'array').map(([n]) => n));
  return { name, kinds, arrayFields, indexes, search: [...search], expireField, raw: spec };
}

/** Spec for a collection that exists but was never declared in this process. */
export function emptySpec(name: string): SanitizedSpec {
  return sanitizeSpec({ name, fields: [] });
}
