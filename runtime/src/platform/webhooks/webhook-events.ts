/**
 * Deliveries as stored in `_webhook_events`, the interface a workflow trigger (issue 18) consumes:
 * `list` for the builder's view, `claim` to take received events one at a time (a version check
 * makes two workers never take the same one).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Store, StoredDoc } from '@tessera/core/store';
import { UniqueViolationError, VersionConflictError } from '@tessera/core/store';

export const WEBHOOK_EVENTS = '_webhook_events';

export interface WebhookEvent {
  id: string;
  app: string;
  connection: string;
  eventId: string | null;
  receivedAt: string;
  headers: Record<string, string>;
  payload: unknown;
  status: 'received' | 'claimed' | 'done';
}

export interface WebhookEvents {
  /** Stores a delivery; `duplicate` when its event id was stored before (nothing is written then). */
  append(e: Omit<WebhookEvent, 'id' | 'receivedAt' | 'status'>): Promise<{ event: WebhookEvent; duplicate: boolean }>;
  list(app: string, connection: string, limit?: number): Promise<WebhookEvent[]>;
  claim(app: string, connection: string, limit?: number): Promise<WebhookEvent[]>;
}

const toEvent = (d: StoredDoc): WebhookEvent => ({
  id: d.id,
  app: d.app as string,
  connection: d.connection as string,
  eventId: (d.eventId as string | null) ?? null,
  receivedAt: d.receivedAt as string,
  headers: (d.headers as Record<string, string>) ?? {},
  payload: d.payload,
  status: d.status as WebhookEvent['status'],
});

export function storeWebhookEvents(store: Store): WebhookEvents {
  let ready: Promise<unknown> | undefined;
  const coll = async () => {
    ready ??= store.ensureCollection({
      name: WEBHOOK_EVENTS,
      fields: [
        { name: 'app', kind: 'string', indexed: true },
        { name: 'connection', kind: 'string' },
        { name: 'receivedAt', kind: 'date' },
        { name: 'status', kind: 'string' },
      ],
    });
    await ready;
    return store.collection(WEBHOOK_EVENTS);
  };
  return {
    async append(e) {
      const c = await coll();
      // A delivery with an event id gets an id derived from it, so a second delivery collides on the primary key.
      const id = e.eventId
        ? createHash('sha256').update(`${e.app}\0${e.connection}\0${e.eventId}`).digest('hex').slice(0, 32)
        : randomUUID();
      const existing = e.eventId ? await c.get(id) : null;
      if (existing) return { event: toEvent(existing), duplicate: true };
      try {
        const doc = await c.insert({ id, ...e, receivedAt: new Date().toISOString(), status: 'received' });
        return { event: toEvent(doc), duplicate: false };
      } catch (err) {
        const raced = err instanceof UniqueViolationError || /unique|constraint/i.test(String(err)) ? await c.get(id) : null;
        if (raced) return { event: toEvent(raced), duplicate: true };
        throw err;
      }
    },
    async list(app, connection, limit = 50) {
      const page = await (await coll()).find({ filter: { app, connection }, sort: [{ field: 'receivedAt', dir: 'desc' }], limit });
      return page.items.map(toEvent);
    },
    async claim(app, connection, limit = 10) {
      const c = await coll();
      const page = await c.find({ filter: { app, connection, status: 'received' }, sort: [{ field: 'receivedAt', dir: 'asc' }], limit });
      const claimed: WebhookEvent[] = [];
      for (const d of page.items) {
        try {
          claimed.push(toEvent(await c.update(d.id, { status: 'claimed' }, { expectedVersion: d.version })));
        } catch (err) {
          if (!(err instanceof VersionConflictError)) throw err;
        }
      }
      return claimed;
    },
  };
}
