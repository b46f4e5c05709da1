import { Input, Typography } from 'antd';
import type { LongtextField } from '@tessera/core';
import { defineFieldRenderer, EmptyValue, isEmpty } from '@tessera/renderer/kit';

export const longtextField = defineFieldRenderer<LongtextField>({
  type: 'longtext',
  Input: ({ value, onChange, disabled, placeholder, status, id }) => (
    <Input.TextArea
      id={id}
      value={(value as string) ?? ''}
      onChange={(e) => onChange(e.target.value)}
      disabled={disabled}
      placeholder={placeholder}
      status={status}
      autoSize={{ minRows: 3, maxRows: 12 }}
    />
  ),
  // Line breaks are kept in detail views; a cell shows the first line only.
  Display: ({ value, compact }) =>
    isEmpty(value) ? (
      <EmptyValue />
    ) : compact ? (
      <Typography.Text ellipsis={{ tooltip: String(value) }}>{String(value).split('\n')[0]}</Typography.Text>
    ) : (
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{String(value)}</Typography.Paragraph>
    ),
  text: (_f, v) => (isEmpty(v) ? '' : String(v)),
});
