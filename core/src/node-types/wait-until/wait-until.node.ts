import { defineNodeType } from '../node-type';
import schema from './wait-until.node.schema.json';
import texts from './wait-until.texts.json';

export const waitUntilNode = defineNodeType({
  type: 'waitUntil',
  order: 100,
  texts,
  icon: 'FieldTimeOutlined',
  group: 'time',
  schema,
  refs: [],
  scaffold: { type: 'waitUntil', config: { until: { $expr: '$now()' } } },
});
