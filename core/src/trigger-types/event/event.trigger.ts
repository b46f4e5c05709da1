import { defineTriggerType } from '../trigger-type';
import schema from './event.trigger.schema.json';

export const eventTrigger = defineTriggerType({
  type: 'event', title: 'Behaviour event', description: 'Runs when a tracked behaviour event arrives.', icon: 'ThunderboltOutlined', group: 'behaviour', schema,
  refs: [],
  scaffold: { type: 'event', config: { event: 'page.viewed' } },
});
