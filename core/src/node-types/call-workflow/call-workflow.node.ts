import { defineNodeType } from '../node-type';
import schema from './call-workflow.node.schema.json';
import texts from './call-workflow.texts.json';

export const callWorkflowNode = defineNodeType({
  type: 'callWorkflow',
  order: 160,
  texts,
  icon: 'NodeIndexOutlined',
  group: 'logic',
  schema,
  refs: [{ path: 'workflow', kind: 'workflow' }],
  scaffold: { type: 'callWorkflow', config: { workflow: '' } },
});
