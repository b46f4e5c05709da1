import { defineComponentType } from '../component-type';
import schema from './list.component.schema.json';
import texts from './list.texts.json';

export const listComponent = defineComponentType({
  type: 'list',
  order: 20,
  texts,
  icon: 'BarsOutlined',
  group: 'data',
  acceptsChildren: false,
  source: 'required',
  schema,
  refs: [
    { path: 'titleField', kind: 'field' },
    { path: 'subtitleField', kind: 'field' },
    { path: 'itemLink', kind: 'page' },
  ],
  scaffold: { type: 'list', props: { titleField: 'id' }, source: { kind: 'entity', entity: '' } },
});
