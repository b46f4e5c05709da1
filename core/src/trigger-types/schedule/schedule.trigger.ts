import { defineTriggerType } from '../trigger-type';
import schema from './schedule.trigger.schema.json';
import texts from './schedule.texts.json';

export const scheduleTrigger = defineTriggerType({
  type: 'schedule',
  order: 70,
  texts,
  icon: 'ClockCircleOutlined',
  group: 'time',
  schema,
  refs: [],
  scaffold: { type: 'schedule', config: { cron: '0 9 * * 1-5', timezone: 'UTC' } },
});
