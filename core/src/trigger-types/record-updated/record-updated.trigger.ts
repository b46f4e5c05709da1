import { defineTriggerType } from '../trigger-type';
import schema from './record-updated.trigger.schema.json';

export const recordUpdatedTrigger = defineTriggerType({
  type: 'record.updated', order: 20, title: 'Record updated', description: 'Runs when a record of the entity is updated.', icon: 'EditOutlined', group: 'records', schema,
  refs: [{ path: 'entity', kind: 'entity' }, { path: 'fields.*', kind: 'field' }, { path: 'filter', kind: 'filter' }],
  scaffold: { type: 'record.updated', config: { entity: '' } },
});
