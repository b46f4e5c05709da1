import type { RollupField } from '../../generated/app-definition';
import { defineFieldType } from '../field-type';
import ownSchema from './rollup.field.schema.json';

export const rollupField = defineFieldType<RollupField>({
  type: 'rollup', title: 'Rollup', description: 'Count, sum, average, min or max over related records.',
  icon: 'CalculatorOutlined', group: 'relation', ownSchema, storageKind: 'number', stored: false,
  scaffold: { type: 'rollup', label: 'Count', entity: '', via: '', aggregate: 'count' },
  valueSchema: (f) => ({ type: (f.aggregate ?? 'count') === 'count' ? 'integer' : 'number' }),
});
