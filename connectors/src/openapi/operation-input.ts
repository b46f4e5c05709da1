/**
 * An operation's input: one property per parameter (path, query, header; cookies cannot be sent
 * and are left out with a warning) and `body` for the request body. A name used in two locations
 * keeps it in the first (path, then query, then header) and gets a location suffix elsewhere
 * (`id`, `id_query`). The HTTP binding reads each property with a `$input` expression.
 */
import type { HttpBinding } from '@tessera/core';
import { isJsonMedia, type MediaType, type OperationSource } from './openapi-document';
import type { SchemaBundler } from './schema-bundle';
import { isObject, type Schema, type Warn } from './openapi.types';

const LOCATION_ORDER = ['path', 'query', 'header'];
/** OpenAPI: these header parameters are ignored (they come from the body type and the auth). */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

export interface InputPart {
  input: Schema;
  http: Pick<HttpBinding, 'path' | 'query' | 'headers' | 'body' | 'bodyType' | 'contentType'>;
  /** Query parameter name -> input property, for pagination detection. */
  queryParams: Map<string, { property: string; schema: Schema | boolean }>;
}

export function buildInput(source: OperationSource, bundler: SchemaBundler, warn: Warn): InputPart {
  const properties: Record<string, Schema | boolean> = {};
  const required: string[] = [];
  const refs = new Set<string>();
  const query: Record<string, { $expr: string }> = {};
  const headers: Record<string, { $expr: string }> = {};
  const queryParams = new Map<string, { property: string; schema: Schema | boolean }>();
  const renamed = new Map<string, string>();
  const taken = new Set<string>(source.body ? ['body'] : []);

  const params = [...source.parameters].sort((a, b) => rank(a.in) - rank(b.in));
  for (const p of params) {
    if (p.in === 'cookie') {
      warn(p.pointer, `cookie parameter "${p.name}" cannot be sent by a connector; left out`);
      continue;
    }
    if (!LOCATION_ORDER.includes(p.in)) continue;
    if (p.in === 'header' && IGNORED_HEADERS.has(p.name.toLowerCase())) continue;
    let property = p.name.replace(/`/g, '_');
    if (taken.has(property)) property = unique(`${property}_${p.in}`, taken);
    taken.add(property);
    if (p.in === 'path') renamed.set(p.name, property);
    const converted = bundler.convert(p.schema ?? {}, p.pointer);
    converted.refs.forEach((r) => refs.add(r));
    const schema = annotate(converted.schema, p.description, p.deprecated);
    properties[property] = schema;
    if (p.required) required.push(property);
    const expr = { $expr: `$input.${jsonataName(property)}` };
    if (p.in === 'query') {
      query[p.name] = expr;
      queryParams.set(p.name, { property, schema });
    } else if (p.in === 'header') headers[p.name] = expr;
  }
  const path = source.path.replace(/\{([^{}]*)\}/g, (whole, name: string) => {
    if (renamed.has(name)) return `{${renamed.get(name)}}`;
    // A placeholder without a parameter: still an input, or the call could not be made.
    warn(source.pointer, `path placeholder "{${name}}" has no parameter; added as a required text input`);
    const property = unique(name.replace(/`/g, '_'), taken);
    taken.add(property);
    renamed.set(name, property);
    properties[property] = { type: 'string' };
    required.push(property);
    return `{${property}}`;
  });

  const http: InputPart['http'] = { path };
  if (Object.keys(query).length) http.query = query;
  if (Object.keys(headers).length) http.headers = headers;
  if (source.body) {
    const body = buildBody(source.body.media, bundler, warn, source.body.pointer);
    if (body) {
      properties.body = annotate(body.schema, source.body.description);
      body.refs.forEach((r) => refs.add(r));
      if (source.body.required) required.push('body');
      http.body = { $expr: '$input.body' };
      http.bodyType = body.bodyType;
      if (body.contentType) http.contentType = body.contentType;
    }
  }
  const input: Schema = { type: 'object', properties, additionalProperties: false };
  if (required.length) input.required = required;
  return { input: bundler.withDefs(input, refs), http, queryParams };
}

