import { defineTriggerType } from '../trigger-type';
import schema from './manual.trigger.schema.json';
import texts from './manual.texts.json';

export const manualTrigger = defineTriggerType({
  type: 'manual',
  order: 100,
  texts,
  icon: 'PlayCircleOutlined',
  group: 'external',
  schema,
  refs: [{ path: 'entity', kind: 'entity' }],
  scaffold: { type: 'manual', config: { label: 'Run' } },
});
