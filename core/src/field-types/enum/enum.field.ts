import type { EnumField } from '../../generated/app-definition';
import { defineFieldType } from '../field-type';
import ownSchema from './enum.field.schema.json';

export const enumField = defineFieldType<EnumField>({
  type: 'enum', title: 'Choice', description: 'One value out of a list of options.', icon: 'UnorderedListOutlined',
  group: 'choice', ownSchema, storageKind: 'string', stored: true,
  scaffold: { type: 'enum', label: 'Status', options: [{ value: 'new', label: 'New' }, { value: 'done', label: 'Done' }] },
  valueSchema: (f) => ({ type: 'string', enum: f.options.map((o) => o.value) }),
});
