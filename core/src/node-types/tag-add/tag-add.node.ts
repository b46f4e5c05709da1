import { defineNodeType } from '../node-type';
import schema from './tag-add.node.schema.json';
import texts from './tag-add.texts.json';

export const tagAddNode = defineNodeType({
  type: 'tag.add',
  order: 110,
  texts,
  icon: 'TagOutlined',
  group: 'people',
  schema,
  refs: [
    { path: 'tag', kind: 'tag' },
    { path: 'entity', kind: 'entity' },
  ],
  scaffold: { type: 'tag.add', config: { tag: '' } },
});
