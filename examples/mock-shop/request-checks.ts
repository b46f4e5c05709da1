/**
 * What the router checks before an operation runs, from the operation's own description: the
 * query (declared names only, once each, values valid for their schemas) and the JSON body
 * (content type, size, syntax, schema). Problems are reported all at once, as JSON pointers into
 * the request (`/query/limit`, `/body/subject`).
 */
import type { IncomingMessage } from 'node:http';
import { createAjv, formatAjvErrors, type JsonSchema, type ValidationIssue } from '@tessera/core';
import type { ValidateFunction } from 'ajv';
import type { Operation } from './operation';
import { schemas } from './shop-schemas';
import { ShopError } from './shop-error';

export const MAX_BODY_BYTES = 64 * 1024;
const DOC = 'mock-shop.json';

const ajv = createAjv();
// The schemas are added as they sit in the OpenAPI document, so their `#/components/...` refs resolve.
ajv.addVocabulary(['components']);
ajv.addSchema({ $id: DOC, components: { schemas } });

const absolute = (schema: JsonSchema): JsonSchema => (schema.$ref ? { ...schema, $ref: `${DOC}${schema.$ref}` } : schema);

const issues = (validate: ValidateFunction, base: string): ValidationIssue[] =>
  formatAjvErrors(validate.errors).map((i) => ({ pointer: `${base}${i.pointer}`, message: i.message }));

export interface RequestChecks {
  query(params: URLSearchParams): Record<string, unknown>;
  body(req: IncomingMessage): Promise<unknown>;
}

export function requestChecks(op: Operation): RequestChecks {
  const declared = new Map((op.query ?? []).map((p) => [p.name, p]));
  const validateQuery = ajv.compile({
    type: 'object',
    properties: Object.fromEntries([...declared].map(([name, p]) => [name, absolute(p.schema)])),
    additionalProperties: false,
  });
  const validateBody = op.body ? ajv.compile({ $ref: `${DOC}#/components/schemas/${op.body}` }) : undefined;

  return {
    query(params) {
      // No prototype: a parameter named `__proto__` is then just an unknown name.
      const query: Record<string, unknown> = Object.create(null);
      const problems: ValidationIssue[] = [];
      for (const [name, value] of params) {
        if (Object.hasOwn(query, name)) problems.push({ pointer: `/query/${name}`, message: 'given more than once' });
        // Query values are text; integers are the one other type the shop's parameters have.
        query[name] = declared.get(name)?.schema.type === 'integer' && /^-?\d{1,15}$/.test(value) ? Number(value) : value;
      }
      if (!validateQuery(query)) problems.push(...issues(validateQuery, '/query'));
      if (problems.length) throw new ShopError(400, 'bad_request', 'invalid query parameters', problems);
      return query;
    },

    async body(req) {
      if (!validateBody) return undefined;
      if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? ''))
        throw new ShopError(415, 'unsupported_media_type', 'send the body as application/json');
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) throw new ShopError(413, 'payload_too_large', `the body is over ${MAX_BODY_BYTES} bytes`);
        chunks.push(chunk);
      }
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        throw new ShopError(400, 'invalid_body', 'the body is not JSON', [{ pointer: '/body', message: 'is not valid JSON' }]);
      }
      if (!validateBody(body))
        throw new ShopError(400, 'invalid_body', 'the body does not match its schema', issues(validateBody, '/body'));
      return body;
    },
  };
}
