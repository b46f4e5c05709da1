import { defineNodeType } from '../node-type';
import schema from './notify.node.schema.json';

export const notifyNode = defineNodeType({
  type: 'notify', order: 140, title: 'Notify', description: 'Sends an in-app or email notification.', icon: 'BellOutlined', group: 'people', schema,
  refs: [],
  scaffold: { type: 'notify', config: { channel: 'inApp', to: '', message: '' } },
});
