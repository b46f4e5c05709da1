import { defineComponentType } from '../component-type';
import schema from './row.component.schema.json';

export const rowComponent = defineComponentType({
  type: 'row', order: 80, title: 'Row', description: 'Lays its children out side by side.', icon: 'ColumnWidthOutlined', group: 'layout',
  acceptsChildren: true, source: 'none', schema,
  refs: [],
  scaffold: { type: 'row', props: {}, children: [] },
});
