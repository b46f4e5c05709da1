import { defineComponentType } from '../component-type';
import schema from './list.component.schema.json';

export const listComponent = defineComponentType({
  type: 'list', order: 20, title: 'List', description: 'A compact list of records with a title and subtitle.', icon: 'BarsOutlined', group: 'data',
  acceptsChildren: false, source: 'required', schema,
  refs: [{ path: 'titleField', kind: 'field' }, { path: 'subtitleField', kind: 'field' }, { path: 'itemLink', kind: 'page' }],
  scaffold: { type: 'list', props: { titleField: 'id' }, source: { kind: 'entity', entity: '' } },
});
