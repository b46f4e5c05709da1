/**
 * Checks demo records against their app definition the way the records API would see them:
 * known fields only, nothing stored in fields evaluated on read, required present, values of
 * the right type and range, unique values unique, relations pointing at existing records.
 * Returns readable problems (empty when fine), so an example's test shows every mistake at once.
 *
 * What a value of each type may be comes from its field type descriptor (`valueSchema`, the
 * schema the records API validates with), so a new field type needs no edit here. What stays
 * independent of the API's validator is what it checks against the store, not the payload —
 * relations pointing at records of the fixture, uniqueness across the fixture — which is the
 * point of checking fixtures before they are imported.
 */
import { createAjv, fieldTypes, formatAjvErrors, type Field } from '@tessera/core';
import type { ValidateFunction } from 'ajv';

interface FieldDef {
  id: string;
  type: string;
  required?: boolean;
  unique?: boolean;
  to?: string;
  many?: boolean;
}

interface AppDef {
  entities: Array<{ id: string; fields: FieldDef[] }>;
}

type Records = Record<string, Array<Record<string, unknown>>>;

const ID = /^[A-Za-z0-9_-]{1,64}$/;

const ajv = createAjv();
const compiled = new WeakMap<FieldDef, ValidateFunction>();

/** Problems with one value of one field ('' when fine). */
function checkValue(f: FieldDef, v: unknown, ids: Record<string, Set<string>>): string {
  const descriptor = fieldTypes.get(f.type)!;
  let validate = compiled.get(f);
  if (!validate) compiled.set(f, (validate = ajv.compile(descriptor.valueSchema(f as unknown as Field))));
  if (!validate(v))
    return formatAjvErrors(validate.errors)
      .map((e) => e.message)
      .join('; ');
  // Relation targets are records of the fixture (the API checks them against the store).
  const targets = descriptor.refs?.some((r) => r.path === 'to' && r.kind === 'entity') ? (Array.isArray(v) ? v : [v]) : [];
  const missing = targets.filter((t) => typeof t !== 'string' || !ids[f.to ?? '']?.has(t));
  return missing.length ? `points to missing ${f.to} ${JSON.stringify(missing)}` : '';
}

export function checkDemoData(app: AppDef, data: Records): string[] {
  const problems: string[] = [];
  const entities = new Map(app.entities.map((e) => [e.id, e]));
  const ids: Record<string, Set<string>> = {};
  for (const [entityId, records] of Object.entries(data)) {
    if (!entities.has(entityId)) problems.push(`${entityId}: not an entity of the app`);
    ids[entityId] = new Set(records.map((r) => r.id as string));
    if (ids[entityId].size !== records.length) problems.push(`${entityId}: duplicate ids`);
  }

  for (const [entityId, records] of Object.entries(data)) {
    const entity = entities.get(entityId);
    if (!entity) continue;
    const fields = new Map(entity.fields.map((f) => [f.id, f]));
    const seen = new Map<string, Set<unknown>>();
    for (const r of records) {
      const where = `${entityId}/${String(r.id)}`;
      if (typeof r.id !== 'string' || !ID.test(r.id)) problems.push(`${where}: bad id`);
      for (const [key, value] of Object.entries(r)) {
        if (key === 'id') continue;
        const f = fields.get(key);
        if (!f || !fieldTypes.get(f.type)) problems.push(`${where}.${key}: unknown field${f ? ` type ${f.type}` : ''}`);
        else if (!fieldTypes.get(f.type)!.stored) problems.push(`${where}.${key}: ${f.type} fields are never stored`);
        else if (value === null || value === undefined) {
          if (f.required) problems.push(`${where}.${key}: required`);
        } else {
          const problem = checkValue(f, value, ids);
          if (problem) problems.push(`${where}.${key}: ${problem}`);
        }
      }
      for (const f of entity.fields) {
        const v = r[f.id];
        if (f.required && (v === undefined || v === null)) problems.push(`${where}.${f.id}: required`);
        if (f.unique && v !== undefined && v !== null) {
          const values = seen.get(f.id) ?? new Set();
          if (values.has(v)) problems.push(`${where}.${f.id}: duplicate ${JSON.stringify(v)}`);
          values.add(v);
          seen.set(f.id, values);
        }
      }
    }
  }
  return problems;
}
