import { defineTriggerType } from '../trigger-type';
import schema from './segment-exited.trigger.schema.json';
import texts from './segment-exited.texts.json';

export const segmentExitedTrigger = defineTriggerType({
  type: 'segment.exited',
  order: 60,
  texts,
  icon: 'LogoutOutlined',
  group: 'behaviour',
  schema,
  refs: [{ path: 'segment', kind: 'segment' }],
  scaffold: { type: 'segment.exited', config: { segment: '' } },
});
