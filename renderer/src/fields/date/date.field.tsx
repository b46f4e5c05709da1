import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { DateField } from '@tessera/core';
import { useT } from '../../i18n/i18n.provider';
import { defineFieldRenderer } from '../field-renderer';
import { EmptyValue } from '../shared/empty-value';
import { formatDate } from '../shared/format';

/** Demo dates spread around this day, fixed so a seed always gives the same data. */
export const SAMPLE_BASE = Date.UTC(2026, 0, 1);

function DateDisplay({ value }: { value: unknown }) {
  const { locale } = useT();
  return typeof value === 'string' && value ? <span>{formatDate(value, locale)}</span> : <EmptyValue />;
}

export const dateField = defineFieldRenderer<DateField>({
  type: 'date',
  filterKind: 'date',
  Input: ({ value, onChange, disabled, placeholder, status, id }) => (
    <DatePicker id={id} value={typeof value === 'string' && value ? dayjs(value) : null} disabled={disabled} placeholder={placeholder} status={status}
      onChange={(d) => onChange(d ? d.format('YYYY-MM-DD') : undefined)} style={{ width: '100%' }} />
  ),
  Display: DateDisplay,
  sample: (_f, { rng }) => new Date(SAMPLE_BASE + Math.round((rng() - 0.5) * 360) * 86_400_000).toISOString().slice(0, 10),
  text: (_f, v) => (typeof v === 'string' ? v : ''),
});
