import { defineComponentType } from '../component-type';
import schema from './row.component.schema.json';
import texts from './row.texts.json';

export const rowComponent = defineComponentType({
  type: 'row',
  order: 80,
  texts,
  icon: 'ColumnWidthOutlined',
  group: 'layout',
  acceptsChildren: true,
  source: 'none',
  schema,
  refs: [],
  scaffold: { type: 'row', props: {}, children: [] },
});
