import { defineNodeType } from '../node-type';
import schema from './delay.node.schema.json';

export const delayNode = defineNodeType({
  type: 'delay', order: 90, title: 'Delay', description: 'Waits for a fixed time (durable across restarts).', icon: 'HourglassOutlined', group: 'time', schema,
  refs: [],
  scaffold: { type: 'delay', config: { amount: 1, unit: 'hours' } },
});
