import { defineTriggerType } from '../trigger-type';
import schema from './webhook.trigger.schema.json';
import texts from './webhook.texts.json';

export const webhookTrigger = defineTriggerType({
  type: 'webhook',
  order: 80,
  texts,
  icon: 'ApiOutlined',
  group: 'external',
  schema,
  refs: [],
  scaffold: { type: 'webhook', config: { method: 'POST' } },
});
