/**
 * Connector operations through the runtime, against the mock shop on loopback: the browser-side
 * caller never sees the shop's key; roles call only what the connection's `access` allows; a
 * definition naming a connector that is not installed is refused at publish.
 */
import { startMockShop } from '../../../examples/mock-shop/server';
import { addMember, type TestMember } from '../helpers/members';
import { contactsApp, startTestServer, type TestServer } from '../helpers/tessera';
import { shopManifest } from './shop-manifest';

const APP = 'shop-crm';
const KEY = 'shop-key-7f3e9a1c';
let t: TestServer;
let shop: Awaited<ReturnType<typeof startMockShop>>;
let rep: TestMember;
let service: TestMember;

const app = () => ({
  ...contactsApp(APP),
  roles: [
    { id: 'rep', label: 'Rep' },
    { id: 'service', label: 'Service' },
  ],
  connections: [
    {
      id: 'shop',
      connector: 'mock-shop@^1.0.0',
      config: { baseUrl: shop.url },
      credential: 'shopKey',
      access: { listOrders: ['rep', 'service'], createTicket: ['service'] },
    },
  ],
  pages: [
    {
      id: 'orders',
      title: 'Orders',
      route: '/orders',
      components: [
        {
          id: 'ordersTable',
          type: 'table',
          props: { columns: [{ field: 'id' }, { field: 'total' }] },
          source: { kind: 'connector', connection: 'shop', operation: 'listOrders' },
        },
      ],
    },
  ],
});
const call = (who: TestMember | TestServer, op: string, body: unknown = {}) =>
  ('key' in who ? who.api : who.api)('POST', `/api/apps/${APP}/connections/shop/operations/${op}`, body);

beforeAll(async () => {
  shop = await startMockShop({ apiKey: KEY, seed: 3, counts: { customers: 40, orders: 250 } });
  t = await startTestServer({ outboundAllow: '127.0.0.1' });
}, 60_000);
afterAll(async () => {
  await t?.close();
  await shop?.close();
});

