import type { EmailField } from '../../generated/app-definition';
import { defineFieldType } from '../field-type';
import ownSchema from './email.field.schema.json';

export const emailField = defineFieldType<EmailField>({
  type: 'email', title: 'Email', description: 'An email address.', icon: 'MailOutlined', group: 'text',
  ownSchema, scaffold: { type: 'email', label: 'Email' }, storageKind: 'string', stored: true, searchable: 'default',
  valueSchema: (f) => ({ type: 'string', format: 'email', maxLength: f.maxLength ?? 254 }),
});
