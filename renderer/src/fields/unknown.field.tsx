import { Typography } from 'antd';
import { defineFieldRenderer } from './field-renderer';
import { EmptyValue, isEmpty } from './shared/empty-value';

/** Fallback for a field type this renderer doesn't know (a newer definition): shows the raw value. */
export const unknownField = defineFieldRenderer({
  type: '__unknown__',
  Display: ({ value }) =>
    isEmpty(value) ? (
      <EmptyValue />
    ) : (
      <Typography.Text code>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</Typography.Text>
    ),
});
