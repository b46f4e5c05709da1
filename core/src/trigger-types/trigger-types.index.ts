/** Every workflow trigger type folder. Adding a type: a folder plus one line here. */
import { createRegistry } from '../registry/registry';
import { eventTrigger } from './event/event.trigger';
import { formSubmitTrigger } from './form-submit/form-submit.trigger';
import { manualTrigger } from './manual/manual.trigger';
import { recordCreatedTrigger } from './record-created/record-created.trigger';
import { recordDeletedTrigger } from './record-deleted/record-deleted.trigger';
import { recordUpdatedTrigger } from './record-updated/record-updated.trigger';
import { scheduleTrigger } from './schedule/schedule.trigger';
import { segmentEnteredTrigger } from './segment-entered/segment-entered.trigger';
import { segmentExitedTrigger } from './segment-exited/segment-exited.trigger';
import type { TriggerTypeDescriptor } from './trigger-type';
import { webhookTrigger } from './webhook/webhook.trigger';

export const triggerTypes = createRegistry<TriggerTypeDescriptor>('trigger type', [
  recordCreatedTrigger, recordUpdatedTrigger, recordDeletedTrigger, eventTrigger, segmentEnteredTrigger,
  segmentExitedTrigger, scheduleTrigger, webhookTrigger, formSubmitTrigger, manualTrigger,
]);
