import type { Filter, Scalar } from '../store/store.port';
import { InvalidQueryError } from '../store/store.errors';
import { matchesSearch } from '../search/quick-search';
import type { FilterNode, Leaf, SearchNode } from './filter.ast';
import { normalizeFilter } from './filter.normalize';
import { isSystemField, type PathRules } from './field-path';
import { compareSql, jsonAt, jsonTypeOf, sqlValueOf, type JsonType, type SqlValue } from './sql-value.memory';
import { safeRegex } from '../common/safe-regex';

/**
 * The third compile target of the filter AST (beside filter.sql.ts and filter.mongo.ts): a
 * predicate over plain documents that selects exactly what the SQLite adapter selects, so the
 * memory store, the builder's preview and live-update matching in the browser agree with the
 * server. Each rule below names the SQL it mirrors.
 */
export type MemoryPredicate = (doc: Record<string, unknown>) => boolean;

export interface MemoryFilterOptions {
  /**
   * Top-level fields that hold arrays (CollectionSpec kind `array`): a condition holds when any
   * element satisfies it. Absent (a browser matching records of an entity): a top-level field
   * whose value is an array counts as one, which is what the server's declared fields give.
   */
  arrayFields?: ReadonlySet<string>;
  /** The collection's search fields. Absent: `$search` without `fields` looks at every field. */
  search?: readonly string[];
  /** For error messages. */
  collection?: string;
}

export function compileMemoryFilter(node: FilterNode, options: MemoryFilterOptions = {}): MemoryPredicate {
  switch (node.op) {
    case 'and': {
      const args = node.args.map((a) => compileMemoryFilter(a, options));
      return args.length === 1 ? args[0] : (doc) => args.every((p) => p(doc));
    }
    case 'or': {
      const args = node.args.map((a) => compileMemoryFilter(a, options));
      return (doc) => args.some((p) => p(doc));
    }
    case 'not': {
      // NOT COALESCE(x, 0): SQL's NULL reads as false everywhere, so plain negation is exact.
      const arg = compileMemoryFilter(node.arg, options);
      return (doc) => !arg(doc);
    }
    case 'search':
      return compileSearch(node, options);
    default:
      return compileLeaf(node, options);
  }
}

/** Validates `filter` (as every adapter does) and compiles it. */
export function memoryFilter(filter: Filter | undefined | null, options: MemoryFilterOptions & PathRules = {}): MemoryPredicate {
  return compileMemoryFilter(normalizeFilter(filter, options), options);
}

/** Whether one document matches `filter`, with the server's semantics. */
export function matchesFilter(doc: Record<string, unknown>, filter: Filter | undefined | null, options: MemoryFilterOptions = {}): boolean {
  return memoryFilter(filter, options)(doc);
}

function compileSearch(node: SearchNode, options: MemoryFilterOptions): MemoryPredicate {
  const { search } = options;
  if (search) {
    if (search.length === 0) throw new InvalidQueryError(`collection "${options.collection ?? ''}" has no search fields`, '/$search');
    for (const f of node.fields ?? []) {
      if (!search.includes(f))
        throw new InvalidQueryError(`"${f}" is not one of the search fields (${search.join(', ')})`, '/$search/fields');
    }
  }
  const fields = node.fields ?? search;
  // The search index holds json_extract of each field: numbers and booleans as numbers, arrays as JSON text.
  return (doc) =>
    matchesSearch(
      (fields ?? Object.keys(doc)).map((f) => sqlValueOf(jsonAt(doc, f))),
      node.terms,
    );
}

/** One value as a leaf reads it: a system column, a JSON path, or one array element (json_each). */
interface View {
  value: SqlValue;
  /** json_type / json_each.type; null when missing. Unused for columns. */
  type: JsonType | null;
  /** System columns: their declared type, whose affinity converts compared values. */
  column: 'text' | 'integer' | null;
  /** Array elements: a JSON null element is a value, not "missing". */
  element: boolean;
}

const COLUMN_TYPE = { id: 'text', version: 'integer', createdAt: 'text', updatedAt: 'text' } as const;

function viewOf(doc: Record<string, unknown>, field: string): View {
  if (isSystemField(field)) {
    const v = doc[field];
    return { value: typeof v === 'string' || typeof v === 'number' ? v : null, type: null, column: COLUMN_TYPE[field], element: false };
  }
  const v = jsonAt(doc, field);
  return { value: sqlValueOf(v), type: jsonTypeOf(v), column: null, element: false };
}

const elementView = (v: unknown): View => ({ value: sqlValueOf(v), type: jsonTypeOf(v), column: null, element: true });

