import { Input, Typography } from 'antd';
import type { EmailField } from '@tessera/core';
import { defineFieldRenderer } from '../field-renderer';
import { EmptyValue, isEmpty } from '../shared/empty-value';
import { slug } from '../shared/sample-words';

export const emailField = defineFieldRenderer<EmailField>({
  type: 'email',
  filterKind: 'text',
  Input: ({ value, onChange, disabled, placeholder, status, id }) => (
    <Input id={id} type="email" inputMode="email" value={(value as string) ?? ''} onChange={(e) => onChange(e.target.value)} disabled={disabled}
      placeholder={placeholder ?? 'name@example.com'} status={status} />
  ),
  Display: ({ value, compact }) =>
    isEmpty(value) ? <EmptyValue /> : (
      <Typography.Link href={`mailto:${String(value)}`} ellipsis={compact} onClick={(e) => e.stopPropagation()}>{String(value)}</Typography.Link>
    ),
  // Built from the name fields generated before it, so "Alice Kim" gets alice.kim@….
  sample: (_f, { record, index }) => {
    const name = [record.firstName, record.lastName].filter(Boolean).join('.') || String(record.name ?? `user${index}`);
    return `${slug(name.replace(/\s+/g, '.')) || 'user'}${index}@example.com`;
  },
  text: (_f, v) => (isEmpty(v) ? '' : String(v)),
});
