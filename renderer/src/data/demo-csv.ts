/** CSV in the demo port: cells to typed values (as the server's import does) and records to CSV. */
import Papa from 'papaparse';
import type { Entity, Field } from '@tessera/core';
import type { RecordData } from './data-port';

const list = (s: string) =>
  s
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);
const FROM_TEXT: Record<string, (s: string, field: Field) => unknown> = {
  number: (s) => (Number.isFinite(Number(s)) ? Number(s) : s),
  money: (s) => (Number.isFinite(Number(s)) ? Number(s) : s),
  boolean: (s) => (/^(true|yes|1|y)$/i.test(s) ? true : /^(false|no|0|n)$/i.test(s) ? false : s),
  multienum: list,
  relation: (s, f) => ((f as { many?: boolean }).many ? list(s) : s),
  json: (s) => {
    try {
      return JSON.parse(s);
    } catch {
      return s;
    }
  },
};

/** Header cells may be field ids or labels in any locale. */
function headerMap(entity: Entity, headers: string[]): Map<string, Field> {
  const out = new Map<string, Field>();
  for (const h of headers) {
    const key = h.trim().toLowerCase();
    const field = entity.fields.find(
      (f) =>
        f.id.toLowerCase() === key ||
        (typeof f.label === 'string' ? [f.label] : Object.values(f.label ?? {})).some((l) => l.toLowerCase() === key),
    );
    if (field) out.set(h, field);
  }
  return out;
}

export interface CsvRow {
  line: number;
  values: Record<string, unknown>;
  unknownColumns: string[];
}

export function parseCsvRecords(entity: Entity, text: string): CsvRow[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  const fields = headerMap(entity, parsed.meta.fields ?? []);
  const unknownColumns = (parsed.meta.fields ?? []).filter((h) => !fields.has(h));
  return parsed.data.map((row, i) => {
    const values: Record<string, unknown> = {};
    for (const [h, cell] of Object.entries(row)) {
      const field = fields.get(h);
      if (!field || cell === undefined || cell === '') continue;
      values[field.id] = (FROM_TEXT[field.type] ?? ((s: string) => s))(cell, field);
    }
    return { line: i + 2, values, unknownColumns };
  });
}

export function recordsToCsv(records: RecordData[], fields: string[]): string {
  const rows = records.map((r) =>
    fields.map((f) => {
      const v = r[f];
      return Array.isArray(v) ? v.join(';') : v !== null && typeof v === 'object' ? JSON.stringify(v) : (v ?? '');
    }),
  );
  return `\uFEFF${Papa.unparse({ fields, data: rows })}`;
}
