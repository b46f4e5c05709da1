import { Input, Typography } from 'antd';
import type { PhoneField } from '@tessera/core';
import { defineFieldRenderer, EmptyValue, isEmpty } from '@tessera/renderer/kit';

export const phoneField = defineFieldRenderer<PhoneField>({
  type: 'phone',
  Input: ({ value, onChange, disabled, placeholder, status, id }) => (
    <Input
      id={id}
      type="tel"
      inputMode="tel"
      value={(value as string) ?? ''}
      onChange={(e) => onChange(e.target.value)}
      disabled={disabled}
      placeholder={placeholder}
      status={status}
    />
  ),
  Display: ({ value }) =>
    isEmpty(value) ? (
      <EmptyValue />
    ) : (
      <Typography.Link href={`tel:${String(value).replace(/[^+\d]/g, '')}`} onClick={(e) => e.stopPropagation()}>
        {String(value)}
      </Typography.Link>
    ),
  text: (_f, v) => (isEmpty(v) ? '' : String(v)),
});
