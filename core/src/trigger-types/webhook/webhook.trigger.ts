import { defineTriggerType } from '../trigger-type';
import schema from './webhook.trigger.schema.json';

export const webhookTrigger = defineTriggerType({
  type: 'webhook', order: 80, title: 'Webhook', description: 'Runs when an HTTP request arrives at the inbound URL of the workflow.', icon: 'ApiOutlined', group: 'external', schema,
  refs: [],
  scaffold: { type: 'webhook', config: { method: 'POST' } },
});
