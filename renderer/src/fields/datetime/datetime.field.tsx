import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { DatetimeField } from '@tessera/core';
import { useT } from '../../i18n/i18n.provider';
import { defineFieldRenderer } from '../field-renderer';
import { EmptyValue } from '../shared/empty-value';
import { formatDateTime } from '../shared/format';

function DateTimeDisplay({ value }: { value: unknown }) {
  const { locale } = useT();
  return typeof value === 'string' && value ? <span>{formatDateTime(value, locale)}</span> : <EmptyValue />;
}

export const datetimeField = defineFieldRenderer<DatetimeField>({
  type: 'datetime',
  Input: ({ value, onChange, disabled, placeholder, status, id }) => (
    <DatePicker
      id={id}
      showTime={{ format: 'HH:mm' }}
      format="YYYY-MM-DD HH:mm"
      value={typeof value === 'string' && value ? dayjs(value) : null}
      disabled={disabled}
      placeholder={placeholder}
      status={status}
      onChange={(d) => onChange(d ? d.toISOString() : undefined)}
      style={{ width: '100%' }}
    />
  ),
  Display: DateTimeDisplay,
  text: (_f, v) => (typeof v === 'string' ? v : ''),
});
