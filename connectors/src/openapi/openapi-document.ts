/**
 * Reading an OpenAPI document the same way whatever its version: operations in document order,
 * each with its merged parameters, its request body and its responses as OpenAPI 3 shapes
 * (Swagger 2's body/formData parameters, `consumes` and `produces` are mapped onto them here).
 */
import { deref } from './openapi-refs';
import { escapePointer, isObject, type JsonObject } from './openapi.types';

export type Dialect = '2.0' | '3.0' | '3.1';
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
/** Methods a manifest operation can have (HttpBinding.method). */
export const SUPPORTED_METHODS = new Set(['get', 'put', 'post', 'delete', 'head', 'patch']);

export interface Parameter {
  name: string;
  in: string;
  required: boolean;
  /** The parameter's schema (Swagger 2: the parameter object itself, which carries type/format/...). */
  schema: unknown;
  pointer: string;
  description?: string;
  deprecated?: boolean;
}

export interface MediaType {
  type: string;
  schema: unknown;
  pointer: string;
}

export interface RequestBody {
  required: boolean;
  media: MediaType[];
  pointer: string;
  description?: string;
}

export interface Response {
  status: string;
  media: MediaType[];
  headers: string[];
  pointer: string;
  description?: string;
}

export interface OperationSource {
  method: string;
  path: string;
  pointer: string;
  op: JsonObject;
  parameters: Parameter[];
  body?: RequestBody;
  responses: Response[];
  /** A server URL the operation or its path declares for itself (OpenAPI 3). */
  ownServer?: string;
}

export function dialectOf(doc: JsonObject): Dialect {
  if (doc.swagger === '2.0') return '2.0';
  return String(doc.openapi).startsWith('3.1') ? '3.1' : '3.0';
}

export function* operationsOf(doc: JsonObject): Generator<OperationSource> {
  const dialect = dialectOf(doc);
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const itemPointer = `/paths/${escapePointer(path)}`;
    const item = deref(doc, rawItem);
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const pointer = `${itemPointer}/${method}`;
      const params = mergeParameters(doc, item.parameters, `${itemPointer}/parameters`, op.parameters, `${pointer}/parameters`);
      const source: OperationSource = { method, path, pointer, op, parameters: [], responses: responsesOf(doc, op, pointer, dialect) };
      const servers = [op.servers, item.servers].find((list) => Array.isArray(list) && list.length > 0) as unknown[] | undefined;
      if (servers && isObject(servers[0]) && typeof servers[0].url === 'string') source.ownServer = servers[0].url;
      if (dialect === '2.0') {
        source.parameters = params.filter((p) => p.in !== 'body' && p.in !== 'formData');
        source.body = swagger2Body(doc, op, params);
      } else {
        source.parameters = params;
        source.body = requestBodyOf(doc, op.requestBody, `${pointer}/requestBody`);
      }
      yield source;
    }
  }
}

function mergeParameters(doc: JsonObject, itemParams: unknown, itemAt: string, opParams: unknown, opAt: string): Parameter[] {
  const byKey = new Map<string, Parameter>();
  for (const [list, at] of [
    [itemParams, itemAt],
    [opParams, opAt],
  ] as const) {
    if (!Array.isArray(list)) continue;
    list.forEach((raw, i) => {
      const p = deref(doc, raw);
      if (!isObject(p) || typeof p.name !== 'string' || typeof p.in !== 'string') return;
      // Operation parameters override path-item ones with the same name and location.
      byKey.set(`${p.in}\n${p.name}`, {
        name: p.name,
        in: p.in,
        required: p.required === true || p.in === 'path',
        schema: p.in === 'body' ? p.schema : parameterSchema(p),
        pointer: `${at}/${i}`,
        description: typeof p.description === 'string' ? p.description : undefined,
        deprecated: p.deprecated === true ? true : undefined,
      });
    });
  }
  return [...byKey.values()];
}

