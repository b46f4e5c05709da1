import { defineTriggerType } from '../trigger-type';
import schema from './segment-exited.trigger.schema.json';

export const segmentExitedTrigger = defineTriggerType({
  type: 'segment.exited', order: 60, title: 'Left segment', description: 'Runs when a profile stops matching a segment.', icon: 'LogoutOutlined', group: 'behaviour', schema,
  refs: [{ path: 'segment', kind: 'segment' }],
  scaffold: { type: 'segment.exited', config: { segment: '' } },
});
