import type { PhoneField } from '../../generated/app-definition';
import { defineFieldType, OPERATORS } from '../field-type';
import ownSchema from './phone.field.schema.json';
import texts from './phone.texts.json';

export const phoneField = defineFieldType<PhoneField>({
  type: 'phone',
  order: 90,
  texts,
  icon: 'PhoneOutlined',
  group: 'text',
  ownSchema,
  scaffold: { type: 'phone', label: 'Phone' },
  storageKind: 'string',
  stored: true,
  searchable: 'default',
  // Numbers are written in too many national styles to parse; accept the characters they use.
  valueSchema: (f) => ({ type: 'string', pattern: '^\\+?[0-9 ().\\-]{3,}$', maxLength: f.maxLength ?? 32 }),
  operators: OPERATORS.text,
  filterKind: 'text',
  sample: (_f, { rng }) => `+1 555 ${String(100 + Math.floor(rng() * 900))} ${String(1000 + Math.floor(rng() * 9000))}`,
});
