import type { JsonField } from '../../generated/app-definition';
import type { JsonSchema } from '../../json-schema';
import { defineFieldType } from '../field-type';
import ownSchema from './json.field.schema.json';

export const jsonField = defineFieldType<JsonField>({
  type: 'json', title: 'JSON', description: 'Any JSON value, optionally checked by a JSON Schema.', icon: 'CodeOutlined',
  group: 'advanced', ownSchema, scaffold: { type: 'json', label: 'Data' }, storageKind: 'json', stored: true,
  valueSchema: (f) => (typeof f.schema === 'object' ? (f.schema as JsonSchema) : f.schema === false ? { not: {} } : {}),
});
