/**
 * Checks demo records against their app definition the way the records API would see them:
 * known fields only, required present, values of the right type and range, enum values from the
 * options, unique values unique, relations pointing at existing records. Returns readable
 * problems (empty when fine), so an example's test shows every mistake at once.
 *
 * Deliberately independent of the runtime's validator: it is a second opinion on the fixtures,
 * written from docs/definition-format.md.
 */

interface FieldDef {
  id: string;
  type: string;
  required?: boolean;
  unique?: boolean;
  maxLength?: number;
  minLength?: number;
  pattern?: string;
  min?: number | string;
  max?: number | string;
  integer?: boolean;
  options?: Array<{ value: string }>;
  maxItems?: number;
  to?: string;
  many?: boolean;
  schema?: { properties?: Record<string, unknown>; additionalProperties?: boolean };
}

interface AppDef {
  entities: Array<{ id: string; fields: FieldDef[] }>;
}

type Records = Record<string, Array<Record<string, unknown>>>;

const DEFAULT_MAX_LENGTH: Record<string, number> = { text: 1000, longtext: 100000 };
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Never stored: evaluated on read. */
const DERIVED = new Set(['computed', 'rollup']);

function isDate(v: unknown): boolean {
  if (typeof v !== 'string' || !DATE.test(v)) return false;
  // Round-trips only for real calendar days (rejects 2026-02-30 and 2026-13-01).
  const t = Date.parse(`${v}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(v);
}

function isDatetime(v: unknown): boolean {
  return typeof v === 'string' && v.length >= 20 && !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}T/.test(v);
}

/** Problems with one value of one field ('' when fine). */
function checkValue(f: FieldDef, v: unknown, ids: Record<string, Set<string>>): string {
  switch (f.type) {
    case 'text': case 'longtext': case 'email': case 'phone': case 'url': {
      if (typeof v !== 'string') return 'must be a string';
      const max = f.maxLength ?? DEFAULT_MAX_LENGTH[f.type] ?? 1000;
      if (v.length > max) return `longer than ${max}`;
      if (f.minLength !== undefined && v.length < f.minLength) return `shorter than ${f.minLength}`;
      if (f.pattern && !new RegExp(f.pattern).test(v)) return `does not match ${f.pattern}`;
      if (f.type === 'email' && !EMAIL.test(v)) return 'not an email address';
      if (f.type === 'url' && !/^https?:\/\/[^\s]+$/.test(v)) return 'not an http(s) URL';
      return '';
    }
    case 'number': case 'money':
      if (typeof v !== 'number' || !Number.isFinite(v)) return 'must be a finite number';
      if (f.integer && !Number.isInteger(v)) return 'must be an integer';
      if (typeof f.min === 'number' && v < f.min) return `below ${f.min}`;
      if (typeof f.max === 'number' && v > f.max) return `above ${f.max}`;
      return '';
    case 'boolean':
      return typeof v === 'boolean' ? '' : 'must be a boolean';
    case 'date':
      return isDate(v) ? '' : 'must be a YYYY-MM-DD date';
    case 'datetime':
      return isDatetime(v) ? '' : 'must be an ISO 8601 datetime';
    case 'enum':
      return f.options?.some((o) => o.value === v) ? '' : `${JSON.stringify(v)} is not an option`;
    case 'multienum': {
      if (!Array.isArray(v)) return 'must be an array';
      const bad = v.filter((x) => !f.options?.some((o) => o.value === x));
      if (bad.length) return `${JSON.stringify(bad)} not options`;
      if (new Set(v).size !== v.length) return 'repeats a value';
      if (f.maxItems !== undefined && v.length > f.maxItems) return `more than ${f.maxItems} values`;
      return '';
    }
    case 'relation': {
      const targets = f.many ? v : [v];
      if (!Array.isArray(targets)) return 'must be an array of ids';
      const missing = targets.filter((t) => typeof t !== 'string' || !ids[f.to ?? '']?.has(t));
      return missing.length ? `points to missing ${f.to} ${JSON.stringify(missing)}` : '';
    }
    case 'json': {
      const props = f.schema?.properties;
      if (!props || f.schema?.additionalProperties !== false) return '';
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'must be an object';
      const extra = Object.keys(v).filter((k) => !(k in props));
      return extra.length ? `unexpected keys ${extra.join(', ')}` : '';
    }
    default:
      return `unknown field type ${f.type}`;
  }
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
        if (!f) problems.push(`${where}.${key}: unknown field`);
        else if (DERIVED.has(f.type)) problems.push(`${where}.${key}: ${f.type} fields are never stored`);
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
