import { defineComponentType } from '../component-type';
import schema from './form.component.schema.json';
import texts from './form.texts.json';

export const formComponent = defineComponentType({
  type: 'form',
  order: 30,
  texts,
  icon: 'FormOutlined',
  group: 'data',
  acceptsChildren: false,
  source: 'required',
  schema,
  refs: [
    { path: 'fields.*.field', kind: 'input' },
    { path: 'afterSubmit', kind: 'page' },
  ],
  scaffold: { type: 'form', props: { mode: 'create', fields: [] }, source: { kind: 'entity', entity: '' } },
});
