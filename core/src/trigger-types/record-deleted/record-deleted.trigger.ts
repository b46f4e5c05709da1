import { defineTriggerType } from '../trigger-type';
import schema from './record-deleted.trigger.schema.json';

export const recordDeletedTrigger = defineTriggerType({
  type: 'record.deleted', order: 30, title: 'Record deleted', description: 'Runs when a record of the entity is deleted.', icon: 'DeleteOutlined', group: 'records', schema,
  refs: [{ path: 'entity', kind: 'entity' }, { path: 'filter', kind: 'filter' }],
  scaffold: { type: 'record.deleted', config: { entity: '' } },
});
