import { defineTriggerType } from '../trigger-type';
import schema from './form-submit.trigger.schema.json';
import texts from './form-submit.texts.json';

export const formSubmitTrigger = defineTriggerType({
  type: 'form.submit',
  order: 90,
  texts,
  icon: 'FormOutlined',
  group: 'records',
  schema,
  refs: [{ path: 'component', kind: 'component' }],
  scaffold: { type: 'form.submit', config: { component: '' } },
});
