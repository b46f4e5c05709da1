import type { NumberField } from '../../generated/app-definition';
import { defineFieldType } from '../field-type';
import ownSchema from './number.field.schema.json';

export const numberField = defineFieldType<NumberField>({
  type: 'number', title: 'Number', description: 'A number, optionally whole and bounded.', icon: 'NumberOutlined',
  group: 'number', ownSchema, scaffold: { type: 'number', label: 'Number' }, storageKind: 'number', stored: true,
  valueSchema: (f) => ({
    type: f.integer ? 'integer' : 'number',
    ...(f.min !== undefined ? { minimum: f.min } : {}),
    ...(f.max !== undefined ? { maximum: f.max } : {}),
  }),
});
