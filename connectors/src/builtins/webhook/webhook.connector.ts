import { defineConnector } from '../../sdk/define-connector';
import manifest from './webhook.manifest.json';
import describeOperation from './operations/describe.operation.json';
import { describe } from './operations/describe';

/** Inbound only: the runtime receives deliveries (runtime/src/platform/webhooks); `received` is the trigger workflows consume. */
export const webhookConnector = defineConnector({ manifest: { ...manifest, operations: [describeOperation] }, handlers: { describe } });
