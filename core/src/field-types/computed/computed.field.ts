import type { ComputedField } from '../../generated/app-definition';
import { defineFieldType, OPERATORS } from '../field-type';
import type { JsonSchema } from '../../json-schema';
import ownSchema from './computed.field.schema.json';
import texts from './computed.texts.json';

/** Value schemas of the result types, for the API document (computed values are read-only). */
const resultSchemas: Record<string, JsonSchema> = {
  text: { type: 'string' },
  number: { type: 'number' },
  boolean: { type: 'boolean' },
  date: { type: 'string', format: 'date' },
  datetime: { type: 'string', format: 'date-time' },
  json: {},
};

export const computedField = defineFieldType<ComputedField>({
  type: 'computed',
  order: 150,
  texts,
  icon: 'FunctionOutlined',
  group: 'advanced',
  ownSchema,
  storageKind: 'json',
  stored: false,
  scaffold: { type: 'computed', label: 'Formula', expression: { $expr: "''" }, resultType: 'text' },
  valueSchema: (f) => resultSchemas[f.resultType ?? 'text'] ?? {},
  operators: OPERATORS.none,
  filterKind: 'none',
  aggregatable: true,
  sample: () => undefined, // evaluated on read, like the server
});
