/**
 * The connectors every Tessera server has. Each is a folder: its manifest, one file per operation
 * (JSON for declarative ones, a handler beside it for code), its tests.
 */
import type { CodeConnector } from '../sdk/define-connector';
import { httpConnector } from './http/http.connector';
import { recordsConnector } from './records/records.connector';
import { smtpConnector } from './smtp/smtp.connector';
import { webhookConnector } from './webhook/webhook.connector';

export const BUILTIN_CONNECTORS: readonly CodeConnector[] = [httpConnector, recordsConnector, smtpConnector, webhookConnector];
