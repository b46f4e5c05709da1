import { defineComponentType } from '../component-type';
import schema from './column.component.schema.json';
import texts from './column.texts.json';

export const columnComponent = defineComponentType({
  type: 'column',
  order: 90,
  texts,
  icon: 'ColumnHeightOutlined',
  group: 'layout',
  acceptsChildren: true,
  source: 'none',
  schema,
  refs: [],
  scaffold: { type: 'column', props: { span: 12 }, children: [] },
});
