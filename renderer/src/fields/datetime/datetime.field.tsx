import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { DatetimeField } from '@tessera/core';
import { useT } from '../../i18n/i18n.provider';
import { SAMPLE_BASE } from '../date/date.field';
import { defineFieldRenderer } from '../field-renderer';
import { EmptyValue } from '../shared/empty-value';
import { formatDateTime } from '../shared/format';

function DateTimeDisplay({ value }: { value: unknown }) {
  const { locale } = useT();
  return typeof value === 'string' && value ? <span>{formatDateTime(value, locale)}</span> : <EmptyValue />;
}

export const datetimeField = defineFieldRenderer<DatetimeField>({
  type: 'datetime',
  filterKind: 'date',
  Input: ({ value, onChange, disabled, placeholder, status, id }) => (
    <DatePicker id={id} showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={typeof value === 'string' && value ? dayjs(value) : null}
      disabled={disabled} placeholder={placeholder} status={status} onChange={(d) => onChange(d ? d.toISOString() : undefined)} style={{ width: '100%' }} />
  ),
  Display: DateTimeDisplay,
  // Working hours only: 9:00-17:30 in 30-minute steps.
  sample: (_f, { rng }) =>
    new Date(SAMPLE_BASE + Math.round((rng() - 0.6) * 200) * 86_400_000 + (9 * 60 + Math.floor(rng() * 17) * 30) * 60_000).toISOString(),
  text: (_f, v) => (typeof v === 'string' ? v : ''),
});
