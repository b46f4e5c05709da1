import { defineNodeType } from '../node-type';
import schema from './transform.node.schema.json';

export const transformNode = defineNodeType({
  type: 'transform', order: 50, title: 'Transform', description: 'Reshapes data with a JSONata expression.', icon: 'FunctionOutlined', group: 'data', schema,
  refs: [],
  scaffold: { type: 'transform', config: { expression: { $expr: '$' } } },
});
