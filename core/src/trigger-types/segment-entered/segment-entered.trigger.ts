import { defineTriggerType } from '../trigger-type';
import schema from './segment-entered.trigger.schema.json';

export const segmentEnteredTrigger = defineTriggerType({
  type: 'segment.entered', order: 50, title: 'Entered segment', description: 'Runs when a profile starts matching a segment.', icon: 'LoginOutlined', group: 'behaviour', schema,
  refs: [{ path: 'segment', kind: 'segment' }],
  scaffold: { type: 'segment.entered', config: { segment: '' } },
});
