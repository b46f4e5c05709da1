import { isSystemField } from '@tessera/core/query';

/**
 * The one place that turns a field path into SQL. Indexes (ensure-collection) and queries
 * (filter/sort/aggregate) both call `valueSql`, so the expressions match character for
 * character and the planner can use the expression indexes.
 *
 * Documents are stored as JSON text. JSONB made filters on unindexed fields ~2x faster, but
 * indexed lists (the common, designed-for path) ~22% slower and reads ~10% slower, because every
 * row had to be converted back with `json()`; and text stays readable by any sqlite3 tool an
 * operator has (Debian 12's sqlite3 3.40 cannot read JSONB).
 */
export const DOC_IN = '?';
export const DOC_OUT = '"doc"';

/** System fields are real columns; everything else lives in the `doc` JSON column. */
const COLUMNS: Record<string, { sql: string; type: 'text' | 'integer' }> = {
  id: { sql: '"id"', type: 'text' },
  version: { sql: '"version"', type: 'integer' },
  createdAt: { sql: '"created_at"', type: 'text' },
  updatedAt: { sql: '"updated_at"', type: 'text' },
};

/** Paths are validated `ident(.ident)*` before they get here, so splicing them is safe. */
export function jsonPath(field: string): string {
  return `'$.${field}'`;
}

export function valueSql(field: string): string {
  return isSystemField(field) ? COLUMNS[field].sql : `json_extract("doc", ${jsonPath(field)})`;
}

/**
 * A value as `ignoreCase` unique indexes hold it (foldCase): SQL's lower() folds ASCII, which is
 * nearly every value, without a call into JavaScript; the rest goes through tessera_fold_case.
 * Filters write the same expression so that SQLite matches it to the index.
 */
export const foldedSql = (v: string) => `(CASE WHEN ${v} GLOB '*[^ -~]*' THEN tessera_fold_case(${v}) ELSE lower(${v}) END)`;

/** Where a leaf reads its value: a system column, a JSON path, or one element of a JSON array. */
export interface Accessor {
  value: string;
  /** SQL giving the JSON type name ('text', 'integer', 'real', 'true', 'false', 'null', …); NULL when missing. */
  jsonType: string | null;
  /** For system columns: their fixed SQL type. */
  columnType: 'text' | 'integer' | null;
  /** True when a JSON null and a missing value are both SQL NULL in `value`. */
  nullMeansMissing: boolean;
}

export function fieldAccessor(field: string): Accessor {
  if (isSystemField(field)) return { value: COLUMNS[field].sql, jsonType: null, columnType: COLUMNS[field].type, nullMeansMissing: true };
  return { value: valueSql(field), jsonType: `json_type("doc", ${jsonPath(field)})`, columnType: null, nullMeansMissing: true };
}

/** Inside `EXISTS (SELECT 1 FROM json_each(...) AS e WHERE …)`: one array element. */
export const ELEMENT: Accessor = { value: 'e.value', jsonType: 'e.type', columnType: null, nullMeansMissing: false };

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}
