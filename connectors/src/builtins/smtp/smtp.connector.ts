import { defineConnector } from '../../sdk/define-connector';
import manifest from './smtp.manifest.json';
import sendEmailOperation from './operations/send-email.operation.json';
import { sendEmail } from './operations/send-email';

export const smtpConnector = defineConnector({ manifest: { ...manifest, operations: [sendEmailOperation] }, handlers: { sendEmail } });