function rank(location: string): number {
  const i = LOCATION_ORDER.indexOf(location);
  return i < 0 ? LOCATION_ORDER.length : i;
}

function unique(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}${n}`;
  return candidate;
}

/** A property name as JSONata reads it: plain when it is an identifier, else in backticks. */
export function jsonataName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name}\``;
}

function annotate(schema: Schema | boolean, description?: string, deprecated?: boolean): Schema | boolean {
  if (typeof schema === 'boolean' || (!description && !deprecated)) return schema;
  const out = { ...schema };
  if (description && out.description === undefined) out.description = description;
  if (deprecated) out.deprecated = true;
  return out;
}

type BodyType = NonNullable<HttpBinding['bodyType']>;
interface BodyPart {
  schema: Schema | boolean;
  refs: Set<string>;
  bodyType: BodyType;
  contentType?: string;
}

/** JSON first, then form, multipart, and raw bytes (any other media type). */
function buildBody(media: MediaType[], bundler: SchemaBundler, warn: Warn, pointer: string): BodyPart | undefined {
  if (!media.length) return undefined;
  const pick =
    media.find((m) => isJsonMedia(m.type)) ??
    media.find((m) => m.type.startsWith('application/x-www-form-urlencoded')) ??
    media.find((m) => m.type.startsWith('multipart/form-data')) ??
    media[0];
  const converted = bundler.convert(pick.schema ?? {}, pick.pointer);
  if (isJsonMedia(pick.type)) return { ...converted, bodyType: 'json' };
  if (pick.type.startsWith('application/x-www-form-urlencoded')) return { ...converted, bodyType: 'form' };
  if (pick.type.startsWith('multipart/form-data')) {
    return { schema: withFileFields(converted.schema, bundler), refs: converted.refs, bodyType: 'multipart' };
  }
  if (!pick.type.startsWith('application/octet-stream') && !pick.type.includes('*')) {
    warn(pointer, `request body "${pick.type}" is sent as raw bytes (base64 in the input)`);
  }
  const contentType = pick.type.includes('*') ? 'application/octet-stream' : pick.type;
  return {
    schema: { type: 'string', contentEncoding: 'base64', description: `The body's bytes, base64 (${contentType}).` },
    refs: new Set(),
    bodyType: 'binary',
    contentType,
  };
}

/** How a connector sends a file in a multipart body (HttpBinding.bodyType). */
export const FILE_SCHEMA: Schema = {
  type: 'object',
  description: 'A file: its name, media type and bytes (base64).',
  properties: {
    filename: { type: 'string' },
    contentType: { type: 'string' },
    base64: { type: 'string', contentEncoding: 'base64' },
  },
  required: ['base64'],
  additionalProperties: false,
};

/** Multipart fields in binary format (and arrays of them) become file objects. */
function withFileFields(schema: Schema | boolean, bundler: SchemaBundler): Schema | boolean {
  let resolved = schema;
  // The form's fields are often a component: look at its properties.
  if (isObject(resolved) && typeof resolved.$ref === 'string') {
    const target = bundler.defNamed(resolved.$ref);
    if (isObject(target)) resolved = target;
  }
  if (!isObject(resolved) || !isObject(resolved.properties)) return schema;
  const properties = Object.fromEntries(Object.entries(resolved.properties).map(([name, field]) => [name, asFileField(field)]));
  const out: Schema = { ...resolved, properties };
  delete out.$ref;
  return out;
}

function asFileField(field: unknown): unknown {
  if (!isObject(field)) return field;
  if (field.type === 'string' && (field.format === 'binary' || field.format === 'base64' || field.contentEncoding === 'base64'))
    return { ...FILE_SCHEMA, ...(typeof field.description === 'string' ? { description: field.description } : {}) };
  if (field.type === 'array' && isObject(field.items)) return { ...field, items: asFileField(field.items) };
  return field;
}
