import { defineNodeType } from '../node-type';
import schema from './for-each.node.schema.json';
import texts from './for-each.texts.json';

export const forEachNode = defineNodeType({
  type: 'forEach',
  order: 80,
  texts,
  icon: 'RetweetOutlined',
  group: 'logic',
  schema,
  refs: [],
  scaffold: { type: 'forEach', config: { items: { $expr: '[]' } } },
  outputs: () => ['item', 'done'],
});
