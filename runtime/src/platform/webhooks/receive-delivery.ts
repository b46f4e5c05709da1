/**
 * One inbound delivery, from raw bytes to a stored event: find the published app's webhook
 * connection, check size, signature, JSON and schema, then store it (durably, before the caller
 * answers 2xx). Every refusal stores nothing.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Connection } from '@tessera/core';
import { createAjv, formatAjvErrors, MAX_JSON_DEPTH, tooDeepAt } from '@tessera/core';
import type { ValidateFunction } from 'ajv';
import type { Platform } from '../platform';
import { badRequest, notFound, Problem, unprocessable } from '../../http/problem';
import { webhookConfig, type WebhookConfig } from './webhook-config';
import { signatureValid } from './webhook-signature';
import type { WebhookEvents, WebhookEvent } from './webhook-events';
import { NotFound } from '../../domain-errors';

/** Headers worth keeping with an event (never an authorization or a signature). */
const KEPT_HEADERS = ['content-type', 'user-agent', 'x-request-id'];
const gone = () => notFound('no such webhook'); // the same for every unknown/unpublished/non-webhook target

export async function webhookConnection(platform: Platform, appId: string, connectionId: string): Promise<Connection> {
  const published = await platform.apps.getPublished(appId).catch(() => null);
  const connections = ((published?.definition as { connections?: Connection[] } | undefined)?.connections ?? []) as Connection[];
  const connection = connections.find((c) => c.id === connectionId);
  if (!connection || !/^webhook(@|$)/.test(connection.connector)) throw gone();
  return connection;
}

async function secretOf(platform: Platform, appId: string, ref: string | undefined): Promise<string | undefined> {
  if (!ref) return undefined;
  try {
    const c = await platform.credentials.getCredential(appId, ref);
    return c.type === 'apiKey' ? c.key : c.type === 'bearer' ? c.token : undefined;
  } catch (err) {
    if (err instanceof NotFound) return undefined;
    throw err;
  }
}

const schemaCache = new WeakMap<object, ValidateFunction>();
function validatorFor(schema: object): ValidateFunction {
  let v = schemaCache.get(schema);
  if (!v) schemaCache.set(schema, (v = createAjv().compile(schema)));
  return v;
}

const at = (value: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), value);

export interface Delivery {
  appId: string;
  connection: Connection;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export async function receiveDelivery(
  platform: Platform,
  events: WebhookEvents,
  d: Delivery,
): Promise<{ event: WebhookEvent; duplicate: boolean }> {
  const config: WebhookConfig = webhookConfig(d.connection.config as Record<string, unknown> | undefined);
  const header = d.headers[config.signatureHeader];
  const secret = await secretOf(platform, d.appId, d.connection.credential);
  if (!signatureValid(config, secret, Array.isArray(header) ? header[0] : header, d.body)) {
    throw new Problem(401, 'Unauthorized', 'the delivery is not signed as this webhook expects');
  }
  let payload: unknown;
  try {
    payload = JSON.parse(d.body.toString('utf8'));
  } catch {
    throw badRequest('the body is not JSON');
  }
  // The API's own bound on nesting (its JSON parser is not on this route): a payload nested deeper
  // would overflow the stack of the schema check, the store and every later reader.
  const deep = payload && typeof payload === 'object' ? tooDeepAt(payload) : null;
  if (deep !== null)
    throw unprocessable(`the payload nests deeper than ${MAX_JSON_DEPTH} levels`, [
      { pointer: deep, message: `nests deeper than ${MAX_JSON_DEPTH} levels` },
    ]);
  if (config.payloadSchema !== undefined && typeof config.payloadSchema === 'object') {
    const validate = validatorFor(config.payloadSchema);
    if (!validate(payload)) throw unprocessable('the payload does not match the webhook schema', formatAjvErrors(validate.errors));
  }
  const fromHeader = config.eventIdHeader ? d.headers[config.eventIdHeader] : undefined;
  const fromField = config.eventIdField ? at(payload, config.eventIdField) : undefined;
  const rawId = (Array.isArray(fromHeader) ? fromHeader[0] : fromHeader) ?? fromField;
  const eventId = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId).slice(0, 200) : null;
  const headers: Record<string, string> = {};
  for (const h of [...KEPT_HEADERS, ...(config.eventIdHeader ? [config.eventIdHeader] : [])]) {
    const v = d.headers[h];
    if (typeof v === 'string') headers[h] = v.slice(0, 500);
  }
  return events.append({ app: d.appId, connection: d.connection.id, eventId, headers, payload });
}
