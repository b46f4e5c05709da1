import { defineComponentType } from '../component-type';
import schema from './detail.component.schema.json';

export const detailComponent = defineComponentType({
  type: 'detail', order: 40, title: 'Detail', description: 'The fields of one record (the route :id) as a description list.', icon: 'ProfileOutlined', group: 'data',
  acceptsChildren: false, source: 'required', schema,
  refs: [{ path: 'fields.*.field', kind: 'field' }],
  scaffold: { type: 'detail', props: { fields: [] }, source: { kind: 'entity', entity: '' } },
});
