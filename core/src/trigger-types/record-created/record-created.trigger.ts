import { defineTriggerType } from '../trigger-type';
import schema from './record-created.trigger.schema.json';
import texts from './record-created.texts.json';

export const recordCreatedTrigger = defineTriggerType({
  type: 'record.created',
  order: 10,
  texts,
  icon: 'PlusCircleOutlined',
  group: 'records',
  schema,
  refs: [
    { path: 'entity', kind: 'entity' },
    { path: 'filter', kind: 'filter' },
  ],
  scaffold: { type: 'record.created', config: { entity: '' } },
});
