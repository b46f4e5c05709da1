import type { Doc, Filter, StoredDoc } from '../store.port';
import { UniqueViolationError } from '../store.errors';
import type { IndexSpec, SanitizedSpec } from '../shared/spec.validate';
import { foldCase } from '../shared/fold-case';
import type { FilterNode } from '../../query/filter.ast';
import { compileMemoryFilter, type MemoryPredicate } from '../../query/filter.memory';
import { normalizeFilter } from '../../query/filter.normalize';
import { jsonAt, sortValueOf } from '../../query/sql-value.memory';

/**
 * One collection of the memory store. Stored documents are never mutated: a write puts a new
 * object in `docs`, so a transaction's snapshot is a shallow copy of the map.
 */
export interface MemoryContext {
  name: string;
  spec: SanitizedSpec;
  docs: Map<string, StoredDoc>;
}

/** What the store keeps: collections by name (the change log lives beside it, see change-log.memory.ts). */
export type Collections = Map<string, MemoryContext>;

/** Stored as JSON, like every adapter: undefined dropped, dates as ISO strings, no shared references. */
export const toJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** What a caller gets: a copy, so changing it never changes the store. */
export const copyOut = <T>(v: T): T => toJson(v); // stored values are JSON already (structuredClone is missing in jsdom)

export function predicateOf(ctx: MemoryContext, node: FilterNode): MemoryPredicate {
  return compileMemoryFilter(node, { arrayFields: ctx.spec.arrayFields, search: ctx.spec.search, collection: ctx.name });
}

export function matcher(ctx: MemoryContext, filter: Filter | undefined): MemoryPredicate {
  return predicateOf(ctx, normalizeFilter(filter));
}

/** See CollectionSpec.expireField: at or before now, a document is gone for reads. */
export function isExpired(ctx: MemoryContext, doc: Doc, now = Date.now()): boolean {
  const field = ctx.spec.raw.expireField;
  if (!field) return false;
  const v = jsonAt(doc, field);
  if (typeof v !== 'string') return false;
  const t = Date.parse(v);
  return !Number.isNaN(t) && t <= now;
}

/** The documents reads see. */
export function liveDocs(ctx: MemoryContext): StoredDoc[] {
  const now = Date.now();
  const out: StoredDoc[] = [];
  for (const d of ctx.docs.values()) if (!isExpired(ctx, d, now)) out.push(d);
  return out;
}

export function liveDoc(ctx: MemoryContext, id: string): StoredDoc | null {
  const d = ctx.docs.get(id);
  return d && !isExpired(ctx, d) ? d : null;
}

/**
 * The unique indexes as SQLite enforces them on `json_extract` values: a document with a null
 * or missing value in any of the index's fields never conflicts, and true equals 1.
 */
function keyOf(doc: Doc, ix: IndexSpec): string | null {
  const values = ix.fields.map((f) => sortValueOf(doc, f));
  if (values.includes(null)) return null;
  return JSON.stringify(ix.ignoreCase ? values.map((v) => (typeof v === 'string' ? foldCase(v) : v)) : values);
}

/** Throws UniqueViolationError when `doc` clashes with another document of `docs`. */
export function checkUnique(ctx: MemoryContext, docs: ReadonlyMap<string, StoredDoc>, doc: StoredDoc): void {
  for (const ix of ctx.spec.indexes) {
    if (!ix.unique) continue;
    const key = keyOf(doc, ix);
    if (key === null) continue;
    for (const other of docs.values()) {
      if (other.id !== doc.id && keyOf(other, ix) === key) throw new UniqueViolationError(ctx.name, ix.fields);
    }
  }
}

/** The first unique index of `spec` that existing documents already violate, or null. */
export function duplicateIndex(spec: SanitizedSpec, docs: Iterable<StoredDoc>): string[] | null {
  for (const ix of spec.indexes) {
    if (!ix.unique) continue;
    const seen = new Set<string>();
    for (const d of docs) {
      const key = keyOf(d, ix);
      if (key === null) continue;
      if (seen.has(key)) return ix.fields;
      seen.add(key);
    }
  }
  return null;
}
