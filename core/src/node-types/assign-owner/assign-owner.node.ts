import { defineNodeType } from '../node-type';
import schema from './assign-owner.node.schema.json';
import texts from './assign-owner.texts.json';

export const assignOwnerNode = defineNodeType({
  type: 'assignOwner',
  order: 130,
  texts,
  icon: 'UserSwitchOutlined',
  group: 'people',
  schema,
  refs: [
    { path: 'entity', kind: 'entity' },
    { path: 'role', kind: 'role' },
  ],
  scaffold: { type: 'assignOwner', config: { entity: '', strategy: 'roundRobin' } },
});
