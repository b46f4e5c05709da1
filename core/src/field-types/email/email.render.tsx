import { Input, Typography } from 'antd';
import type { EmailField } from '@tessera/core';
import { defineFieldRenderer, EmptyValue, isEmpty } from '@tessera/renderer/kit';

export const emailField = defineFieldRenderer<EmailField>({
  type: 'email',
  Input: ({ value, onChange, disabled, placeholder, status, id }) => (
    <Input
      id={id}
      type="email"
      inputMode="email"
      value={(value as string) ?? ''}
      onChange={(e) => onChange(e.target.value)}
      disabled={disabled}
      placeholder={placeholder ?? 'name@example.com'}
      status={status}
    />
  ),
  Display: ({ value, compact }) =>
    isEmpty(value) ? (
      <EmptyValue />
    ) : (
      <Typography.Link href={`mailto:${String(value)}`} ellipsis={compact} onClick={(e) => e.stopPropagation()}>
        {String(value)}
      </Typography.Link>
    ),
  text: (_f, v) => (isEmpty(v) ? '' : String(v)),
});
