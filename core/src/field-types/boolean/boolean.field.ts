import type { BooleanField } from '../../generated/app-definition';
import { defineFieldType } from '../field-type';
import ownSchema from './boolean.field.schema.json';

export const booleanField = defineFieldType<BooleanField>({
  type: 'boolean', title: 'Yes/No', description: 'A checkbox or switch.', icon: 'CheckSquareOutlined', group: 'choice',
  ownSchema, scaffold: { type: 'boolean', label: 'Active', default: false }, storageKind: 'boolean', stored: true,
  valueSchema: () => ({ type: 'boolean' }),
});
