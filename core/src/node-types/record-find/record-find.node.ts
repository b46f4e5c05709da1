import { defineNodeType } from '../node-type';
import schema from './record-find.node.schema.json';

export const recordFindNode = defineNodeType({
  type: 'record.find', order: 40, title: 'Find records', description: 'Finds records matching a filter.', icon: 'SearchOutlined', group: 'data', schema,
  refs: [{ path: 'entity', kind: 'entity' }, { path: 'filter', kind: 'filter' }, { path: 'sort', kind: 'sort' }],
  scaffold: { type: 'record.find', config: { entity: '' } },
});
