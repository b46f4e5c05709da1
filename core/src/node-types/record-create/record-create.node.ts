import { defineNodeType } from '../node-type';
import schema from './record-create.node.schema.json';

export const recordCreateNode = defineNodeType({
  type: 'record.create', order: 20, title: 'Create record', description: 'Creates a record from literal or computed values.', icon: 'FileAddOutlined', group: 'data', schema,
  refs: [{ path: 'entity', kind: 'entity' }, { path: 'values.{}', kind: 'input' }],
  scaffold: { type: 'record.create', config: { entity: '', values: {} } },
});
