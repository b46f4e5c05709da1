import { defineNodeType } from '../node-type';
import schema from './connector.node.schema.json';

export const connectorNode = defineNodeType({
  type: 'connector', order: 10, title: 'Connector operation', description: 'Calls an operation of a connection (a customer API, email, …).', icon: 'ApiOutlined', group: 'integration', schema,
  refs: [{ path: 'connection', kind: 'connection' }],
  scaffold: { type: 'connector', config: { connection: '', operation: '' } },
});
