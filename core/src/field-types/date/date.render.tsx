import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { DateField } from '@tessera/core';
import { useT, defineFieldRenderer, EmptyValue, formatDate } from '@tessera/renderer/kit';

function DateDisplay({ value }: { value: unknown }) {
  const { locale } = useT();
  return typeof value === 'string' && value ? <span>{formatDate(value, locale)}</span> : <EmptyValue />;
}

export const dateField = defineFieldRenderer<DateField>({
  type: 'date',
  Input: ({ value, onChange, disabled, placeholder, status, id }) => (
    <DatePicker
      id={id}
      value={typeof value === 'string' && value ? dayjs(value) : null}
      disabled={disabled}
      placeholder={placeholder}
      status={status}
      onChange={(d) => onChange(d ? d.format('YYYY-MM-DD') : undefined)}
      style={{ width: '100%' }}
    />
  ),
  Display: DateDisplay,
  text: (_f, v) => (typeof v === 'string' ? v : ''),
});
