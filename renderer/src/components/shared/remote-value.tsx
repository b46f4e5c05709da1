/**
 * A value from a customer's API, shown without a field definition to go by: numbers and dates
 * in the user's locale, booleans as marks, lists and objects briefly (the row can be opened
 * through the API's own detail operation).
 */
import { CheckOutlined } from '@ant-design/icons';
import { EmptyValue } from '../../fields/shared/empty-value';
import { formatDateTime, formatNumber } from '../../fields/shared/format';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export function RemoteValue({ value, locale }: { value: unknown; locale: string }) {
  if (value === null || value === undefined || value === '') return <EmptyValue />;
  if (typeof value === 'number') return <>{formatNumber(value, locale)}</>;
  if (typeof value === 'boolean') return value ? <CheckOutlined aria-label="yes" /> : <span aria-label="no">–</span>;
  if (typeof value === 'string') return <>{ISO_DATE_TIME.test(value) ? formatDateTime(value, locale) : value}</>;
  if (Array.isArray(value)) return <>{value.every((v) => typeof v !== 'object') ? value.join(', ') : `${value.length} ×`}</>;
  const text = JSON.stringify(value);
  return <span title={text}>{text.length > 60 ? `${text.slice(0, 60)}…` : text}</span>;
}

/** `a.b.c` of a record. */
export function valueAt(record: unknown, path: string): unknown {
  let node = record;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** `customerId` → "Customer id": a heading for a property the API's schema gives no title. */
export const humanize = (name: string) =>
  name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .replace(/^./, (c) => c.toUpperCase());
