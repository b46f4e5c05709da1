import { InvalidQueryError } from '../store/store.errors';

/** One segment of a field path. Validated paths are safe to splice into SQL/JSON paths. */
export const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** System fields every document has; always allowed in filters and sorts, even with `knownFields`. */
export const SYSTEM_FIELDS = ['id', 'version', 'createdAt', 'updatedAt'] as const;
export type SystemField = (typeof SYSTEM_FIELDS)[number];
/**
 * The fields every record has: the store's system fields plus `createdBy`, which the records API
 * stores as an ordinary field. Always allowed with `knownFields`, in definitions and in queries.
 */
export const RECORD_SYSTEM_FIELDS = [...SYSTEM_FIELDS, 'createdBy'] as const;
const ALWAYS_KNOWN = new Set<string>(RECORD_SYSTEM_FIELDS);

export function isSystemField(path: string): path is SystemField {
  return (SYSTEM_FIELDS as readonly string[]).includes(path);
}

export interface PathRules {
  /** When set, the first segment of every path must be one of these (or a system field). */
  knownFields?: ReadonlySet<string>;
}

/**
 * Checks `ident(.ident)*`, refuses `_id` (the mongodb adapter's key) and paths below system
 * fields, and applies `knownFields`. `where` is the JSON-pointer-ish location for the error.
 */
export function checkFieldPath(path: string, where: string, rules: PathRules = {}): string {
  if (typeof path !== 'string' || path.length === 0 || path.length > 256) {
    throw new InvalidQueryError(`invalid field path ${JSON.stringify(path)}`, where);
  }
  const parts = path.split('.');
  for (const p of parts) {
    if (!IDENT.test(p)) throw new InvalidQueryError(`invalid field path "${path}"`, where);
  }
  const head = parts[0];
  if (head === '_id') throw new InvalidQueryError(`field "_id" is reserved; use "id"`, where);
  if (parts.length > 1 && isSystemField(head)) {
    throw new InvalidQueryError(`"${head}" is a system field and has no sub-fields`, where);
  }
  if (rules.knownFields && !ALWAYS_KNOWN.has(head) && !rules.knownFields.has(head)) {
    throw new InvalidQueryError(`unknown field "${head}"`, where);
  }
  return path;
}

/** JSON-pointer escaping for error paths (`/` and `~`). Field names are identifiers, but `$`-keys are user input. */
export function ptr(base: string, key: string | number): string {
  return `${base}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
