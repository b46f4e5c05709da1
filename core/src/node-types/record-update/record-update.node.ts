import { defineNodeType } from '../node-type';
import schema from './record-update.node.schema.json';
import texts from './record-update.texts.json';

export const recordUpdateNode = defineNodeType({
  type: 'record.update',
  order: 30,
  texts,
  icon: 'EditOutlined',
  group: 'data',
  schema,
  refs: [
    { path: 'entity', kind: 'entity' },
    { path: 'values.{}', kind: 'input' },
  ],
  scaffold: { type: 'record.update', config: { entity: '', recordId: { $expr: 'trigger.record.id' }, values: {} } },
});
