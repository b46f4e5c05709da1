import { CheckCircleFilled, MinusOutlined } from '@ant-design/icons';
import { Switch } from 'antd';
import type { BooleanField } from '@tessera/core';
import { defineFieldRenderer, EmptyValue } from '@tessera/renderer/kit';

export const booleanField = defineFieldRenderer<BooleanField>({
  type: 'boolean',
  Input: ({ value, onChange, disabled, id }) => (
    <Switch id={id} checked={value === true} onChange={(v) => onChange(v)} disabled={disabled} />
  ),
  Display: ({ value }) =>
    value === true ? (
      <CheckCircleFilled style={{ color: '#52c41a' }} aria-label="yes" />
    ) : value === false ? (
      <MinusOutlined style={{ color: '#bfbfbf' }} aria-label="no" />
    ) : (
      <EmptyValue />
    ),
  text: (_f, v) => (typeof v === 'boolean' ? String(v) : ''),
});
