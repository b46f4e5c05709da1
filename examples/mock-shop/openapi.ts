/**
 * The shop's OpenAPI 3.1 document, built from the same operation objects the router answers with
 * (paths, parameters, bodies, answers) and the schemas of shop-schemas.ts, so it is exact by
 * construction; the tests check it against swagger-parser and every answer against it.
 */
import type { Operation } from './operation';
import { ref, schemas } from './shop-schemas';

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'invalid parameters or body; `error.problems` lists each problem',
  401: 'missing or wrong API key',
  404: 'no such record',
  413: 'the body is too large',
  415: 'the body is not application/json',
  507: 'the server keeps no more new records until it restarts',
};

const json = (description: string, schema: unknown) => ({ description, content: { 'application/json': { schema } } });

function describe(op: Operation) {
  const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const queryParams = (op.query ?? []).map((p) => ({
    name: p.name,
    in: 'query',
    required: false,
    description: p.description,
    schema: p.schema,
  }));
  const errors = [...op.errors, ...(op.public ? [] : [401])].sort();
  return {
    operationId: op.operationId,
    summary: op.summary,
    tags: [op.tag],
    ...(pathParams.length + queryParams.length ? { parameters: [...pathParams, ...queryParams] } : {}),
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(op.body) } } } } : {}),
    responses: {
      [op.response.status]: json(op.response.description, op.response.schema),
      ...Object.fromEntries(errors.map((status) => [status, json(ERROR_DESCRIPTIONS[status], ref('Error'))])),
    },
    ...(op.public ? { security: [] } : {}),
  };
}

export function openApiDocument(operations: Operation[], serverUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) (paths[op.path] ??= {})[op.method.toLowerCase()] = describe(op);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Mock Shop API',
      version: '1.0.0',
      description:
        "A small online shop's API, seeded with deterministic data: Tessera's stand-in for a customer's own system. " +
        'Lists are cursor-paged (`limit`, `cursor`; follow `next_cursor` until it is null); amounts are integers in minor units.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: serverUrl }],
    security: [{ apiKey: [] }],
    tags: [...new Set(operations.map((op) => op.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } },
      schemas,
    },
  };
}
