import { isSystemField } from './field-path';

/**
 * The values the SQLite adapter compares, computed from a plain document, so the memory target
 * (filter.memory.ts, sort.memory.ts, the memory store's aggregate) gives the server's answers.
 *
 * SQLite reads a field with `json_extract`: a missing field and a JSON null are both SQL NULL,
 * true/false become 1/0, objects and arrays become their JSON text. It orders NULL before every
 * number and every number before every text, and texts by their UTF-8 bytes (BINARY collation).
 */
export type SqlValue = null | number | string;

/** `json_type`: the JSON type of a value, or null when the field is missing. */
export type JsonType = 'null' | 'true' | 'false' | 'integer' | 'real' | 'text' | 'array' | 'object';

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The value at a dotted path, walking objects only (as `$.a.b` does); undefined when missing. */
export function jsonAt(doc: Record<string, unknown>, path: string): unknown {
  if (!path.includes('.')) return hasOwn(doc, path) ? doc[path] : undefined;
  let cur: unknown = doc;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || !hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** JSON has no undefined, functions or non-finite numbers: such values are missing or null once stored. */
export function jsonTypeOf(v: unknown): JsonType | null {
  switch (typeof v) {
    case 'undefined':
    case 'function':
    case 'symbol':
      return null;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return !Number.isFinite(v) ? 'null' : Number.isInteger(v) ? 'integer' : 'real';
    case 'string':
      return 'text';
    case 'bigint':
      return 'integer';
    default:
      return v === null ? 'null' : Array.isArray(v) ? 'array' : 'object';
  }
}

/** What `json_extract` (or json_each's `value`) gives for a JSON value. */
export function sqlValueOf(v: unknown): SqlValue {
  switch (jsonTypeOf(v)) {
    case null:
    case 'null':
      return null;
    case 'true':
      return 1;
    case 'false':
      return 0;
    case 'integer':
    case 'real':
      return Number(v);
    case 'text':
      return v as string;
    default:
      return JSON.stringify(v);
  }
}

/** The value a sort, keyset cursor or min/max compares: system fields are columns, the rest JSON. */
export function sortValueOf(doc: Record<string, unknown>, field: string): SqlValue {
  if (isSystemField(field)) {
    const v = doc[field];
    return typeof v === 'string' || typeof v === 'number' ? v : null;
  }
  return sqlValueOf(jsonAt(doc, field));
}

/**
 * Texts in UTF-8 byte order, which is code point order. JavaScript's `<` compares UTF-16 code
 * units, which puts U+E000…U+FFFF after the surrogate pairs of higher code points; shifting the
 * two ranges past each other fixes that without encoding either string.
 */
export function compareText(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codeUnitRank(x) - codeUnitRank(y);
  }
  return a.length - b.length;
}

function codeUnitRank(c: number): number {
  if (c >= 0xe000) return c - 0x800;
  if (c >= 0xd800) return c + 0x2000;
  return c;
}

const CLASS: Record<string, number> = { number: 1, string: 2 };

/** SQLite's order of two values: NULL < numbers < texts; equal means `IS`. */
export function compareSql(a: SqlValue, b: SqlValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const ca = CLASS[typeof a];
  const cb = CLASS[typeof b];
  if (ca !== cb) return ca - cb;
  if (typeof a === 'number') return a < (b as number) ? -1 : a > (b as number) ? 1 : 0;
  return compareText(a, b as string);
}
