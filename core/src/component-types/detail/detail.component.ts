import { defineComponentType } from '../component-type';
import schema from './detail.component.schema.json';
import texts from './detail.texts.json';

export const detailComponent = defineComponentType({
  type: 'detail',
  order: 40,
  texts,
  icon: 'ProfileOutlined',
  group: 'data',
  acceptsChildren: false,
  source: 'required',
  schema,
  refs: [{ path: 'fields.*.field', kind: 'field' }],
  scaffold: { type: 'detail', props: { fields: [] }, source: { kind: 'entity', entity: '' } },
});
