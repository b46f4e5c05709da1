import type { NumberField } from '../../generated/app-definition';
import { defineFieldType, OPERATORS } from '../field-type';
import { parseNumberCell } from '../csv-cells';
import ownSchema from './number.field.schema.json';
import texts from './number.texts.json';

export const numberField = defineFieldType<NumberField>({
  type: 'number',
  order: 30,
  texts,
  icon: 'NumberOutlined',
  group: 'number',
  ownSchema,
  scaffold: { type: 'number', label: 'Number' },
  storageKind: 'number',
  stored: true,
  // Within ±2^53, where every integer is exact: a larger one is not the number that was sent, and
  // the stores compare it differently (identifiers that long belong in text fields).
  valueSchema: (f) => ({
    type: f.integer ? 'integer' : 'number',
    minimum: Math.max(f.min ?? -Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER),
    maximum: Math.min(f.max ?? Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
  }),
  operators: OPERATORS.ordered,
  filterKind: 'number',
  numeric: true,
  aggregatable: true,
  csv: { parse: parseNumberCell },
  sample: (field, { rng }) => {
    const min = field.min ?? 0;
    const max = field.max ?? Math.max(min + 100, 100);
    const v = min + rng() * (max - min);
    return field.integer ? Math.round(v) : Math.round(v * 100) / 100;
  },
});
