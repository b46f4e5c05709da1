import type { MoneyField } from '../../generated/app-definition';
import { defineFieldType, OPERATORS } from '../field-type';
import { parseNumberCell } from '../csv-cells';
import ownSchema from './money.field.schema.json';
import texts from './money.texts.json';

export const moneyField = defineFieldType<MoneyField>({
  type: 'money',
  order: 40,
  texts,
  icon: 'DollarOutlined',
  group: 'number',
  ownSchema,
  scaffold: { type: 'money', label: 'Amount', currency: 'USD' },
  storageKind: 'number',
  stored: true,
  valueSchema: (f) => ({
    type: 'number',
    ...(f.min !== undefined ? { minimum: f.min } : {}),
    ...(f.max !== undefined ? { maximum: f.max } : {}),
  }),
  operators: OPERATORS.ordered,
  filterKind: 'number',
  numeric: true,
  aggregatable: true,
  csv: { parse: parseNumberCell },
  // Deal-sized amounts, rounded like people quote them.
  sample: (field, { rng }) => {
    const min = field.min ?? 0;
    const max = field.max ?? 250_000;
    return Math.round((min + rng() ** 2 * (max - min)) / 500) * 500;
  },
});
