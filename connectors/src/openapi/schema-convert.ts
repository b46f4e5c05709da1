/**
 * One OpenAPI schema (Swagger 2, OpenAPI 3.0 or 3.1 dialect) to JSON Schema 2020-12 that the
 * project's strict ajv compiles: `nullable` becomes a `null` type, boolean exclusive bounds become
 * numbers, `example` becomes `examples`, unknown keywords and formats are dropped (a format is
 * kept as a `$comment`), type-specific keywords get the type strict mode asks for, `required`
 * names get a property, and patterns RE2 cannot run are dropped with a warning. `$ref`s are not
 * followed: they are rewritten by `ctx.ref` (schema-bundle.ts), so circular schemas stay finite.
 */
import {
  BOOLEAN_KEYWORDS,
  COMPOSITE_KEYWORDS,
  COUNT_KEYWORDS,
  JSON_TYPES,
  NUMBER_FORMATS,
  NUMBER_KEYWORDS,
  SCHEMA_LIST_KEYWORDS,
  SCHEMA_MAP_KEYWORDS,
  STRING_KEYWORDS,
  SUBSCHEMA_KEYWORDS,
  TYPE_OF_KEYWORD,
} from './schema-keywords';
import { escapePointer, isObject, type Schema, type Warn } from './openapi.types';

export interface ConvertContext {
  /** Swagger 2 and OpenAPI 3.0 ignore siblings of `$ref`; 3.1 applies them. */
  refSiblings: boolean;
  /** The rewritten reference (`#/$defs/Name`) for a document reference. */
  ref(ref: string): string;
  formats: ReadonlySet<string>;
  patternError(pattern: string): string | undefined;
  warn: Warn;
}

interface Place {
  pointer: string;
  /** Inside anyOf/oneOf/not/if/contains, or in a shared component: `default` is dropped there. */
  noDefaults: boolean;
  /** The type of the schema this one applies to in place (allOf/anyOf/... branches). */
  parentType?: unknown;
}

export function convertSchema(value: unknown, ctx: ConvertContext, place: Place): Schema | boolean {
  if (typeof value === 'boolean') return value;
  if (!isObject(value)) {
    ctx.warn(place.pointer, 'a schema must be an object; accepted as any value');
    return {};
  }
  if (typeof value.$ref === 'string') {
    const out: Schema = { $ref: ctx.ref(value.$ref) };
    if (!ctx.refSiblings) {
      if (typeof value.description === 'string') out.description = value.description;
      return out;
    }
    return { ...convertObject({ ...value, $ref: undefined }, ctx, place), ...out };
  }
  return convertObject(value, ctx, place);
}

