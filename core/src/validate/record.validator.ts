/**
 * Record payloads (create/update) checked against an entity's fields. Built from each field
 * type's valueSchema, so server and browser agree on what a valid record is.
 */
import type { ValidateFunction } from 'ajv';
import { fieldTypes } from '../field-types/field-types.index';
import type { Entity } from '../generated/app-definition';
import type { JsonSchema } from '../json-schema';
import { RECORD_SYSTEM_FIELDS } from '../query/field-path';
import { createAjv } from './ajv.factory';
import { formatAjvErrors } from './ajv-errors.format';
import type { ValidationIssue } from './validation-issue';

export type RecordMode = 'create' | 'update';

export interface RecordValidationResult {
  ok: boolean;
  errors: ValidationIssue[];
}

/** Adds null to the accepted values (clearing a field) without wrapping in anyOf (clearer errors). */
function nullable(schema: JsonSchema): JsonSchema {
  if (typeof schema.type === 'string') {
    return { ...schema, type: [schema.type, 'null'], ...(schema.enum ? { enum: [...schema.enum, null] } : {}) };
  }
  return Object.keys(schema).length ? { anyOf: [schema, { type: 'null' }] } : schema;
}

export function entityRecordSchema(entity: Entity, mode: RecordMode): JsonSchema {
  // `false` schemas reject any value; the error formatter reports them as "read-only field".
  const properties: Record<string, JsonSchema | boolean> = Object.fromEntries(RECORD_SYSTEM_FIELDS.map((f) => [f, false]));
  const required: string[] = [];
  for (const field of entity.fields) {
    const type = fieldTypes.get(field.type);
    const readOnly = !type?.stored || (mode === 'update' && 'readOnly' in field && field.readOnly);
    if (!type || readOnly) {
      properties[field.id] = false;
      continue;
    }
    const isRequired = 'required' in field && field.required === true;
    const value = type.valueSchema(field);
    properties[field.id] = isRequired ? value : nullable(value);
    if (mode === 'create' && isRequired && !('default' in field && field.default !== undefined)) required.push(field.id);
  }
  return { type: 'object', properties: properties as Record<string, JsonSchema>, required, additionalProperties: false };
}

const cache = new WeakMap<Entity, Partial<Record<RecordMode, ValidateFunction>>>();
let ajv: ReturnType<typeof createAjv> | undefined;

/** Compiled once per (entity object, mode); a new definition brings new entity objects. */
export function createRecordValidator(entity: Entity, mode: RecordMode): (record: unknown) => RecordValidationResult {
  const perEntity = cache.get(entity) ?? {};
  cache.set(entity, perEntity);
  ajv ??= createAjv();
  const validate = (perEntity[mode] ??= ajv.compile(entityRecordSchema(entity, mode)));
  return (record) =>
    validate(record) ? { ok: true, errors: [] } : { ok: false, errors: formatAjvErrors(validate.errors, {}, { missingAt: 'property' }) };
}
