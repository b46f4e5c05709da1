import { defineTriggerType } from '../trigger-type';
import schema from './segment-entered.trigger.schema.json';
import texts from './segment-entered.texts.json';

export const segmentEnteredTrigger = defineTriggerType({
  type: 'segment.entered',
  order: 50,
  texts,
  icon: 'LoginOutlined',
  group: 'behaviour',
  schema,
  refs: [{ path: 'segment', kind: 'segment' }],
  scaffold: { type: 'segment.entered', config: { segment: '' } },
});
