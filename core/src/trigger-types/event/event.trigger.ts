import { defineTriggerType } from '../trigger-type';
import schema from './event.trigger.schema.json';
import texts from './event.texts.json';

export const eventTrigger = defineTriggerType({
  type: 'event',
  order: 40,
  texts,
  icon: 'ThunderboltOutlined',
  group: 'behaviour',
  schema,
  refs: [],
  scaffold: { type: 'event', config: { event: 'page.viewed' } },
});
