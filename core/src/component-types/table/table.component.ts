import { defineComponentType } from '../component-type';
import schema from './table.component.schema.json';
import texts from './table.texts.json';

export const tableComponent = defineComponentType({
  type: 'table',
  order: 10,
  texts,
  icon: 'TableOutlined',
  group: 'data',
  acceptsChildren: false,
  source: 'required',
  schema,
  refs: [
    { path: 'columns.*.field', kind: 'field' },
    { path: 'rowLink', kind: 'page' },
  ],
  scaffold: { type: 'table', props: { columns: [{ field: 'id' }] }, source: { kind: 'entity', entity: '' } },
});
