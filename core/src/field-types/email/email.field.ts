import type { EmailField } from '../../generated/app-definition';
import { defineFieldType, OPERATORS } from '../field-type';
import { slug } from '../sample-words';
import ownSchema from './email.field.schema.json';
import texts from './email.texts.json';

export const emailField = defineFieldType<EmailField>({
  type: 'email',
  order: 80,
  texts,
  icon: 'MailOutlined',
  group: 'text',
  ownSchema,
  scaffold: { type: 'email', label: 'Email' },
  storageKind: 'string',
  stored: true,
  searchable: 'default',
  valueSchema: (f) => ({ type: 'string', format: 'email', maxLength: f.maxLength ?? 254 }),
  operators: OPERATORS.text,
  // Ann@Example.com and ann@example.com reach the same person: one of them is enough.
  uniqueIgnoresCase: () => true,
  filterKind: 'text',
  // Built from the name fields generated before it, so "Alice Kim" gets alice.kim@….
  sample: (_f, { record, index }) => {
    const name = [record.firstName, record.lastName].filter(Boolean).join('.') || String(record.name ?? `user${index}`);
    return `${slug(name.replace(/\s+/g, '.')) || 'user'}${index}@example.com`;
  },
});