/** json_each of a path: the elements of an array, the member values of an object, a scalar itself; nothing when missing. */
function elementsOf(v: unknown): unknown[] {
  if (v === undefined) return [];
  if (Array.isArray(v)) return v;
  if (v !== null && typeof v === 'object') return Object.values(v);
  return [v];
}

function compileLeaf(leaf: Leaf, options: MemoryFilterOptions): MemoryPredicate {
  const { field } = leaf;
  if (leaf.op === 'exists') {
    // json_type(...) IS [NOT] NULL: a JSON null exists; system columns always exist.
    if (isSystemField(field)) return () => leaf.value;
    return (doc) => (jsonTypeOf(jsonAt(doc, field)) !== null) === leaf.value;
  }
  if (leaf.op === 'ne') {
    const p = compileLeaf({ ...leaf, op: 'eq' }, options);
    return (doc) => !p(doc);
  }
  if (leaf.op === 'nin') {
    const p = compileLeaf({ ...leaf, op: 'in' }, options);
    return (doc) => !p(doc);
  }
  const test = positive(leaf);
  const declared = options.arrayFields;
  const topLevel = !field.includes('.') && !isSystemField(field);
  const nullToo = matchesNull(leaf);
  const any = (doc: Record<string, unknown>) => {
    const v = jsonAt(doc, field);
    // `json_extract IS NULL OR EXISTS (… json_each …)` for conditions that match null.
    if (nullToo && sqlValueOf(v) === null) return true;
    return elementsOf(v).some((e) => test(elementView(e)));
  };
  if (declared) return declared.has(field) ? any : (doc) => test(viewOf(doc, field));
  if (!topLevel) return (doc) => test(viewOf(doc, field));
  return (doc) => (Array.isArray(doc[field]) ? any(doc) : test(viewOf(doc, field)));
}

function matchesNull(leaf: Leaf): boolean {
  if (leaf.op === 'in') return leaf.values.includes(null);
  return (leaf.op === 'eq' || leaf.op === 'gte' || leaf.op === 'lte') && leaf.value === null;
}

/** `x IS NULL` as the accessor writes it: columns never are, JSON paths when missing or null, elements when JSON null. */
function isNull(v: View): boolean {
  if (v.column) return false;
  return v.element ? v.type === 'null' : v.value === null;
}

const isNumberType = (t: JsonType | null) => t === 'integer' || t === 'real';

/** The eq of filter.sql.ts, including its type guards. */
function eq(v: View, x: Scalar): boolean {
  if (x === null) return isNull(v);
  // A string never equals a number, on system columns too (`version` is "1" nowhere).
  if (typeof x === 'string') {
    if (v.column === 'integer') return false;
    if (v.column === 'text') return v.value === x;
    return v.value === x; // json_extract of an object or array is its JSON text
  }
  if (typeof x === 'number') {
    if (v.column === 'text') return false;
    if (v.column === 'integer') return v.value === x;
    return v.value === x && isNumberType(v.type);
  }
  if (v.column) return false;
  return v.type === (x ? 'true' : 'false');
}

type Range = 'gt' | 'gte' | 'lt' | 'lte';
const RANGE: Record<Range, (c: number) => boolean> = {
  gt: (c) => c > 0,
  gte: (c) => c >= 0,
  lt: (c) => c < 0,
  lte: (c) => c <= 0,
};

function range(op: Range, v: View, x: Scalar): boolean {
  if (x === null) return op === 'gte' || op === 'lte' ? isNull(v) : false;
  let sameType: boolean;
  if (typeof x === 'string') sameType = v.column ? v.column === 'text' : v.type === 'text';
  else if (typeof x === 'number') sameType = v.column ? v.column === 'integer' : isNumberType(v.type);
  else sameType = !v.column && (v.type === 'true' || v.type === 'false');
  if (!sameType || v.value === null) return false;
  return RANGE[op](compareSql(v.value, typeof x === 'boolean' ? Number(x) : x));
}

function positive(leaf: Leaf): (v: View) => boolean {
  switch (leaf.op) {
    case 'eq':
      return (v) => eq(v, leaf.value);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const op = leaf.op;
      return (v) => range(op, v, leaf.value);
    }
    case 'in':
      return (v) => leaf.values.some((x) => eq(v, x));
    case 'regex': {
      const re = safeRegex(leaf.pattern, leaf.flags); // RE2, as the SQL adapter runs it
      // guard: json_type = 'text' (text columns pass, the integer column never)
      return (v) => (v.column ? v.column === 'text' : v.type === 'text') && typeof v.value === 'string' && re.test(v.value);
    }
    default:
      throw new Error(`unreachable: ${leaf.op}`);
  }
}
