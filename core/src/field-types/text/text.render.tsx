import { Input, Typography } from 'antd';
import type { TextField } from '@tessera/core';
import { defineFieldRenderer, EmptyValue, isEmpty } from '@tessera/renderer/kit';

export const textField = defineFieldRenderer<TextField>({
  type: 'text',
  Input: ({ value, onChange, disabled, placeholder, status, id }) => (
    <Input
      id={id}
      value={(value as string) ?? ''}
      onChange={(e) => onChange(e.target.value)}
      disabled={disabled}
      placeholder={placeholder}
      status={status}
    />
  ),
  Display: ({ value, compact }) =>
    isEmpty(value) ? (
      <EmptyValue />
    ) : (
      <Typography.Text ellipsis={compact ? { tooltip: String(value) } : false}>{String(value)}</Typography.Text>
    ),
  text: (_f, v) => (isEmpty(v) ? '' : String(v)),
});
