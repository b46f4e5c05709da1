import type { DatetimeField } from '../../generated/app-definition';
import { CsvCellError, defineFieldType, OPERATORS } from '../field-type';
import { SAMPLE_BASE } from '../date/date.field';
import ownSchema from './datetime.field.schema.json';
import texts from './datetime.texts.json';

export const datetimeField = defineFieldType<DatetimeField>({
  type: 'datetime',
  order: 70,
  texts,
  icon: 'FieldTimeOutlined',
  group: 'date',
  ownSchema,
  scaffold: { type: 'datetime', label: 'When' },
  storageKind: 'date',
  stored: true,
  valueSchema: () => ({ type: 'string', format: 'date-time' }),
  operators: OPERATORS.ordered,
  filterKind: 'date',
  aggregatable: true,
  csv: {
    parse: (cell) => {
      const t = Date.parse(cell);
      if (Number.isNaN(t)) throw new CsvCellError('datetime', `"${cell}" is not a date and time (ISO 8601)`);
      return new Date(t).toISOString();
    },
  },
  // Working hours only: 9:00-17:30 in 30-minute steps.
  sample: (_f, { rng }) =>
    new Date(SAMPLE_BASE + Math.round((rng() - 0.6) * 200) * 86_400_000 + (9 * 60 + Math.floor(rng() * 17) * 30) * 60_000).toISOString(),
});
