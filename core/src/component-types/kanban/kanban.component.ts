import { defineComponentType } from '../component-type';
import schema from './kanban.component.schema.json';

export const kanbanComponent = defineComponentType({
  type: 'kanban', order: 50, title: 'Kanban', description: 'Cards in lanes by an enum field; dragging a card changes it.', icon: 'ProjectOutlined', group: 'data',
  acceptsChildren: false, source: 'required', schema,
  refs: [{ path: 'groupBy', kind: 'field' }, { path: 'titleField', kind: 'field' }, { path: 'cardFields.*', kind: 'field' }, { path: 'cardLink', kind: 'page' }],
  scaffold: { type: 'kanban', props: { groupBy: '', titleField: 'id' }, source: { kind: 'entity', entity: '' } },
});
