import { defineNodeType } from '../node-type';
import schema from './record-find.node.schema.json';
import texts from './record-find.texts.json';

export const recordFindNode = defineNodeType({
  type: 'record.find',
  order: 40,
  texts,
  icon: 'SearchOutlined',
  group: 'data',
  schema,
  refs: [
    { path: 'entity', kind: 'entity' },
    { path: 'filter', kind: 'filter' },
    { path: 'sort', kind: 'sort' },
  ],
  scaffold: { type: 'record.find', config: { entity: '' } },
});
