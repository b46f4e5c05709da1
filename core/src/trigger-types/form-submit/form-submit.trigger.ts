import { defineTriggerType } from '../trigger-type';
import schema from './form-submit.trigger.schema.json';

export const formSubmitTrigger = defineTriggerType({
  type: 'form.submit', order: 90, title: 'Form submitted', description: 'Runs when a form component is submitted.', icon: 'FormOutlined', group: 'records', schema,
  refs: [{ path: 'component', kind: 'component' }],
  scaffold: { type: 'form.submit', config: { component: '' } },
});
