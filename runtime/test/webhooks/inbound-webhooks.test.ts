/**
 * Inbound webhooks on a real server over a real SQLite file: signed deliveries are stored before
 * the answer and listed for builders; every refusal (signature, replay, size, JSON, schema) stores
 * nothing; a redelivery is stored once; the secret is never in an answer or a log line.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import { apiFor, contactsApp, startOn, startTestServer, type TestServer } from '../helpers/tessera';
import type { Running } from '../../src/cli/start';

const APP = 'shop-hooks';
const SECRET = 'whsec-5b1f0e77c2a94d3b';
let t: TestServer;
const lines: string[] = [];

const app = () => ({
  ...contactsApp(APP),
  connections: [
    {
      id: 'orders',
      connector: 'webhook@^1.0.0',
      credential: 'hookSecret',
      config: {
        signature: 'hmac-sha256',
        signatureHeader: 'X-Shop-Signature',
        signaturePrefix: 'sha256=',
        eventIdHeader: 'X-Event-Id',
        maxBodyBytes: 4096,
        payloadSchema: { type: 'object', properties: { orderId: { type: 'string' }, total: { type: 'number' } }, required: ['orderId'] },
      },
    },
    {
      id: 'payments',
      connector: 'webhook@^1.0.0',
      credential: 'hookSecret',
      config: { signature: 'stripe', toleranceSeconds: 300, eventIdField: 'id' },
    },
    { id: 'open', connector: 'webhook@^1.0.0', config: { signature: 'none', ratePerMinute: 2 } },
    { id: 'api', connector: 'http@^1.0.0', config: { baseUrl: 'https://shop.example' } },
  ],
});

const sign = (body: string) => 'sha256=' + createHmac('sha256', SECRET).update(body).digest('hex');
const post = async (path: string, body: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${t.url}/api/hooks/${APP}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await res.text();
  return { status: res.status, text, body: text ? JSON.parse(text) : null };
};
const order = (body: string, id: string, signature = sign(body)) =>
  post('orders', body, { 'x-shop-signature': signature, 'x-event-id': id });
const deliveries = async (c = 'orders') => (await t.api('GET', `/api/apps/${APP}/connections/${c}/deliveries`)).body;

beforeAll(async () => {
  t = await startTestServer();
  expect((await t.api('POST', '/api/apps', app())).status).toBe(201);
  const published = await t.api('POST', `/api/apps/${APP}/publish`, {});
  expect([published.status, published.body.errors]).toEqual([201, undefined]);
  expect((await t.api('PUT', `/api/apps/${APP}/credentials/hookSecret`, { type: 'bearer', token: SECRET })).status).toBe(201);
}, 60_000);
afterAll(async () => t?.close());

describe('inbound webhooks', () => {
  it('stores a signed delivery and lists it for builders with the URL to give the sender', async () => {
    const body = JSON.stringify({ orderId: 'o-1', total: 12.5 });
    const res = await order(body, 'evt-1');
    expect([res.status, res.body.duplicate]).toEqual([201, false]);
    const list = await deliveries();
    expect(list.url).toBe(`${t.url}/api/hooks/${APP}/orders`);
    expect(list.items).toEqual([
      expect.objectContaining({ eventId: 'evt-1', status: 'received', payload: { orderId: 'o-1', total: 12.5 } }),
    ]);
    expect(list.items[0].headers).not.toHaveProperty('x-shop-signature');
  });

  it('answers 200 for the same delivery again and stores it once', async () => {
    const body = JSON.stringify({ orderId: 'o-1', total: 12.5 });
    const again = await order(body, 'evt-1');
    expect([again.status, again.body.duplicate]).toEqual([200, true]);
    expect((await deliveries()).items).toHaveLength(1);
  });

  it('refuses a wrong signature with 401 and no detail, storing nothing', async () => {
    const body = JSON.stringify({ orderId: 'o-2' });
    const res = await order(body, 'evt-2', sign('something else'));
    expect(res.status).toBe(401);
    expect(res.body.detail).toBe('the delivery is not signed as this webhook expects');
    expect((await post('orders', body)).status).toBe(401); // no signature at all: the same answer
    expect((await deliveries()).items).toHaveLength(1);
  });

  it('refuses an oversized body with 413, invalid JSON with 400 and a payload off the schema with 422 with pointers', async () => {
    const big = JSON.stringify({ orderId: 'x'.repeat(10 * 1024 * 1024) });
    expect((await order(big, 'evt-big', 'sha256=00')).status).toBe(413);
    const notJson = '{"orderId":';
    expect((await order(notJson, 'evt-3')).status).toBe(400);
    const off = JSON.stringify({ total: 'many' });
    const res = await order(off, 'evt-4');
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(expect.arrayContaining(['/total']));
    expect((await deliveries()).items).toHaveLength(1);
  });

  it('refuses a payload nested deeper than the API allows with 422, and keeps answering', async () => {
    const deep = `${'['.repeat(1_000)}${']'.repeat(1_000)}`; // 2 KB: within the connection's 4 KB cap
    const res = await order(deep, 'evt-deep');
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(/nests deeper than \d+ levels/);
    expect((await fetch(`${t.url}/api/health`)).status).toBe(200);
    expect((await deliveries()).items).toHaveLength(1);
  });

  it('refuses a chunked body (no Content-Length) once it passes the cap, without reading the rest', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${t.url}/api/hooks/${APP}/orders`, { method: 'POST', headers: { 'content-type': 'application/json' } });
      req.on('response', (res) => (res.resume(), resolve(res.statusCode ?? 0)));
      req.on('error', reject);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 10 * 1024 * 1024 && req.write(chunk)) sent += chunk.length;
        if (sent < 10 * 1024 * 1024) req.once('drain', pump);
        else req.end();
      };
      pump();
    });
    expect(status).toBe(413);
    expect((await deliveries()).items).toHaveLength(1);
  });

  it('checks Stripe-style signatures and refuses one outside the tolerance (a replay)', async () => {
    const body = JSON.stringify({ id: 'evt_stripe_1', type: 'charge.succeeded' });
    const stripe = (ts: number) => `t=${ts},v1=${createHmac('sha256', SECRET).update(`${ts}.${body}`).digest('hex')}`;
    const now = Math.floor(Date.now() / 1000);
    expect((await post('payments', body, { 'stripe-signature': stripe(now - 3600) })).status).toBe(401);
    expect((await post('payments', body, { 'stripe-signature': stripe(now) })).status).toBe(201);
    expect((await post('payments', body, { 'stripe-signature': stripe(now) })).status).toBe(200); // de-duplicated by the payload's id
    expect((await deliveries('payments')).items.map((i: { eventId: string }) => i.eventId)).toEqual(['evt_stripe_1']);
  });

  it('answers 404 for an unknown app, an unknown connection and a connection that is not a webhook; 429 past the rate', async () => {
    expect((await fetch(`${t.url}/api/hooks/nope/orders`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await post('missing', '{}')).status).toBe(404);
    expect((await post('api', '{}')).status).toBe(404); // an http connection is no webhook
    const draft = { ...app(), id: 'draft-hooks' };
    expect((await t.api('POST', '/api/apps', draft)).status).toBe(201); // never published
    expect((await fetch(`${t.url}/api/hooks/draft-hooks/open`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await post('open', '{}')).status).toBe(201); // scheme none: anyone with the URL
    expect((await post('open', '{}')).status).toBe(201);
    expect((await post('open', '{}')).status).toBe(429);
  });

  it('keeps a stored delivery across a restart on the same data dir (stored before the answer)', async () => {
    const dir = t.dataDir;
    await t.running.stop();
    const again: Running = await startOn(dir, (l) => lines.push(l));
    try {
      const admin = await again.platform.accounts.findUserByEmail('admin@test.local');
      const { key } = await again.platform.accounts.createApiKey(admin!.id, 'after restart');
      const res = await apiFor(again.url, key)('GET', `/api/apps/${APP}/connections/orders/deliveries`);
      expect(res.body.items.map((i: { eventId: string }) => i.eventId)).toEqual(['evt-1']);
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
    } finally {
      await again.stop();
      t.running = again; // closed already; close() then only removes the dir
      t.running.stop = async () => {};
    }
    expect(lines.join('\n')).not.toContain(SECRET);
  });
});
