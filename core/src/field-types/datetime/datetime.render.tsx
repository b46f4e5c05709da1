import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { DatetimeField } from '@tessera/core';
import { useT, defineFieldRenderer, EmptyValue, formatDateTime } from '@tessera/renderer/kit';

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
