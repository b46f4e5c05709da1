import { defineNodeType } from '../node-type';
import schema from './for-each.node.schema.json';

export const forEachNode = defineNodeType({
  type: 'forEach', order: 80, title: 'For each', description: 'Runs the item branch once per element, then the done branch.', icon: 'RetweetOutlined', group: 'logic', schema,
  refs: [],
  scaffold: { type: 'forEach', config: { items: { $expr: '[]' } } },
  outputs: () => ['item', 'done'],
});
