import type { DateField } from '../../generated/app-definition';
import { defineFieldType } from '../field-type';
import ownSchema from './date.field.schema.json';

export const dateField = defineFieldType<DateField>({
  type: 'date', title: 'Date', description: 'A calendar date ("YYYY-MM-DD").', icon: 'CalendarOutlined', group: 'date',
  ownSchema, scaffold: { type: 'date', label: 'Date' }, storageKind: 'date', stored: true,
  // formatMinimum/formatMaximum come from ajv-formats and compare dates, not strings.
  valueSchema: (f) => ({
    type: 'string',
    format: 'date',
    ...(f.min ? { formatMinimum: f.min } : {}),
    ...(f.max ? { formatMaximum: f.max } : {}),
  }),
});
