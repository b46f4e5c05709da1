import { defineNodeType } from '../node-type';
import schema from './condition.node.schema.json';

export const conditionNode = defineNodeType({
  type: 'condition', order: 60, title: 'Condition', description: 'Continues on the true or false handle.', icon: 'BranchesOutlined', group: 'logic', schema,
  refs: [],
  scaffold: { type: 'condition', config: { expression: { $expr: 'true' } } },
  outputs: () => ['true', 'false'],
});
