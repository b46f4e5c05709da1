import { defineNodeType } from '../node-type';
import schema from './approval.node.schema.json';

export const approvalNode = defineNodeType({
  type: 'approval', order: 150, title: 'Approval', description: 'Waits for a user of a role to approve or reject.', icon: 'AuditOutlined', group: 'people', schema,
  refs: [{ path: 'role', kind: 'role' }],
  scaffold: { type: 'approval', config: { role: '', title: 'Approve?' } },
  outputs: () => ['approved', 'rejected'],
});
