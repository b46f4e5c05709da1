import { entityRecordSchema, getFieldType, type AppDefinition, type Entity } from '@tessera/core';

type Json = Record<string, unknown>;

const labelText = (label: unknown, fallback: string): string =>
  typeof label === 'string' ? label : ((label as Record<string, string> | undefined)?.en ?? fallback);

const pascal = (id: string): string => id.charAt(0).toUpperCase() + id.slice(1);

/** JSON Schema keywords OpenAPI tooling chokes on are dropped ($schema, $id live at document level). */
function clean(schema: Json): Json {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

/** The record as the API returns it: stored fields, computed/rollup fields (read-only) and system fields. */
function recordSchema(entity: Entity): Json {
  const properties: Json = {
    id: { type: 'string', readOnly: true },
    version: { type: 'integer', readOnly: true, description: 'Grows by one on every change; sent as the ETag.' },
    createdAt: { type: 'string', format: 'date-time', readOnly: true },
    updatedAt: { type: 'string', format: 'date-time', readOnly: true },
    createdBy: { type: ['string', 'null'], readOnly: true },
  };
  for (const field of entity.fields) {
    const type = getFieldType(field.type);
    properties[field.id] = type.stored
      ? { ...clean(type.valueSchema(field as never) as Json), ...(field.description ? { description: field.description } : {}) }
      : { readOnly: true, description: `${field.type} field, evaluated on read` };
  }
  return { type: 'object', title: labelText(entity.label, entity.id), properties, required: ['id', 'version', 'createdAt', 'updatedAt'] };
}

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

function entityPaths(appId: string, entity: Entity): Json {
  const name = pascal(entity.id);
  const ref = (s: string) => ({ $ref: `#/components/schemas/${s}` });
  const json = (schema: Json) => ({ 'application/json': { schema } });
  const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
  const ifMatch = {
    name: 'If-Match',
    in: 'header',
    required: false,
    schema: { type: 'string' },
    description: 'ETag from a previous read; a stale one gets 412.',
  };
  const base = `/api/apps/${appId}/data/${entity.id}`;
  return {
    [base]: {
      get: {
        operationId: `list${name}`,
        tags: [entity.id],
        summary: `List ${labelText(entity.pluralLabel ?? entity.label, entity.id)}`,
        parameters: [
          {
            name: 'filter',
            in: 'query',
            schema: { type: 'string' },
            description: 'JSON filter, e.g. {"status":"new"} ($eq $ne $gt $gte $lt $lte $in $nin $exists $regex $and $or $not)',
          },
          {
            name: 'sort',
            in: 'query',
            schema: { type: 'string' },
            description: 'Comma-separated fields, "-" for descending: lastName,-createdAt',
          },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 50 } },
          { name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'nextCursor of the previous page' },
          { name: 'count', in: 'query', schema: { type: 'boolean' }, description: 'Also return the total number of matches' },
          {
            name: 'rollups',
            in: 'query',
            schema: { type: 'boolean', default: true },
            description: 'false skips rollup fields (cheaper when only stored fields are needed)',
          },
        ],
        responses: {
          200: {
            description: 'One page of records',
            content: json({
              type: 'object',
              properties: {
                items: { type: 'array', items: ref(name) },
                nextCursor: { type: ['string', 'null'] },
                total: { type: 'integer' },
              },
              required: ['items', 'nextCursor'],
            }),
          },
          400: problemResponse('Invalid filter, sort, limit or cursor'),
          401: problemResponse('Not signed in'),
        },
      },
      post: {
        operationId: `create${name}`,
        tags: [entity.id],
        requestBody: { required: true, content: json(ref(`${name}Create`)) },
        responses: {
          201: { description: 'Created', headers: { ETag: { schema: { type: 'string' } } }, content: json(ref(name)) },
          409: problemResponse('A unique field already has this value'),
          422: problemResponse('The record is not valid; `errors` lists each field'),
        },
      },
    },
    [`${base}/{id}`]: {
      get: {
        operationId: `get${name}`,
        tags: [entity.id],
        parameters: [idParam],
        responses: {
          200: { description: 'The record', headers: { ETag: { schema: { type: 'string' } } }, content: json(ref(name)) },
          404: problemResponse('No such record'),
        },
      },
      patch: {
        operationId: `update${name}`,
        tags: [entity.id],
        parameters: [idParam, ifMatch],
        requestBody: { required: true, content: json(ref(`${name}Update`)) },
        responses: {
          200: { description: 'Updated', content: json(ref(name)) },
          404: problemResponse('No such record'),
          409: problemResponse('A unique field already has this value'),
          412: problemResponse('The record changed since it was read'),
          422: problemResponse('The change is not valid'),
        },
      },
      delete: {
        operationId: `delete${name}`,
        tags: [entity.id],
        parameters: [idParam, ifMatch],
        responses: {
          204: { description: 'Deleted' },
          404: problemResponse('No such record'),
          409: problemResponse('Other records still link to it'),
          412: problemResponse('The record changed since it was read'),
        },
      },
    },
  };
}

/** An OpenAPI 3.1 document of one published app's records API. */
export function buildOpenApi(definition: AppDefinition, version: number): Json {
  const schemas: Json = {
    Problem: {
      type: 'object',
      description: 'RFC 9457 problem details',
      properties: {
        type: { type: 'string' },
        title: { type: 'string' },
        status: { type: 'integer' },
        detail: { type: 'string' },
        instance: { type: 'string' },
        errors: { type: 'array', items: { type: 'object', properties: { pointer: { type: 'string' }, message: { type: 'string' } } } },
      },
    },
  };
  let paths: Json = {};
  for (const entity of definition.entities) {
    const name = pascal(entity.id);
    schemas[name] = recordSchema(entity);
    schemas[`${name}Create`] = clean(entityRecordSchema(entity, 'create') as Json);
    schemas[`${name}Update`] = clean(entityRecordSchema(entity, 'update') as Json);
    paths = { ...paths, ...entityPaths(definition.id, entity) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: `${definition.name} API`,
      version: String(version),
      description: definition.description ?? `Records API of the Tessera app "${definition.id}".`,
    },
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }, { cookieAuth: [] }],
    tags: definition.entities.map((e) => ({ name: e.id, description: labelText(e.label, e.id) })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API key created at /api/api-keys' },
        cookieAuth: { type: 'apiKey', in: 'cookie', name: 'tessera_session' },
      },
    },
  };
}