function convertObject(src: Record<string, unknown>, ctx: ConvertContext, place: Place): Schema {
  const out: Schema = {};
  const at = (key: string): string => `${place.pointer}/${escapePointer(key)}`;
  const sub = (v: unknown, pointer: string, composite: boolean, inPlace: boolean): Schema | boolean =>
    convertSchema(v, ctx, {
      pointer,
      noDefaults: place.noDefaults || composite,
      parentType: inPlace ? (src.type ?? place.parentType) : undefined,
    });
  const drop = (key: string, why: string): void => ctx.warn(at(key), `"${key}" ${why}; left out`);

  if (src.type !== undefined) {
    const type = convertType(src.type);
    if (type === undefined) drop('type', 'is not a JSON Schema type');
    else out.type = type;
  }
  for (const key of NUMBER_KEYWORDS) {
    const v = src[key];
    if (typeof v === 'number') out[key] = v;
    else if (v !== undefined && typeof v !== 'boolean') drop(key, 'must be a number');
  }
  // OpenAPI 3.0 / Swagger 2: `exclusiveMinimum: true` qualifies `minimum`.
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (src[flag] === true && typeof src[bound] === 'number') {
      out[flag] = src[bound];
      delete out[bound];
    }
  }
  if (typeof out.multipleOf === 'number' && !(out.multipleOf > 0)) delete out.multipleOf;
  for (const key of COUNT_KEYWORDS) {
    const v = src[key];
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) out[key] = v;
    else if (v !== undefined) drop(key, 'must be a non-negative integer');
  }
  for (const key of BOOLEAN_KEYWORDS) if (typeof src[key] === 'boolean') out[key] = src[key];
  for (const key of STRING_KEYWORDS) if (typeof src[key] === 'string') out[key] = src[key];
  if (Array.isArray(src.enum)) out.enum = src.enum;
  if (src.const !== undefined) out.const = src.const;
  if (Array.isArray(src.examples)) out.examples = src.examples;
  else if (src.example !== undefined) out.examples = [src.example];
  if (src.default !== undefined && !place.noDefaults) out.default = src.default;

  if (typeof src.format === 'string') {
    if (ctx.formats.has(src.format)) out.format = src.format;
    // Unknown formats are documentation (`int32`-like vendor names, `phone`): kept, not checked.
    else out.$comment = [out.$comment, `format: ${src.format}`].filter(Boolean).join('; ');
  }
  if (typeof src.pattern === 'string') {
    const problem = ctx.patternError(src.pattern);
    if (problem) drop('pattern', `cannot be checked (${problem})`);
    else out.pattern = src.pattern;
  }
  if (Array.isArray(src.required)) {
    const names = [...new Set(src.required.filter((n): n is string => typeof n === 'string'))];
    if (names.length) out.required = names;
  }
  if (isObject(src.dependentRequired)) out.dependentRequired = src.dependentRequired;

  for (const key of SUBSCHEMA_KEYWORDS) {
    if (src[key] === undefined) continue;
    const inPlace = key === 'not' || key === 'if' || key === 'then' || key === 'else';
    out[key] = sub(src[key], at(key), COMPOSITE_KEYWORDS.has(key), inPlace);
  }
  if (Array.isArray(src.items)) {
    // Draft 4 tuple form (invalid in OpenAPI, seen in the wild): 2020-12 calls it prefixItems.
    out.prefixItems = src.items.map((v, i) => sub(v, `${at('items')}/${i}`, false, false));
  } else if (src.items !== undefined) out.items = sub(src.items, at('items'), false, false);
  for (const key of SCHEMA_LIST_KEYWORDS) {
    const list = src[key];
    if (!Array.isArray(list) || list.length === 0) continue;
    const composite = COMPOSITE_KEYWORDS.has(key);
    out[key] = list.map((v, i) => sub(v, `${at(key)}/${i}`, composite, key !== 'prefixItems'));
  }
  for (const key of SCHEMA_MAP_KEYWORDS) {
    const map = src[key];
    if (!isObject(map)) continue;
    const converted: Record<string, Schema | boolean> = {};
    for (const [name, v] of Object.entries(map)) {
      if (key === 'patternProperties') {
        const problem = ctx.patternError(name);
        if (problem) {
          ctx.warn(`${at(key)}/${escapePointer(name)}`, `pattern cannot be checked (${problem}); left out`);
          continue;
        }
      }
      converted[name] = sub(v, `${at(key)}/${escapePointer(name)}`, false, false);
    }
    out[key] = converted;
  }

  if (src.type === 'file') {
    // Swagger 2 file parameters and responses: bytes (request bodies make them file objects).
    out.type = 'string';
    out.format = 'binary';
  }
  if (src.nullable === true) return nullable(out, ctx, place);
  addStrictType(out, place.parentType);
  addRequiredProperties(out);
  return out;
}

function convertType(type: unknown): string | string[] | undefined {
  if (type === 'file') return 'string';
  if (typeof type === 'string') return JSON_TYPES.has(type) ? type : undefined;
  if (Array.isArray(type) && type.length && type.every((t) => typeof t === 'string' && JSON_TYPES.has(t)))
    return [...new Set(type as string[])];
  return undefined;
}

function nullable(out: Schema, ctx: ConvertContext, place: Place): Schema {
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (out.type !== undefined) {
    const types = Array.isArray(out.type) ? out.type : [out.type];
    out.type = types.includes('null') ? types : [...types, 'null'];
    addStrictType(out, place.parentType);
    addRequiredProperties(out);
    return out;
  }
  addStrictType(out, place.parentType);
  addRequiredProperties(out);
  if (out.type === undefined && Object.keys(out).length === 0) return {};
  return { anyOf: [out, { type: 'null' }] };
}

/**
 * Strict mode refuses `properties` without `type: object` (and so on): add the implied type. A
 * keyword for another type than the declared one never applies (`minLength` on an integer), so it
 * is dropped, which changes nothing but lets the schema compile.
 */
function addStrictType(out: Schema, parentType: unknown): void {
  const declared = out.type ?? parentType;
  if (declared !== undefined) {
    const types = new Set(Array.isArray(declared) ? (declared as string[]) : [declared as string]);
    if (types.has('integer')) types.add('number');
    for (const key of Object.keys(out)) {
      const type = TYPE_OF_KEYWORD[key];
      const applies = key === 'format' ? types.has('string') || types.has('number') : !type || types.has(type);
      if (!applies) delete out[key];
    }
    return;
  }
  const implied = new Set<string>();
  for (const key of Object.keys(out)) {
    let type = TYPE_OF_KEYWORD[key];
    if (key === 'format') type = NUMBER_FORMATS[out.format as string] ?? 'string';
    if (type) implied.add(type);
  }
  if (implied.size === 1) out.type = [...implied][0];
  else if (implied.size > 1) out.type = [...implied];
}

/** Strict mode refuses a required name the same schema does not describe. */
function addRequiredProperties(out: Schema): void {
  if (!Array.isArray(out.required)) return;
  const properties = (out.properties ?? {}) as Record<string, unknown>;
  const missing = (out.required as string[]).filter((n) => !Object.prototype.hasOwnProperty.call(properties, n));
  if (missing.length === 0) return;
  out.properties = { ...properties, ...Object.fromEntries(missing.map((n) => [n, {}])) };
  if (out.type === undefined) out.type = 'object';
}
