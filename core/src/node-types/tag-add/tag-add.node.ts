import { defineNodeType } from '../node-type';
import schema from './tag-add.node.schema.json';

export const tagAddNode = defineNodeType({
  type: 'tag.add', order: 110, title: 'Add tag', description: 'Adds a tag to a record or profile.', icon: 'TagOutlined', group: 'people', schema,
  refs: [{ path: 'tag', kind: 'tag' }, { path: 'entity', kind: 'entity' }],
  scaffold: { type: 'tag.add', config: { tag: '' } },
});
