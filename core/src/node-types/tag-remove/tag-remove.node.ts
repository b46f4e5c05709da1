import { defineNodeType } from '../node-type';
import schema from './tag-remove.node.schema.json';

export const tagRemoveNode = defineNodeType({
  type: 'tag.remove', order: 120, title: 'Remove tag', description: 'Removes a tag from a record or profile.', icon: 'TagOutlined', group: 'people', schema,
  refs: [{ path: 'tag', kind: 'tag' }, { path: 'entity', kind: 'entity' }],
  scaffold: { type: 'tag.remove', config: { tag: '' } },
});
