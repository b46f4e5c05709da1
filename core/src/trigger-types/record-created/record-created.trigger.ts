import { defineTriggerType } from '../trigger-type';
import schema from './record-created.trigger.schema.json';

export const recordCreatedTrigger = defineTriggerType({
  type: 'record.created', order: 10, title: 'Record created', description: 'Runs when a record of the entity is created.', icon: 'PlusCircleOutlined', group: 'records', schema,
  refs: [{ path: 'entity', kind: 'entity' }, { path: 'filter', kind: 'filter' }],
  scaffold: { type: 'record.created', config: { entity: '' } },
});
