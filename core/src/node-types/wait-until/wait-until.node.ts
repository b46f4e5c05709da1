import { defineNodeType } from '../node-type';
import schema from './wait-until.node.schema.json';

export const waitUntilNode = defineNodeType({
  type: 'waitUntil', order: 100, title: 'Wait until', description: 'Waits until a computed date and time.', icon: 'FieldTimeOutlined', group: 'time', schema,
  refs: [],
  scaffold: { type: 'waitUntil', config: { until: { $expr: '$now()' } } },
});
