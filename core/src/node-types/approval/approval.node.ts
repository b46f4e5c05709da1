import { defineNodeType } from '../node-type';
import schema from './approval.node.schema.json';
import texts from './approval.texts.json';

export const approvalNode = defineNodeType({
  type: 'approval',
  order: 150,
  texts,
  icon: 'AuditOutlined',
  group: 'people',
  schema,
  refs: [{ path: 'role', kind: 'role' }],
  scaffold: { type: 'approval', config: { role: '', title: 'Approve?' } },
  outputs: () => ['approved', 'rejected'],
});
