import type { UrlField } from '../../generated/app-definition';
import { defineFieldType, OPERATORS } from '../field-type';
import { COMPANY_A, pickOf } from '../sample-words';
import ownSchema from './url.field.schema.json';
import texts from './url.texts.json';

export const urlField = defineFieldType<UrlField>({
  type: 'url',
  order: 100,
  texts,
  icon: 'LinkOutlined',
  group: 'text',
  ownSchema,
  scaffold: { type: 'url', label: 'Website' },
  storageKind: 'string',
  stored: true,
  searchable: 'default',
  // Only http(s): a javascript: URL rendered as a link would be an XSS vector.
  valueSchema: (f) => ({ type: 'string', format: 'uri', pattern: '^https?://', maxLength: f.maxLength ?? 2048 }),
  operators: OPERATORS.text,
  filterKind: 'text',
  sample: (_f, { rng, index }) => `https://www.${pickOf(COMPANY_A, rng).toLowerCase()}${index}.example.com`,
});
