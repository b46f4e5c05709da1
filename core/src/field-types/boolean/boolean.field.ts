import type { BooleanField } from '../../generated/app-definition';
import { CsvCellError, defineFieldType, OPERATORS } from '../field-type';
import ownSchema from './boolean.field.schema.json';
import texts from './boolean.texts.json';

const YES_NO: Record<string, boolean> = { yes: true, no: false, true: true, false: false, '1': true, '0': false, y: true, n: false };

export const booleanField = defineFieldType<BooleanField>({
  type: 'boolean',
  order: 50,
  texts,
  icon: 'CheckSquareOutlined',
  group: 'choice',
  ownSchema,
  scaffold: { type: 'boolean', label: 'Active', default: false },
  storageKind: 'boolean',
  stored: true,
  valueSchema: () => ({ type: 'boolean' }),
  operators: OPERATORS.boolean,
  filterKind: 'boolean',
  csv: {
    parse: (cell) => {
      const b = YES_NO[cell.toLowerCase()];
      if (b === undefined) throw new CsvCellError('boolean', `"${cell}" is not yes/no, true/false or 1/0`);
      return b;
    },
  },
  sample: (_f, { rng }) => rng() < 0.3,
});
