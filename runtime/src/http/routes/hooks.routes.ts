import { Router } from 'express';
import type { Platform } from '../../platform/platform';
import { requireRole } from '../auth.middleware';
import { param } from '../params';
import { Problem } from '../problem';
import { readCappedBody } from '../../platform/webhooks/read-capped-body';
import { receiveDelivery, webhookConnection } from '../../platform/webhooks/receive-delivery';
import { webhookConfig } from '../../platform/webhooks/webhook-config';
import type { WebhookEvents } from '../../platform/webhooks/webhook-events';
import { WebhookRate } from '../../platform/webhooks/webhook-rate';

/**
 * Inbound webhooks, mounted before the API's JSON parser and session auth: the raw bytes are
 * what a signature covers, and the signature (not a session) authenticates the sender.
 */
export function inboundHooksRoutes(platform: Platform, events: WebhookEvents): Router {
  const r = Router();
  const rate = new WebhookRate();
  r.post('/:appId/:connectionId', async (req, res) => {
    const appId = param(req, 'appId');
    const connection = await webhookConnection(platform, appId, param(req, 'connectionId'));
    const config = webhookConfig(connection.config as Record<string, unknown> | undefined);
    if (!rate.allow(`${appId}/${connection.id}`, config.ratePerMinute)) {
      res.setHeader('retry-after', '60');
      throw new Problem(429, 'Too many requests', 'too many deliveries to this webhook; retry later');
    }
    const body = await readCappedBody(req, config.maxBodyBytes);
    const { event, duplicate } = await receiveDelivery(platform, events, { appId, connection, headers: req.headers, body });
    res.status(duplicate ? 200 : 201).json({ id: event.id, duplicate });
  });
  return r;
}

/** What builders see of a webhook connection: the URL to give the customer's system and the recent deliveries. */
export function hookDeliveriesRoutes(platform: Platform, events: WebhookEvents): Router {
  const r = Router();
  r.get('/apps/:appId/connections/:c/deliveries', requireRole('builder'), async (req, res) => {
    const appId = param(req, 'appId');
    const connection = await webhookConnection(platform, appId, param(req, 'c'));
    const url = `${req.protocol}://${req.get('host')}/api/hooks/${encodeURIComponent(appId)}/${encodeURIComponent(connection.id)}`;
    const items = (await events.list(appId, connection.id)).map(({ id, eventId, receivedAt, status, headers, payload }) => ({
      id,
      eventId,
      receivedAt,
      status,
      headers,
      payload,
    }));
    res.json({ url, signature: webhookConfig(connection.config as Record<string, unknown> | undefined).signature, items });
  });
  return r;
}
