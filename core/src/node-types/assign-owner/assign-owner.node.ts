import { defineNodeType } from '../node-type';
import schema from './assign-owner.node.schema.json';

export const assignOwnerNode = defineNodeType({
  type: 'assignOwner', order: 130, title: 'Assign owner', description: 'Sets the owner of a record (round robin, least loaded or fixed).', icon: 'UserSwitchOutlined', group: 'people', schema,
  refs: [{ path: 'entity', kind: 'entity' }, { path: 'role', kind: 'role' }],
  scaffold: { type: 'assignOwner', config: { entity: '', strategy: 'roundRobin' } },
});
