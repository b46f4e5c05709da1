import type { MoneyField } from '../../generated/app-definition';
import { defineFieldType } from '../field-type';
import ownSchema from './money.field.schema.json';

export const moneyField = defineFieldType<MoneyField>({
  type: 'money', title: 'Money', description: 'An amount in major units of one currency.', icon: 'DollarOutlined',
  group: 'number', ownSchema, scaffold: { type: 'money', label: 'Amount', currency: 'USD' }, storageKind: 'number',
  stored: true,
  valueSchema: (f) => ({
    type: 'number',
    ...(f.min !== undefined ? { minimum: f.min } : {}),
    ...(f.max !== undefined ? { maximum: f.max } : {}),
  }),
});
