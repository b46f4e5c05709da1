import { defineTriggerType } from '../trigger-type';
import schema from './manual.trigger.schema.json';

export const manualTrigger = defineTriggerType({
  type: 'manual', order: 100, title: 'Manual', description: 'Runs when a user clicks its button.', icon: 'PlayCircleOutlined', group: 'external', schema,
  refs: [{ path: 'entity', kind: 'entity' }],
  scaffold: { type: 'manual', config: { label: 'Run' } },
});