/** OpenAPI 3: `schema`, or the first media type's schema of `content`; Swagger 2: the object itself. */
function parameterSchema(p: JsonObject): unknown {
  if (p.schema !== undefined) return p.schema;
  if (isObject(p.content)) {
    const first = Object.values(p.content)[0];
    if (isObject(first) && first.schema !== undefined) return first.schema;
    return {};
  }
  const { name: _n, in: _i, required: _r, description: _d, allowEmptyValue: _a, collectionFormat: _c, ...schema } = p;
  return schema;
}

function requestBodyOf(doc: JsonObject, raw: unknown, pointer: string): RequestBody | undefined {
  const body = deref(doc, raw);
  if (!isObject(body)) return undefined;
  return {
    required: body.required === true,
    media: mediaOf(doc, body.content, `${pointer}/content`),
    pointer,
    description: typeof body.description === 'string' ? body.description : undefined,
  };
}

function mediaOf(doc: JsonObject, content: unknown, pointer: string): MediaType[] {
  if (!isObject(content)) return [];
  return Object.entries(content).map(([type, m]) => {
    const media = deref(doc, m);
    return {
      type: type.toLowerCase(),
      schema: isObject(media) ? media.schema : undefined,
      pointer: `${pointer}/${escapePointer(type)}/schema`,
    };
  });
}

function swagger2Body(doc: JsonObject, op: JsonObject, params: Parameter[]): RequestBody | undefined {
  const consumes = listOf(op.consumes ?? doc.consumes);
  const body = params.find((p) => p.in === 'body');
  if (body) {
    const types = consumes.length ? consumes : ['application/json'];
    return {
      required: body.required,
      media: types.map((type) => ({ type: type.toLowerCase(), schema: body.schema, pointer: `${body.pointer}/schema` })),
      pointer: body.pointer,
      description: body.description,
    };
  }
  const fields = params.filter((p) => p.in === 'formData');
  if (!fields.length) return undefined;
  const schema = {
    type: 'object',
    properties: Object.fromEntries(fields.map((f) => [f.name, { ...(f.schema as object), description: f.description }])),
    required: fields.filter((f) => f.required).map((f) => f.name),
  };
  const hasFile = fields.some((f) => isObject(f.schema) && f.schema.type === 'file');
  const types = consumes.filter((t) => /multipart\/form-data|x-www-form-urlencoded/i.test(t));
  const type = hasFile ? 'multipart/form-data' : (types[0] ?? 'application/x-www-form-urlencoded');
  return { required: schema.required.length > 0, media: [{ type, schema, pointer: fields[0].pointer }], pointer: fields[0].pointer };
}

function responsesOf(doc: JsonObject, op: JsonObject, pointer: string, dialect: Dialect): Response[] {
  if (!isObject(op.responses)) return [];
  const produces = listOf(op.produces ?? doc.produces);
  return Object.entries(op.responses).flatMap(([status, raw]): Response[] => {
    const r = deref(doc, raw);
    if (!isObject(r)) return [];
    const at = `${pointer}/responses/${escapePointer(status)}`;
    const headers = isObject(r.headers) ? Object.keys(r.headers) : [];
    const description = typeof r.description === 'string' ? r.description : undefined;
    if (dialect !== '2.0') return [{ status, media: mediaOf(doc, r.content, `${at}/content`), headers, pointer: at, description }];
    const types = produces.length ? produces : ['application/json'];
    const media =
      r.schema === undefined ? [] : types.map((type) => ({ type: type.toLowerCase(), schema: r.schema, pointer: `${at}/schema` }));
    return [{ status, media, headers, pointer: at, description }];
  });
}

function listOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** `application/json`, `application/vnd.api+json`, `application/json; charset=utf-8`, `*\/*`-free. */
export function isJsonMedia(type: string): boolean {
  return /^application\/(?:[\w.+-]*\+)?json(?:\s*;.*)?$/.test(type) || type === 'text/json';
}
