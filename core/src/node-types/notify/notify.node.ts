import { defineNodeType } from '../node-type';
import schema from './notify.node.schema.json';
import texts from './notify.texts.json';

export const notifyNode = defineNodeType({
  type: 'notify',
  order: 140,
  texts,
  icon: 'BellOutlined',
  group: 'people',
  schema,
  refs: [],
  scaffold: { type: 'notify', config: { channel: 'inApp', to: '', message: '' } },
});
