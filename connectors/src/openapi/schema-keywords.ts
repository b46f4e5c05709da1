/**
 * The JSON Schema 2020-12 keywords an imported schema may keep, by the kind of value each takes.
 * Everything else an OpenAPI schema may carry (`xml`, `externalDocs`, `discriminator`, `x-*`,
 * Swagger 2's `collectionFormat`) is dropped: the project's ajv runs in strict mode, where an
 * unknown keyword is an error.
 */
export const NUMBER_KEYWORDS = ['multipleOf', 'maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum'] as const;
export const COUNT_KEYWORDS = [
  'maxLength',
  'minLength',
  'maxItems',
  'minItems',
  'maxProperties',
  'minProperties',
  'maxContains',
  'minContains',
] as const;
export const BOOLEAN_KEYWORDS = ['uniqueItems', 'deprecated', 'readOnly', 'writeOnly'] as const;
export const STRING_KEYWORDS = ['title', 'description', 'contentEncoding', 'contentMediaType', '$comment'] as const;
export const SUBSCHEMA_KEYWORDS = [
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'additionalProperties',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
] as const;
export const SCHEMA_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
export const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', 'dependentSchemas'] as const;

export const JSON_TYPES = new Set(['null', 'boolean', 'object', 'array', 'number', 'string', 'integer']);

/**
 * ajv runs these subschemas as "composite rules", where a `default` cannot apply and strict mode
 * refuses it.
 */
export const COMPOSITE_KEYWORDS = new Set(['anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'contains']);

/** In strict mode a type-specific keyword needs its `type`; this is the type each one implies. */
export const TYPE_OF_KEYWORD: Record<string, string> = {
  properties: 'object',
  patternProperties: 'object',
  additionalProperties: 'object',
  required: 'object',
  minProperties: 'object',
  maxProperties: 'object',
  propertyNames: 'object',
  dependentRequired: 'object',
  dependentSchemas: 'object',
  unevaluatedProperties: 'object',
  items: 'array',
  prefixItems: 'array',
  minItems: 'array',
  maxItems: 'array',
  uniqueItems: 'array',
  contains: 'array',
  minContains: 'array',
  maxContains: 'array',
  unevaluatedItems: 'array',
  minLength: 'string',
  maxLength: 'string',
  pattern: 'string',
  format: 'string',
  contentEncoding: 'string',
  contentMediaType: 'string',
  minimum: 'number',
  maximum: 'number',
  exclusiveMinimum: 'number',
  exclusiveMaximum: 'number',
  multipleOf: 'number',
};

/** Formats that describe numbers, so a schema with only `format: int64` is a number. */
export const NUMBER_FORMATS: Record<string, string> = { int32: 'integer', int64: 'integer', float: 'number', double: 'number' };
