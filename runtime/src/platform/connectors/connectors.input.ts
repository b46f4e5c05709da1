/** The bodies the connector routes accept, as JSON Schemas checked with the project's ajv. */
import type { ValidateFunction } from 'ajv';
import { createAjv, formatAjvErrors } from '@tessera/core';
import { Invalid } from '../../domain-errors';

const schemas = {
  call: {
    type: 'object',
    properties: {
      input: { type: 'object', maxProperties: 500 },
      page: {
        type: 'object',
        properties: { cursor: { type: 'string', maxLength: 4096 }, size: { type: 'integer', minimum: 1, maximum: 1000 } },
        additionalProperties: false,
      },
      draft: { type: 'boolean' },
      idempotencyKey: { type: 'string', minLength: 1, maxLength: 200 },
    },
    additionalProperties: false,
  },
  import: {
    type: 'object',
    properties: {
      document: { type: 'string', minLength: 1 },
      url: { type: 'string', format: 'uri', pattern: '^https?://', maxLength: 2048 },
      name: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,62}$' },
      version: { type: 'string', maxLength: 64 },
    },
    additionalProperties: false,
  },
  installFromRegistry: {
    type: 'object',
    properties: {
      registry: { type: 'string', format: 'uri', pattern: '^https?://', maxLength: 2048 },
      name: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,62}$' },
      range: { type: 'string', minLength: 1, maxLength: 200 },
      token: { type: 'string', minLength: 1, maxLength: 500 },
    },
    required: ['registry', 'name', 'range'],
    additionalProperties: false,
  },
  list: {
    type: 'object',
    properties: { name: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,62}$' } },
    additionalProperties: false,
  },
  deprecate: {
    type: 'object',
    properties: { message: { type: 'string', maxLength: 500 } },
    additionalProperties: false,
  },
} as const;

const compiled = new Map<keyof typeof schemas, ValidateFunction>();

export function checkBody<T>(kind: keyof typeof schemas, body: unknown): T {
  let validate = compiled.get(kind);
  if (!validate) {
    validate = createAjv().compile(schemas[kind]);
    compiled.set(kind, validate);
  }
  const value = structuredClone(body ?? {});
  if (kind === 'import' && (value as { document?: unknown }).document === undefined && (value as { url?: unknown }).url === undefined)
    throw new Invalid('send the OpenAPI document as "document" (JSON or YAML text) or its address as "url"', [
      { pointer: '/document', message: 'required, or url' },
    ]);
  if (!validate(value)) {
    const issues = formatAjvErrors(validate.errors);
    throw new Invalid(`the request body is not valid: ${issues.map((i) => `${i.pointer || '/'} ${i.message}`).join('; ')}`, issues);
  }
  return value as T;
}
