import { defineTriggerType } from '../trigger-type';
import schema from './record-updated.trigger.schema.json';
import texts from './record-updated.texts.json';

export const recordUpdatedTrigger = defineTriggerType({
  type: 'record.updated',
  order: 20,
  texts,
  icon: 'EditOutlined',
  group: 'records',
  schema,
  refs: [
    { path: 'entity', kind: 'entity' },
    { path: 'fields.*', kind: 'field' },
    { path: 'filter', kind: 'filter' },
  ],
  scaffold: { type: 'record.updated', config: { entity: '' } },
});
