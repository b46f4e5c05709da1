import type { TextField } from '../../generated/app-definition';
import { defineFieldType } from '../field-type';
import ownSchema from './text.field.schema.json';

export const textField = defineFieldType<TextField>({
  type: 'text', title: 'Text', description: 'A single line of text.', icon: 'FontSizeOutlined', group: 'text',
  ownSchema, scaffold: { type: 'text', label: 'Text' }, storageKind: 'string', stored: true, searchable: 'default',
  valueSchema: (f) => ({
    type: 'string',
    maxLength: f.maxLength ?? 1000,
    ...(f.minLength !== undefined ? { minLength: f.minLength } : {}),
    ...(f.pattern ? { pattern: f.pattern } : {}),
  }),
});
