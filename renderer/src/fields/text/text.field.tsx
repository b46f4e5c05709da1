import { Input, Typography } from 'antd';
import type { TextField } from '@tessera/core';
import { defineFieldRenderer } from '../field-renderer';
import { EmptyValue, isEmpty } from '../shared/empty-value';
import { companyName, FIRST, LAST, personName, pickOf, SUBJECTS, TITLES, WORDS } from '../shared/sample-words';

/** Values chosen by what the field id suggests; anything else gets a short phrase. */
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

export const textField = defineFieldRenderer<TextField>({
  type: 'text',
  filterKind: 'text',
  Input: ({ value, onChange, disabled, placeholder, status, id }) => (
    <Input id={id} value={(value as string) ?? ''} onChange={(e) => onChange(e.target.value)} disabled={disabled} placeholder={placeholder} status={status} />
  ),
  Display: ({ value, compact }) =>
    isEmpty(value) ? <EmptyValue /> : <Typography.Text ellipsis={compact ? { tooltip: String(value) } : false}>{String(value)}</Typography.Text>,
  sample: (field, { rng, record, index }) => {
    const hit = BY_ID.find(([re]) => re.test(field.id));
    const value = hit ? hit[1](rng, record, index) : `${pickOf(WORDS, rng)} ${index + 1}`;
    return field.maxLength ? value.slice(0, field.maxLength) : value;
  },
  text: (_f, v) => (isEmpty(v) ? '' : String(v)),
});
