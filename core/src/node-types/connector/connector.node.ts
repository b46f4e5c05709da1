import { defineNodeType } from '../node-type';
import schema from './connector.node.schema.json';
import texts from './connector.texts.json';

export const connectorNode = defineNodeType({
  type: 'connector',
  order: 10,
  texts,
  icon: 'ApiOutlined',
  group: 'integration',
  schema,
  refs: [{ path: 'connection', kind: 'connection' }],
  scaffold: { type: 'connector', config: { connection: '', operation: '' } },
});
