import { defineNodeType } from '../node-type';
import schema from './delay.node.schema.json';
import texts from './delay.texts.json';

export const delayNode = defineNodeType({
  type: 'delay',
  order: 90,
  texts,
  icon: 'HourglassOutlined',
  group: 'time',
  schema,
  refs: [],
  scaffold: { type: 'delay', config: { amount: 1, unit: 'hours' } },
});
