import type { DatetimeField } from '../../generated/app-definition';
import { defineFieldType } from '../field-type';
import ownSchema from './datetime.field.schema.json';

export const datetimeField = defineFieldType<DatetimeField>({
  type: 'datetime', title: 'Date and time', description: 'A point in time (ISO 8601).', icon: 'FieldTimeOutlined',
  group: 'date', ownSchema, scaffold: { type: 'datetime', label: 'When' }, storageKind: 'date', stored: true,
  valueSchema: () => ({ type: 'string', format: 'date-time' }),
});
