import type { LongtextField } from '../../generated/app-definition';
import { defineFieldType, OPERATORS } from '../field-type';
import { pickOf, WORDS } from '../sample-words';
import ownSchema from './longtext.field.schema.json';
import texts from './longtext.texts.json';

export const longtextField = defineFieldType<LongtextField>({
  type: 'longtext',
  order: 20,
  texts,
  icon: 'AlignLeftOutlined',
  group: 'text',
  ownSchema,
  scaffold: { type: 'longtext', label: 'Notes' },
  storageKind: 'string',
  stored: true,
  searchable: 'allowed',
  valueSchema: (f) => ({ type: 'string', maxLength: f.maxLength ?? 100000 }),
  operators: OPERATORS.text,
  filterKind: 'text',
  sample: (_f, { rng }) => `Discussed ${pickOf(WORDS, rng)} and ${pickOf(WORDS, rng)}. Next step: ${pickOf(WORDS, rng)}.`,
});
