import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateDemoData } from '../b2b-sales/demo-data';
import { startMockShop, type MockShop } from './server';
import { shopClient, walk } from './shop-client';

describe('mock shop over HTTP', () => {
  let shop: MockShop;
  let call: ReturnType<typeof shopClient>;
  beforeAll(async () => {
    shop = await startMockShop({ apiKey: 'test-key-123456' });
    call = shopClient(shop);
  });
  afterAll(() => shop.close());

  it('starts on a random loopback port with the given key', () => {
    expect(shop.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(shop.apiKey).toBe('test-key-123456');
  });

  it('walking every page of /orders returns each order exactly once, oldest first', async () => {
    for (const limit of [100, 7]) {
      const orders = await walk(call, `/orders?limit=${limit}`);
      expect(orders).toHaveLength(3000);
      expect(new Set(orders.map((o) => o.id)).size).toBe(3000);
      const dates = orders.map((o) => (o as unknown as { createdAt: string }).createdAt);
      expect([...dates].sort()).toEqual(dates);
    }
    const first = await call('/orders');
    expect(first.body.data).toHaveLength(20); // the default limit
  });

  it('pages filtered lists too, and the filters hold on every page', async () => {
    const delivered = await walk(call, '/orders?status=delivered&limit=50');
    expect(delivered.length).toBeGreaterThan(100);
    expect(delivered.every((o) => (o as unknown as { status: string }).status === 'delivered')).toBe(true);

    const since = '2025-07-01T00:00:00Z';
    const recent = (await walk(call, `/orders?since=${since}&limit=100`)) as unknown as Array<{ createdAt: string }>;
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.every((o) => o.createdAt >= '2025-07-01')).toBe(true);
    const all = (await walk(call, '/orders?limit=100')) as unknown as Array<{ createdAt: string }>;
    expect(recent).toHaveLength(all.filter((o) => o.createdAt >= '2025-07-01').length);
    expect(await walk(call, '/orders?since=2025-07-01&limit=100')).toEqual(recent); // a date: its start, UTC
    expect(await walk(call, '/orders?since=2025-07-01T02:00:00%2B02:00&limit=100')).toEqual(recent);
    expect((await call('/orders?since=2025-06-30T23:59:60Z')).body.error.problems).toEqual([
      { pointer: '/query/since', message: 'is not a time' },
    ]);
  });

  it('answers 401 without a key or with a wrong one, and serves /health and /openapi.json without', async () => {
    for (const path of ['/orders', '/products/prod_0001', '/tickets', '/nowhere']) {
      const missing = await call(path, { apiKey: null });
      expect(missing).toEqual({ status: 401, body: { error: { code: 'unauthorized', message: 'missing X-Api-Key header' } } });
      const wrong = await call(path, { apiKey: 'test-key-12345' });
      expect(wrong).toEqual({ status: 401, body: { error: { code: 'unauthorized', message: 'invalid API key' } } });
    }
    const posted = await call('/tickets', { apiKey: null, body: { customerId: 'cus_0001', subject: 's', body: 'b' } });
    expect(posted.status).toBe(401);
    expect(await call('/health', { apiKey: null })).toEqual({ status: 200, body: { status: 'ok' } });
    expect((await call('/openapi.json', { apiKey: null })).body.openapi).toBe('3.1.0');
  });

  it('answers 400 on a bad cursor: garbage, tampered, or one of another list', async () => {
    const customers = await call('/customers?limit=1');
    const foreign = customers.body.next_cursor as string;
    const tampered = Buffer.from(JSON.stringify({ list: 'listOrders', after: 42 })).toString('base64url');
    for (const cursor of ['not a cursor', 'zz', '%00', foreign, tampered]) {
      const page = await call(`/orders?cursor=${encodeURIComponent(cursor)}`);
      expect(page.status).toBe(400);
      expect(page.body.error.code).toBe('bad_request');
      expect(page.body.error.problems).toEqual([expect.objectContaining({ pointer: '/query/cursor' })]);
    }
    expect((await call(`/customers?cursor=${foreign}`)).status).toBe(200);
  });

  it('answers 400 on a bad limit and on unknown or repeated parameters, naming each', async () => {
    for (const limit of ['0', '101', 'abc', '1.5', '', '-3']) {
      const page = await call(`/products?limit=${limit}`);
      expect(page.status).toBe(400);
      expect(page.body.error.problems.map((p: { pointer: string }) => p.pointer)).toEqual(['/query/limit']);
    }
    expect((await call('/products?limit=100')).body.data).toHaveLength(100);
    const page = await call('/orders?customer_id=cus_0001&limit=5&limit=6');
    expect(page.status).toBe(400);
    expect(page.body.error.problems).toEqual(
      expect.arrayContaining([
        { pointer: '/query/customer_id', message: 'unknown property "customer_id" (did you mean "customerId"?)' },
        { pointer: '/query/limit', message: 'given more than once' },
      ]),
    );
  });

  it('answers 404 for an unknown id or path and 405 for a wrong method', async () => {
    for (const path of ['/products/prod_9999', '/customers/cus_9999', '/orders/nope', '/customers/cus_9999/orders', '/nowhere']) {
      const answer = await call(path);
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('not_found');
    }
    const wrong = await call('/orders', { method: 'DELETE' });
    expect(wrong.status).toBe(405);
  });

  it('finds customers by email (any case) and by text, and lists their orders', async () => {
    const all = (await walk(call, '/customers?limit=100')) as unknown as Array<{ id: string; email: string; company: string | null }>;
    expect(all).toHaveLength(500);
    const crmEmails = new Set(generateDemoData().contact.map((c) => c.email as string));
    const fromCrm = all.filter((c) => crmEmails.has(c.email));
    expect(fromCrm.length).toBeGreaterThanOrEqual(35); // most of the CRM's 60 contacts

    const someone = fromCrm[0];
    const found = await call(`/customers?email=${encodeURIComponent(someone.email.toUpperCase())}`);
    expect(found.body).toEqual({ data: [expect.objectContaining({ id: someone.id, email: someone.email })], next_cursor: null });
    const byCompany = await call(`/customers?q=${encodeURIComponent(someone.company!.slice(0, 6).toLowerCase())}&limit=100`);
    expect(byCompany.body.data.map((c: { id: string }) => c.id)).toContain(someone.id);

    const orders = (await walk(call, `/customers/${someone.id}/orders`)) as unknown as Array<{ customerId: string }>;
    expect(orders.every((o) => o.customerId === someone.id)).toBe(true);
    expect(orders).toEqual(await walk(call, `/orders?customerId=${someone.id}`));
    const reads = (await walk(call, `/article-reads?customerId=${someone.id}`)) as unknown as Array<{ customerId: string }>;
    expect(reads.every((r) => r.customerId === someone.id)).toBe(true);
  });

  it('creates a ticket that the next GET shows; an invalid body is a 400 listing every problem', async () => {
    const before = await walk(call, '/tickets?limit=100');
    const created = await call('/tickets', {
      body: { customerId: 'cus_0002', subject: 'Where is my parcel?', body: 'Ordered last week.' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^tkt_\d+$/),
      customerId: 'cus_0002',
      orderId: null,
      subject: 'Where is my parcel?',
      body: 'Ordered last week.',
      priority: 'normal',
      status: 'open',
      createdAt: expect.any(String),
    });
    const after = await walk(call, '/tickets?limit=100');
    expect(after).toHaveLength(before.length + 1);
    expect(after[after.length - 1]).toEqual(created.body);
    expect((await call('/tickets?customerId=cus_0002')).body.data).toContainEqual(created.body);

    const invalid = await call('/tickets', { body: { customerId: 42, subjet: 'x', body: '', priority: 'asap' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('invalid_body');
    expect(invalid.body.error.problems.map((p: { pointer: string }) => p.pointer).sort()).toEqual(
      ['/body', '/body/body', '/body/customerId', '/body/priority', '/body/subjet'].sort(),
    );

    const strangers = await call('/tickets', { body: { customerId: 'cus_9999', subject: 's', body: 'b' } });
    expect(strangers.body.error.problems).toEqual([{ pointer: '/body/customerId', message: 'no customer cus_9999' }]);
    const othersOrder = (await call('/orders?limit=100')).body.data.find((o: { customerId: string }) => o.customerId !== 'cus_0002');
    const mismatch = await call('/tickets', { body: { customerId: 'cus_0002', orderId: othersOrder.id, subject: 's', body: 'b' } });
    expect(mismatch.body.error.problems).toEqual([
      { pointer: '/body/orderId', message: `no order ${othersOrder.id} of customer cus_0002` },
    ]);
    expect((await call('/tickets', { body: '{"customerId":' })).body.error.problems).toEqual([
      { pointer: '/body', message: 'is not valid JSON' },
    ]);
    expect((await call('/tickets', { body: 'x', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect((await call('/tickets', { body: { customerId: 'cus_0001', subject: 's', body: 'x'.repeat(70_000) } })).status).toBe(413);
    expect(await walk(call, '/tickets?limit=100')).toHaveLength(after.length);
  });
});

describe('mock shop options', () => {
  it('serves the counts it is given, generates a key, caps new tickets, and closes', async () => {
    const shop = await startMockShop({
      seed: 7,
      counts: { products: 3, customers: 10, orders: 25, articleReads: 5, tickets: 0 },
      maxNewTickets: 1,
    });
    const call = shopClient(shop);
    expect(shop.apiKey).toMatch(/^shop_[A-Za-z0-9_-]{24}$/);
    expect(await walk(call, '/products')).toHaveLength(3);
    expect(await walk(call, '/orders?limit=10')).toHaveLength(25);
    expect((await call('/tickets', { body: { customerId: 'cus_0001', subject: 's', body: 'b' } })).status).toBe(201);
    const full = await call('/tickets', { body: { customerId: 'cus_0001', subject: 's', body: 'b' } });
    expect(full.status).toBe(507);
    await shop.close();
    await expect(fetch(`${shop.url}/health`)).rejects.toThrow();
    await expect(startMockShop({ counts: { orders: -1 } })).rejects.toThrow(/counts.orders/);
  });
});
