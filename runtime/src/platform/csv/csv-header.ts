import { getFieldType, type Entity, type Field } from '@tessera/core';
import type { Issue } from '../../domain-errors';
import { RECORD_SYSTEM_FIELDS } from '@tessera/core/query';
import type { EntityPolicy } from '../policy/policy.types';

export interface HeaderMap {
  /** Column index -> the field it fills (null: ignored). */
  columns: Array<Field | null>;
  ignored: string[];
  issues: Issue[];
}

const norm = (s: string) => s.trim().toLowerCase();

/**
 * Header cells are field ids or labels in any locale, case-insensitive. System and computed
 * columns (as in an export) are ignored; a column the caller may not write, an unknown one or a
 * duplicate is an issue (the import is refused before anything is written).
 */
export function mapHeader(header: string[], entity: Entity, perm: EntityPolicy): HeaderMap {
  const byName = new Map<string, Field>();
  for (const field of entity.fields) {
    const label = (field as { label?: string | Record<string, string> }).label;
    const names = [field.id, ...(typeof label === 'string' ? [label] : Object.values(label ?? {}))];
    for (const name of names) if (!byName.has(norm(name))) byName.set(norm(name), field);
  }
  const system = new Set<string>(RECORD_SYSTEM_FIELDS);
  const seen = new Set<string>();
  const out: HeaderMap = { columns: [], ignored: [], issues: [] };
  header.forEach((cell, i) => {
    const pointer = `/header/${i}`;
    const field = byName.get(norm(cell));
    if (!field || perm.hidden.has(field.id)) {
      if (system.has(cell.trim())) {
        out.columns.push(null);
        out.ignored.push(cell);
      } else {
        out.columns.push(null);
        out.issues.push({ pointer, message: `column "${cell}" is not a field of ${entity.id}` });
      }
      return;
    }
    if (!getFieldType(field.type).stored) {
      out.columns.push(null);
      out.ignored.push(cell);
      return;
    }
    if (perm.readonly.has(field.id)) out.issues.push({ pointer, message: `your role may not write "${field.id}"` });
    if (seen.has(field.id)) out.issues.push({ pointer, message: `"${field.id}" appears twice` });
    seen.add(field.id);
    out.columns.push(field);
  });
  return out;
}
