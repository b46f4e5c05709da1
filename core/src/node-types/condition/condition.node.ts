import { defineNodeType } from '../node-type';
import schema from './condition.node.schema.json';
import texts from './condition.texts.json';

export const conditionNode = defineNodeType({
  type: 'condition',
  order: 60,
  texts,
  icon: 'BranchesOutlined',
  group: 'logic',
  schema,
  refs: [],
  scaffold: { type: 'condition', config: { expression: { $expr: 'true' } } },
  outputs: () => ['true', 'false'],
});
