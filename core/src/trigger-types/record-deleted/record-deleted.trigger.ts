import { defineTriggerType } from '../trigger-type';
import schema from './record-deleted.trigger.schema.json';
import texts from './record-deleted.texts.json';

export const recordDeletedTrigger = defineTriggerType({
  type: 'record.deleted',
  order: 30,
  texts,
  icon: 'DeleteOutlined',
  group: 'records',
  schema,
  refs: [
    { path: 'entity', kind: 'entity' },
    { path: 'filter', kind: 'filter' },
  ],
  scaffold: { type: 'record.deleted', config: { entity: '' } },
});
