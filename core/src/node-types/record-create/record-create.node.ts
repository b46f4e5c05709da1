import { defineNodeType } from '../node-type';
import schema from './record-create.node.schema.json';
import texts from './record-create.texts.json';

export const recordCreateNode = defineNodeType({
  type: 'record.create',
  order: 20,
  texts,
  icon: 'FileAddOutlined',
  group: 'data',
  schema,
  refs: [
    { path: 'entity', kind: 'entity' },
    { path: 'values.{}', kind: 'input' },
  ],
  scaffold: { type: 'record.create', config: { entity: '', values: {} } },
});
