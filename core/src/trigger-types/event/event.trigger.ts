import { defineTriggerType } from '../trigger-type';
import schema from './event.trigger.schema.json';

export const eventTrigger = defineTriggerType({
  type: 'event', order: 40, title: 'Behaviour event', description: 'Runs when a tracked behaviour event arrives.', icon: 'ThunderboltOutlined', group: 'behaviour', schema,
  refs: [],
  scaffold: { type: 'event', config: { event: 'page.viewed' } },
});
