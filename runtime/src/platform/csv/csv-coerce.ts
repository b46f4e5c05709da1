import { CsvCellError, fieldTypes, type Field } from '@tessera/core';

/**
 * A cell that cannot become a value of its field's type; `code` is the report's code (`validation.<code>` in the renderer).
 * Thrown by the field type's `csv.parse` (core/src/field-types/<type>/).
 */
export { CsvCellError as CoerceError };

/**
 * Turns one CSV cell into a field value. An empty cell is `undefined` (the field is left out, so
 * defaults apply). Each type's descriptor reads its cells (`csv.parse`); a type without one keeps
 * the exact content, spaces included (text-like types). Everything beyond the type (range,
 * options, patterns) is the record validator's job, so CSV rows fail exactly like API requests.
 */
export function coerceCell(field: Field, raw: string): unknown {
  const cell = raw.trim();
  if (cell === '') return undefined;
  const parse = fieldTypes.get(field.type)?.csv?.parse;
  return parse ? parse(cell, field, raw) : raw;
}

/** The opposite, for exports: one cell per value; the type's `csv.format`, else lists joined with `;`, objects as JSON. */
export function formatCell(value: unknown, field?: Field): string {
  if (value === null || value === undefined) return '';
  const format = field ? fieldTypes.get(field.type)?.csv?.format : undefined;
  if (format) return format(value, field!);
  if (Array.isArray(value))
    return value.every((v) => typeof v !== 'object' || v === null) ? value.map((v) => String(v ?? '')).join(';') : JSON.stringify(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
