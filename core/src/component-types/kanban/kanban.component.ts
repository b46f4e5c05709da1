import { defineComponentType } from '../component-type';
import schema from './kanban.component.schema.json';
import texts from './kanban.texts.json';

export const kanbanComponent = defineComponentType({
  type: 'kanban',
  order: 50,
  texts,
  icon: 'ProjectOutlined',
  group: 'data',
  acceptsChildren: false,
  source: 'required',
  schema,
  refs: [
    { path: 'groupBy', kind: 'field', accepts: 'options' },
    { path: 'titleField', kind: 'field' },
    { path: 'cardFields.*', kind: 'field' },
    { path: 'cardLink', kind: 'page' },
  ],
  scaffold: { type: 'kanban', props: { groupBy: '', titleField: 'id' }, source: { kind: 'entity', entity: '' } },
});
