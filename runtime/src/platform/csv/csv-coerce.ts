import type { Field } from '@tessera/core';

/** A cell that cannot become a value of its field's type; `code` is the report's code (`validation.<code>` in the renderer). */
export class CoerceError extends Error {
  constructor(
    readonly code: 'number' | 'boolean' | 'date' | 'datetime' | 'json',
    message: string,
  ) {
    super(message);
  }
}

const BOOLEAN: Record<string, boolean> = { yes: true, no: false, true: true, false: false, '1': true, '0': false, y: true, n: false };

const list = (cell: string) => cell.split(';').map((s) => s.trim()).filter(Boolean);

/**
 * Turns one CSV cell into a field value. An empty cell is `undefined` (the field is left out, so
 * defaults apply). Everything beyond the type (range, options, patterns) is the record validator's
 * job, so CSV rows fail exactly like API requests.
 */
export function coerceCell(field: Field, raw: string): unknown {
  const cell = raw.trim();
  if (cell === '') return undefined;
  switch (field.type) {
    case 'number':
    case 'money': {
      const n = Number(cell.replace(/[\s_]/g, ''));
      if (!Number.isFinite(n)) throw new CoerceError('number', `"${cell}" is not a number`);
      return n;
    }
    case 'boolean': {
      const b = BOOLEAN[cell.toLowerCase()];
      if (b === undefined) throw new CoerceError('boolean', `"${cell}" is not yes/no, true/false or 1/0`);
      return b;
    }
    case 'date': {
      const m = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(cell);
      if (!m) throw new CoerceError('date', `"${cell}" is not a date (YYYY-MM-DD)`);
      return m[1];
    }
    case 'datetime': {
      const t = Date.parse(cell);
      if (Number.isNaN(t)) throw new CoerceError('datetime', `"${cell}" is not a date and time (ISO 8601)`);
      return new Date(t).toISOString();
    }
    case 'multienum':
      return list(cell);
    case 'relation':
      return (field as { many?: boolean }).many ? list(cell) : cell;
    case 'json':
      try {
        return JSON.parse(cell);
      } catch {
        throw new CoerceError('json', 'is not valid JSON');
      }
    default:
      return raw; // text-like types keep their exact content, spaces included
  }
}

/** The opposite, for exports: one cell per value; lists joined with `;`, objects as JSON. */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.every((v) => typeof v !== 'object' || v === null) ? value.map((v) => String(v ?? '')).join(';') : JSON.stringify(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
