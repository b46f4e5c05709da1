import type { TextField } from '../../generated/app-definition';
import { defineFieldType, OPERATORS } from '../field-type';
import { companyName, FIRST, LAST, personName, pickOf, SUBJECTS, TITLES, WORDS } from '../sample-words';
import ownSchema from './text.field.schema.json';
import texts from './text.texts.json';

/** Demo values chosen by what the field id suggests; anything else gets a short phrase. */
const BY_ID: Array<[RegExp, (rng: () => number, record: Record<string, unknown>, index: number) => string]> = [
  [/^first/i, (rng) => pickOf(FIRST, rng)],
  [/^last/i, (rng) => pickOf(LAST, rng)],
  [/company|account|organi[sz]ation/i, (rng) => companyName(rng)],
  [/^name$/i, (rng, _r, i) => (i % 2 ? companyName(rng) : personName(rng))],
  [/title|position|role/i, (rng) => pickOf(TITLES, rng)],
  [/subject|summary/i, (rng) => pickOf(SUBJECTS, rng)],
  [/owner|assignee|email/i, (rng) => `${pickOf(['rep1', 'rep2', 'manager'], rng)}@example.com`],
  [/domain/i, (rng, _r, i) => `${companyName(rng).split(' ')[0].toLowerCase()}${i}.example.com`],
  [/code|sku|ref/i, (_rng, _r, i) => `REF-${String(1000 + i)}`],
];

export const textField = defineFieldType<TextField>({
  type: 'text',
  order: 10,
  texts,
  icon: 'FontSizeOutlined',
  group: 'text',
  ownSchema,
  scaffold: { type: 'text', label: 'Text' },
  storageKind: 'string',
  stored: true,
  searchable: 'default',
  valueSchema: (f) => ({
    type: 'string',
    maxLength: f.maxLength ?? 1000,
    ...(f.minLength !== undefined ? { minLength: f.minLength } : {}),
    ...(f.pattern ? { pattern: f.pattern } : {}),
  }),
  operators: OPERATORS.text,
  filterKind: 'text',
  uniqueIgnoresCase: (f) => f.ignoreCase === true,
  owner: true, // an owner's email, from a system that has no user records
  sample: (field, { rng, record, index }) => {
    const hit = BY_ID.find(([re]) => re.test(field.id));
    const value = hit ? hit[1](rng, record, index) : `${pickOf(WORDS, rng)} ${index + 1}`;
    return field.maxLength ? value.slice(0, field.maxLength) : value;
  },
});
