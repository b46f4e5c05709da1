import { defineNodeType } from '../node-type';
import schema from './transform.node.schema.json';
import texts from './transform.texts.json';

export const transformNode = defineNodeType({
  type: 'transform',
  order: 50,
  texts,
  icon: 'FunctionOutlined',
  group: 'data',
  schema,
  refs: [],
  scaffold: { type: 'transform', config: { expression: { $expr: '$' } } },
});
