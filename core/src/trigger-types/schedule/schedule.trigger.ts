import { defineTriggerType } from '../trigger-type';
import schema from './schedule.trigger.schema.json';

export const scheduleTrigger = defineTriggerType({
  type: 'schedule', order: 70, title: 'Schedule', description: 'Runs on a cron schedule.', icon: 'ClockCircleOutlined', group: 'time', schema,
  refs: [],
  scaffold: { type: 'schedule', config: { cron: '0 9 * * 1-5', timezone: 'UTC' } },
});