describe('connector calls', () => {
  it('refuses to publish an app whose connector is not installed, pointing at the connection', async () => {
    expect((await t.api('POST', '/api/apps', app())).status).toBe(201);
    const res = await t.api('POST', `/api/apps/${APP}/publish`, {});
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      {
        pointer: '/connections/0/connector',
        message: 'no installed connector satisfies "mock-shop@^1.0.0"; install it from the catalogue or import its OpenAPI document',
      },
    ]);
  });

  it('installs a manifest once per version: the same again is fine, other contents under the same version are refused', async () => {
    const installed = await t.api('POST', '/api/connectors', shopManifest());
    expect(installed.status).toBe(201);
    expect(installed.body).toMatchObject({
      name: 'mock-shop',
      version: '1.0.0',
      source: 'manifest',
      operations: 2,
      integrity: expect.stringMatching(/^sha256-/),
    });
    expect((await t.api('POST', '/api/connectors', shopManifest())).status).toBe(200);
    const changed = { ...shopManifest(), title: 'Another shop' };
    const refused = await t.api('POST', '/api/connectors', changed);
    expect(refused.status).toBe(409);
    const list = await t.api('GET', '/api/connectors');
    expect(list.body.items.map((c: { name: string; source: string }) => `${c.name}:${c.source}`)).toEqual([
      'http:builtin',
      'mock-shop:manifest',
      'smtp:builtin',
      'tessera-records:builtin',
      'webhook:builtin',
    ]);
    const bad = await t.api('POST', '/api/connectors', { ...shopManifest('2.0.0'), operations: [] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].pointer).toBe('/operations');
  });

  it('calls the shop for an allowed role with the key from the vault, which the caller never sees', async () => {
    expect((await t.api('POST', `/api/apps/${APP}/publish`, {})).status).toBe(201);
    rep = await addMember(t, APP, { email: 'rep@shop.test', roles: ['rep'] });
    service = await addMember(t, APP, { email: 'service@shop.test', roles: ['service'] });
    const unset = await call(rep, 'listOrders');
    expect([unset.status, unset.body.detail]).toEqual([
      404,
      'the credential "shopKey" of connection "shop" is not set; a builder sets it under Connections',
    ]);
    expect((await t.api('PUT', `/api/apps/${APP}/credentials/shopKey`, { type: 'apiKey', key: KEY })).status).toBe(201);

    const all = await call(rep, 'listOrders');
    expect(all.status).toBe(200);
    expect(all.body.output).toHaveLength(250);
    expect(all.body.pages).toBe(3);
    const page = await call(rep, 'listOrders', { page: { size: 20 } });
    expect(page.body.output).toHaveLength(20);
    const next = await call(rep, 'listOrders', { page: { size: 20, cursor: page.body.nextCursor } });
    expect(next.body.output[0].id).not.toBe(page.body.output[0].id);
    expect(JSON.stringify([all.body, page.body, next.body])).not.toContain(KEY);

    const info = await rep.api('GET', `/api/apps/${APP}/runtime`);
    expect(info.body.operations).toEqual({
      shop: { listOrders: expect.objectContaining({ title: 'List orders', kind: 'list', paged: true }) },
    });
    expect(info.body.definition.connections).toEqual([
      { id: 'shop', connector: 'mock-shop@^1.0.0', config: {}, access: {}, cacheSeconds: 0 },
    ]);
  });

  it('answers 403 for an operation the role may not call, and the remote error (no key) for a wrong credential', async () => {
    const refused = await call(rep, 'createTicket', { input: { customerId: 'c1', subject: 'Broken' } });
    expect([refused.status, refused.body.detail]).toEqual([403, 'your role may not call "createTicket" of the connection "shop"']);
    const bad = await call(service, 'createTicket', { input: { subject: 'no customer' } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ pointer: '', message: expect.stringContaining('customerId') }]);

    expect((await t.api('PUT', `/api/apps/${APP}/credentials/shopKey`, { type: 'apiKey', key: 'wrong-key-1234' })).status).toBe(200);
    const wrong = await call(rep, 'listOrders');
    expect(wrong.status).toBe(502);
    expect(wrong.body.connector).toMatchObject({ code: 'REMOTE', status: 401 });
    expect(JSON.stringify(wrong.body)).not.toContain('wrong-key-1234');
    expect((await t.api('PUT', `/api/apps/${APP}/credentials/shopKey`, { type: 'apiKey', key: KEY })).status).toBe(200);
  });

  it('creates a ticket through the shop for the service role', async () => {
    const customers = await call(rep, 'listOrders', { page: { size: 1 } });
    const customerId = customers.body.output[0].customerId;
    const created = await call(service, 'createTicket', { input: { customerId, subject: 'Parcel arrived damaged', body: 'Box crushed' } });
    expect(created.status).toBe(200);
    expect(created.body.output).toMatchObject({ customerId, subject: 'Parcel arrived damaged' });
  });

  it("imports the shop's OpenAPI document by URL into a connector whose operations call the shop", async () => {
    const imported = await t.api('POST', '/api/connectors/import', { url: `${shop.url}/openapi.json`, name: 'shop-api' });
    expect(imported.status).toBe(201);
    expect(imported.body.connector).toMatchObject({ name: 'shop-api', version: '1.0.0', source: 'openapi', operations: 12 });
    const manifest = (await t.api('GET', '/api/connectors/shop-api/1.0.0')).body;
    expect(manifest.operations.find((o: { id: string }) => o.id === 'listOrders')).toMatchObject({
      kind: 'list',
      http: { pagination: { type: 'cursor' } },
    });
    const draft = (await t.api('GET', `/api/apps/${APP}`)).body.draft;
    draft.connections.push({
      id: 'shop2',
      connector: 'shop-api@^1.0.0',
      config: { baseUrl: shop.url },
      credential: 'shopKey',
      access: { '*': ['rep'] },
    });
    expect((await t.api('PUT', `/api/apps/${APP}`, draft)).status).toBe(200);
    expect((await t.api('POST', `/api/apps/${APP}/publish`, {})).status).toBe(201);
    const res = await rep.api('POST', `/api/apps/${APP}/connections/shop2/operations/listOrders`, {
      page: { size: 5 },
      input: { status: 'shipped' },
    });
    expect(res.status).toBe(200);
    expect(res.body.output.length).toBeGreaterThan(0);
    expect(res.body.output.length).toBeLessThanOrEqual(5);
    expect(res.body.output.every((o: { status: string }) => o.status === 'shipped')).toBe(true);
    expect(res.body.warnings).toEqual([]);
  });

  it('refuses a broken document with pointers, and a document URL on a private address', async () => {
    const broken = await t.api('POST', '/api/connectors/import', {
      document: '{"openapi": "3.1.0", "info": {"title": "x"',
      name: 'broken',
    });
    expect(broken.status).toBe(422);
    expect(broken.body.errors[0]).toMatchObject({ pointer: expect.any(String), message: expect.stringMatching(/line 1/) });
    const privateUrl = await t.api('POST', '/api/connectors/import', { url: 'http://10.0.0.7/openapi.json' });
    expect(privateUrl.status).toBe(400);
    expect(privateUrl.body.detail).toMatch(/^the document could not be fetched: 10\.0\.0\.7 is a private address/);
    expect((await t.api('GET', '/api/connectors')).body.items.map((c: { name: string }) => c.name)).not.toContain('broken');
  });

  it('refuses calls to private addresses unless the server allows them', async () => {
    const strict = await startTestServer();
    try {
      await strict.api('POST', '/api/connectors', shopManifest());
      await strict.api('POST', '/api/apps', app());
      expect((await strict.api('POST', `/api/apps/${APP}/publish`, {})).status).toBe(201);
      await strict.api('PUT', `/api/apps/${APP}/credentials/shopKey`, { type: 'apiKey', key: KEY });
      const res = await strict.api('POST', `/api/apps/${APP}/connections/shop/operations/listOrders`, {});
      expect(res.status).toBe(502);
      expect(res.body.connector).toMatchObject({ code: 'OUTBOUND', outbound: 'BLOCKED_ADDRESS' });
      expect(res.body.detail).toMatch(
        /127\.0\.0\.1 is a loopback address; outbound calls to loopback addresses are refused unless TESSERA_OUTBOUND_ALLOW allows them/,
      );
    } finally {
      await strict.close();
    }
  });
});
