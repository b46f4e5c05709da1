import { defineComponentType } from '../component-type';
import schema from './column.component.schema.json';

export const columnComponent = defineComponentType({
  type: 'column', order: 90, title: 'Column', description: 'Stacks its children vertically; takes span/24 of a row.', icon: 'ColumnHeightOutlined', group: 'layout',
  acceptsChildren: true, source: 'none', schema,
  refs: [],
  scaffold: { type: 'column', props: { span: 12 }, children: [] },
});
