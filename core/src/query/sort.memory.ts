import type { SortKey } from '../store/store.port';
import type { CursorPosition } from './cursor.codec';
import { normalizeSort, type SortRules } from './sort.normalize';
import { compareSql, sortValueOf, type SqlValue } from './sql-value.memory';

/**
 * The SQLite adapter's ORDER BY over plain documents: NULL (missing or JSON null) first
 * ascending and last descending, numbers (booleans as 1/0) before texts, texts by UTF-8 bytes
 * ("B" < "a" < "b"), objects and arrays as their JSON text. `sort` must end with `id`, as
 * normalizeSort makes it; `memorySort` does that for raw sort keys.
 */
export type DocComparator = (a: Record<string, unknown>, b: Record<string, unknown>) => number;

export function compileMemorySort(sort: SortKey[]): DocComparator {
  return (a, b) => {
    for (const k of sort) {
      const c = compareSql(sortValueOf(a, k.field), sortValueOf(b, k.field));
      if (c !== 0) return k.dir === 'asc' ? c : -c;
    }
    return 0;
  };
}

/** Validates raw sort keys (adding the `id` tie-breaker) and compiles them. */
export function memorySort(sort: SortKey[] | undefined | null, rules: SortRules = {}): DocComparator {
  return compileMemorySort(normalizeSort(sort, rules));
}

/** A sorted copy of `docs`, in the server's order. */
export function sortDocs<T extends Record<string, unknown>>(docs: readonly T[], sort?: SortKey[] | null): T[] {
  return [...docs].sort(memorySort(sort));
}

/** The keyset position of `doc` for a cursor: its sort values (the `id` key last, held apart). */
export function positionOf(doc: Record<string, unknown>, sort: SortKey[]): CursorPosition {
  return { values: sort.slice(0, -1).map((k) => sortValueOf(doc, k.field)), id: String(doc.id) };
}

/** Whether `doc` comes strictly after `pos` in `sort` order (the keyset condition of sort.sql.ts). */
export function isAfter(doc: Record<string, unknown>, sort: SortKey[], pos: CursorPosition): boolean {
  const values: SqlValue[] = [...pos.values.map((v) => (typeof v === 'boolean' ? Number(v) : v)), pos.id];
  for (let i = 0; i < sort.length; i++) {
    const c = compareSql(sortValueOf(doc, sort[i].field), values[i]);
    if (c !== 0) return sort[i].dir === 'asc' ? c > 0 : c < 0;
  }
  return false;
}
