import type { DateField } from '../../generated/app-definition';
import { CsvCellError, defineFieldType, OPERATORS } from '../field-type';
import ownSchema from './date.field.schema.json';
import texts from './date.texts.json';

/** Demo dates spread around this day, fixed so a seed always gives the same data. */
export const SAMPLE_BASE = Date.UTC(2026, 0, 1);

export const dateField = defineFieldType<DateField>({
  type: 'date',
  order: 60,
  texts,
  icon: 'CalendarOutlined',
  group: 'date',
  ownSchema,
  scaffold: { type: 'date', label: 'Date' },
  storageKind: 'date',
  stored: true,
  // formatMinimum/formatMaximum come from ajv-formats and compare dates, not strings.
  valueSchema: (f) => ({
    type: 'string',
    format: 'date',
    ...(f.min ? { formatMinimum: f.min } : {}),
    ...(f.max ? { formatMaximum: f.max } : {}),
  }),
  operators: OPERATORS.ordered,
  filterKind: 'date',
  aggregatable: true,
  csv: {
    parse: (cell) => {
      const m = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(cell);
      if (!m) throw new CsvCellError('date', `"${cell}" is not a date (YYYY-MM-DD)`);
      return m[1];
    },
  },
  sample: (_f, { rng }) => new Date(SAMPLE_BASE + Math.round((rng() - 0.5) * 360) * 86_400_000).toISOString().slice(0, 10),
});
