import { defineNodeType } from '../node-type';
import schema from './tag-remove.node.schema.json';
import texts from './tag-remove.texts.json';

export const tagRemoveNode = defineNodeType({
  type: 'tag.remove',
  order: 120,
  texts,
  icon: 'TagOutlined',
  group: 'people',
  schema,
  refs: [
    { path: 'tag', kind: 'tag' },
    { path: 'entity', kind: 'entity' },
  ],
  scaffold: { type: 'tag.remove', config: { tag: '' } },
});
