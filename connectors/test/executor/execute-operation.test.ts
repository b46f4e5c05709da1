import { describe, expect, it } from '@jest/globals';
import { executeOperation } from '../../src/executor';
import { fail, json, serversClosedAfterEach } from '../local-server';
import { shopManifest } from './manifest.fixture';
import { testOutbound } from './test-outbound';

const KEY = 'sk_live_8f3a9d2c71';
const serve = serversClosedAfterEach();
const ports = { outbound: testOutbound, sleep: async () => undefined, random: () => 0.5 };
const ORDERS = Array.from({ length: 7 }, (_, i) => ({ id: `o${i + 1}`, total: (i + 1) * 100 }));

describe('executeOperation: requests', () => {
  it('fills the path (encoded), query and headers from the input and puts the API key where the manifest says', async () => {
    const s = await serve((req, res) => json(res, 200, { id: decodeURIComponent(req.url.pathname.split('/').pop()!), ok: true }));
    const manifest = shopManifest([
      {
        id: 'getOrder',
        kind: 'get',
        input: { type: 'object', properties: { id: { type: 'string' }, expand: { type: 'string' } }, required: ['id'] },
        http: {
          method: 'GET',
          path: '/orders/{id}',
          query: { expand: { $expr: '$input.expand' }, missing: { $expr: '$input.nothing' } },
          headers: { 'X-Tenant': { $expr: '$config.tenant' } },
        },
      },
    ]);
    const r = await executeOperation(
      {
        manifest,
        operation: 'getOrder',
        config: { baseUrl: `${s.url}/v2`, tenant: 'acme' },
        credential: { type: 'apiKey', key: KEY },
        input: { id: 'a/b?c', expand: 'lines' },
      },
      ports,
    );
    expect(r.output).toEqual({ id: 'a/b?c', ok: true });
    expect(r.status).toBe(200);
    expect(s.seen[0].url.pathname).toBe('/v2/orders/a%2Fb%3Fc');
    expect([...s.seen[0].url.searchParams]).toEqual([['expand', 'lines']]);
    expect(s.seen[0].headers['x-api-key']).toBe(KEY);
    expect(s.seen[0].headers['x-tenant']).toBe('acme');
  });

  it('refuses an input that does not match the input schema, and sends nothing', async () => {
    const s = await serve((_, res) => json(res, 200, {}));
    const manifest = shopManifest([
      {
        id: 'getOrder',
        input: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
        http: { method: 'GET', path: '/orders/{id}' },
      },
    ]);
    const err = await fail(
      executeOperation(
        { manifest, operation: 'getOrder', config: { baseUrl: s.url }, credential: { type: 'apiKey', key: KEY }, input: { id: 5 } },
        ports,
      ),
    );
    expect(err.code).toBe('INPUT');
    expect(err.detail.problems).toEqual([{ pointer: '/id', message: expect.stringContaining('string') }]);
    expect(s.seen).toHaveLength(0);
  });

  it('says what is missing: a base URL, a credential, an unknown operation', async () => {
    const manifest = shopManifest([{ id: 'ping', http: { method: 'GET', path: '/ping' } }]);
    expect((await fail(executeOperation({ manifest, operation: 'ping', credential: { type: 'apiKey', key: KEY } }, ports))).message).toBe(
      'the connection has no base URL: set "baseUrl" in its configuration',
    );
    expect((await fail(executeOperation({ manifest, operation: 'ping', config: { baseUrl: 'http://127.0.0.1:1' } }, ports))).message).toBe(
      'this connection needs a credential (apiKey); set one on the connection',
    );
    expect((await fail(executeOperation({ manifest, operation: 'pong', config: {} }, ports))).code).toBe('UNKNOWN_OPERATION');
  });

  it('sends JSON, form and binary bodies, and multipart byte for byte', async () => {
    const s = await serve((_, res) => json(res, 201, { created: true }));
    const file = Buffer.from([0, 1, 2, 250, 255, 13, 10]);
    const manifest = shopManifest([
      { id: 'createJson', http: { method: 'POST', path: '/t', body: { $expr: '{ "subject": $input.subject, "n": 2 }' } } },
      { id: 'createForm', http: { method: 'POST', path: '/t', bodyType: 'form', body: { subject: { $expr: '$input.subject' } } } },
      {
        id: 'upload',
        http: { method: 'POST', path: '/t', bodyType: 'multipart', body: { $expr: '{ "note": $input.subject, "file": $input.file }' } },
      },
      {
        id: 'raw',
        http: { method: 'PUT', path: '/t', bodyType: 'binary', contentType: 'image/png', body: { $expr: '$input.file.base64' } },
      },
    ]);
    const input = {
      subject: 'Ünïcode & more',
      file: { filename: 'a "b".bin', contentType: 'application/x-test', base64: file.toString('base64') },
    };
    const base = { manifest, config: { baseUrl: s.url }, credential: { type: 'apiKey' as const, key: KEY }, input };
    for (const operation of ['createJson', 'createForm', 'upload', 'raw']) await executeOperation({ ...base, operation }, ports);
    const [j, f, m, b] = s.seen;
    expect(j.headers['content-type']).toBe('application/json');
    expect(JSON.parse(j.body.toString())).toEqual({ subject: 'Ünïcode & more', n: 2 });
    expect(f.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(f.body.toString()).toBe('subject=%C3%9Cn%C3%AFcode+%26+more');
    const boundary = /boundary=(.+)$/.exec(m.headers['content-type']!)![1];
    const expected = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nÜnïcode & more\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a %22b%22.bin"\r\nContent-Type: application/x-test\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    expect(m.body.equals(expected)).toBe(true);
    expect(b.headers['content-type']).toBe('image/png');
    expect(b.body.equals(file)).toBe(true);
  });
});

describe('executeOperation: pagination', () => {
  const cursorServer = () =>
    serve((req, res) => {
      const start = Number(req.url.searchParams.get('cursor') ?? 0);
      const limit = Number(req.url.searchParams.get('limit') ?? 3);
      const data = ORDERS.slice(start, start + limit);
      json(res, 200, { data, next_cursor: start + limit < ORDERS.length ? String(start + limit) : null });
    });
  const cursorOp = {
    id: 'listOrders',
    kind: 'list' as const,
    http: {
      method: 'GET' as const,
      path: '/orders',
      records: { $expr: '$response.body.data' },
      pagination: {
        type: 'cursor' as const,
        cursorParam: 'cursor',
        limitParam: 'limit',
        pageSize: 3,
        cursor: { $expr: '$response.body.next_cursor' },
      },
    },
  };

  it('walks every page of a cursor-paged list, each record once', async () => {
    const s = await cursorServer();
    const r = await executeOperation(
      { manifest: shopManifest([cursorOp]), operation: 'listOrders', config: { baseUrl: s.url }, credential: { type: 'apiKey', key: KEY } },
      ports,
    );
    expect(r.output).toEqual(ORDERS);
    expect(r.pages).toBe(3);
  });

  it('hands a table one page and a cursor for the next; a forged cursor is refused', async () => {
    const s = await cursorServer();
    const call = {
      manifest: shopManifest([cursorOp]),
      operation: 'listOrders',
      config: { baseUrl: s.url },
      credential: { type: 'apiKey' as const, key: KEY },
      pages: 'page' as const,
      pageSize: 5,
    };
    const first = await executeOperation(call, ports);
    expect(first.output).toEqual(ORDERS.slice(0, 5));
    const second = await executeOperation({ ...call, cursor: first.nextCursor }, ports);
    expect(second.output).toEqual(ORDERS.slice(5));
    expect(second.nextCursor).toBeUndefined();
    const forged = await fail(executeOperation({ ...call, cursor: Buffer.from('{"offset":-1}').toString('base64url') }, ports));
    expect(forged.code).toBe('CURSOR');
  });

  it('offset, page and Link-header styles stop at a short or empty page', async () => {
    const s = await serve((req, res) => {
      const q = req.url.searchParams;
      const size = Number(q.get('size') ?? 3);
      if (req.url.pathname === '/offset') return json(res, 200, ORDERS.slice(Number(q.get('offset')), Number(q.get('offset')) + size));
      if (req.url.pathname === '/page')
        return json(res, 200, { items: ORDERS.slice((Number(q.get('p')) - 1) * size, Number(q.get('p')) * size) });
      const page = Number(q.get('page') ?? 1);
      const link =
        page * 3 < ORDERS.length
          ? `<${req.url.pathname}?page=${page + 1}>; rel="next", </linked?page=1>; rel="first"`
          : '</linked?page=1>; rel="first"';
      json(res, 200, ORDERS.slice((page - 1) * 3, page * 3), { link });
    });
    const manifest = shopManifest([
      {
        id: 'byOffset',
        http: { method: 'GET', path: '/offset', pagination: { type: 'offset', offsetParam: 'offset', limitParam: 'size', pageSize: 3 } },
      },
      {
        id: 'byPage',
        http: {
          method: 'GET',
          path: '/page',
          records: { $expr: '$response.body.items' },
          pagination: { type: 'page', pageParam: 'p', limitParam: 'size', pageSize: 2 },
        },
      },
      { id: 'byLink', http: { method: 'GET', path: '/linked', pagination: { type: 'link' } } },
    ]);
    const base = { manifest, config: { baseUrl: s.url }, credential: { type: 'apiKey' as const, key: KEY } };
    const offset = await executeOperation({ ...base, operation: 'byOffset' }, ports);
    expect([offset.output, offset.pages]).toEqual([ORDERS, 3]);
    const page = await executeOperation({ ...base, operation: 'byPage' }, ports);
    expect([page.output, page.pages]).toEqual([ORDERS, 4]);
    const link = await executeOperation({ ...base, operation: 'byLink' }, ports);
    expect([link.output, link.pages]).toEqual([ORDERS, 3]);
  });

  it('refuses a next-page link to another site', async () => {
    const s = await serve((_, res) => json(res, 200, [{ id: 1 }], { link: '<http://169.254.169.254/latest/meta-data>; rel="next"' }));
    const manifest = shopManifest([{ id: 'byLink', http: { method: 'GET', path: '/x', pagination: { type: 'link' } } }]);
    const err = await fail(
      executeOperation({ manifest, operation: 'byLink', config: { baseUrl: s.url }, credential: { type: 'apiKey', key: KEY } }, ports),
    );
    expect(err.message).toBe("the API's next-page link points at another site (http://169.254.169.254)");
    expect(s.seen).toHaveLength(1);
  });

  it('stops where the stop expression says and never beyond maxPages', async () => {
    let n = 0;
    const s = await serve((_, res) => json(res, 200, { data: [{ n: ++n }], more: n < 3, next: `c${n}` }));
    const manifest = shopManifest([
      {
        id: 'stopped',
        http: {
          method: 'GET',
          path: '/x',
          records: { $expr: '$response.body.data' },
          pagination: {
            type: 'cursor',
            cursorParam: 'c',
            cursor: { $expr: '$response.body.next' },
            stop: { $expr: '$not($response.body.more)' },
          },
        },
      },
      {
        id: 'endless',
        http: {
          method: 'GET',
          path: '/x',
          records: { $expr: '$response.body.data' },
          pagination: { type: 'cursor', cursorParam: 'c', cursor: { $expr: '$response.body.next' }, maxPages: 4 },
        },
      },
    ]);
    const base = { manifest, config: { baseUrl: s.url }, credential: { type: 'apiKey' as const, key: KEY } };
    expect((await executeOperation({ ...base, operation: 'stopped' }, ports)).pages).toBe(3);
    expect((await executeOperation({ ...base, operation: 'endless' }, ports)).pages).toBe(4);
  });
});
