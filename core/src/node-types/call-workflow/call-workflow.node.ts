import { defineNodeType } from '../node-type';
import schema from './call-workflow.node.schema.json';

export const callWorkflowNode = defineNodeType({
  type: 'callWorkflow', order: 160, title: 'Call workflow', description: 'Runs another workflow of this app.', icon: 'NodeIndexOutlined', group: 'logic', schema,
  refs: [{ path: 'workflow', kind: 'workflow' }],
  scaffold: { type: 'callWorkflow', config: { workflow: '' } },
});
