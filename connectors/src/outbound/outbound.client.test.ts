/** The outbound client's everyday behaviour against real loopback servers. */
import * as connectors from '@tessera/connectors';
import { createOutboundClient } from './outbound.client';
import { failure, fakeDns, startServer, type LoopbackServer } from './loopback.test-helper';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.setHeader('set-cookie', ['a=1; Path=/', 'b=2; Path=/']);
    res.setHeader('x-many', ['one', 'two']);
    res.end(JSON.stringify({ method: req.method, url: req.url }));
  });
});
afterAll(() => server.close());

const local = () => createOutboundClient({ allow: '127.0.0.0/8', resolve: fakeDns({ 'shop.test': '127.0.0.1' }) });

test('a call returns status, lower-case headers (repeated ones joined), the body bytes, the URL and the time', async () => {
  const c = local();
  const res = await c.request({ method: 'GET', url: `http://shop.test:${server.port}/orders?page=2` });
  expect(res.status).toBe(200);
  expect(JSON.parse(Buffer.from(res.body).toString())).toEqual({ method: 'GET', url: '/orders?page=2' });
  expect(res.headers['content-type']).toBe('application/json');
  expect(res.headers['set-cookie']).toBe('a=1; Path=/\nb=2; Path=/');
  expect(res.headers['x-many']).toBe('one, two');
  expect(res.url).toBe(`http://shop.test:${server.port}/orders?page=2`);
  expect(res.durationMs).toBeGreaterThan(0);
  await c.close();
});

test('a POST sends its headers and body', async () => {
  const c = local();
  await c.request({
    method: 'POST',
    url: `${server.origin}/tickets`,
    headers: { 'Content-Type': 'application/json', 'X-Api-Key': 'k' },
    body: '{"title":"t"}',
  });
  const seen = server.seen.at(-1)!;
  expect([seen.method, seen.headers['x-api-key'], seen.body]).toEqual(['POST', 'k', '{"title":"t"}']);
  await c.request({ method: 'PUT', url: `${server.origin}/blob`, body: new Uint8Array([1, 2, 3]) });
  expect(Buffer.from(server.seen.at(-1)!.body, 'latin1')).toEqual(Buffer.from([1, 2, 3]));
  await c.close();
});

test('a HEAD answer announcing a body over the cap is not TOO_LARGE (no body comes)', async () => {
  const big = await startServer((req, res) => {
    res.setHeader('content-length', String(50 * 1024 * 1024));
    if (req.method === 'HEAD') return res.end();
    res.end(Buffer.alloc(50 * 1024 * 1024));
  });
  const c = local();
  const res = await c.request({ method: 'HEAD', url: `${big.origin}/file`, maxResponseBytes: 1024 });
  expect([res.status, res.headers['content-length'], res.body.byteLength]).toEqual([200, String(50 * 1024 * 1024), 0]);
  expect((await failure(c.request({ method: 'GET', url: `${big.origin}/file`, maxResponseBytes: 1024 }))).code).toBe('TOO_LARGE');
  await c.close();
  await big.close();
});

test('connections are kept alive: two sequential calls use one socket', async () => {
  const c = local();
  const before = server.connections.length;
  await c.request({ method: 'GET', url: `${server.origin}/one` });
  await c.request({ method: 'GET', url: `${server.origin}/two` });
  expect(server.connections.length - before).toBe(1);
  const [first, second] = server.seen.slice(-2);
  expect(second.remotePort).toBe(first.remotePort);
  await c.close();
});

test("without an injected resolver the system's is used (a host-name entry allows localhost)", async () => {
  const c = createOutboundClient({ allow: 'localhost' });
  const res = await c.request({ method: 'GET', url: `http://localhost:${server.port}/` });
  expect(res.status).toBe(200);
  await c.close();
});

test('a name that does not resolve is a DNS error', async () => {
  const c = local();
  const err = await failure(c.request({ method: 'GET', url: 'https://nowhere.test/x?key=1' }));
  expect(err.code).toBe('DNS');
  expect(err.message).toBe('nowhere.test does not resolve (ENOTFOUND); check the host name');
  expect(err.url).toBe('https://nowhere.test/x');
  await c.close();
});

test('a refused connection is a NETWORK error', async () => {
  const gone = await startServer(() => {});
  await gone.close();
  const c = local();
  const err = await failure(c.request({ method: 'GET', url: `${gone.origin}/x` }));
  expect(err.code).toBe('NETWORK');
  expect(err.message).toBe(`${gone.origin}/x: the connection was refused (nothing listens on that port?) (ECONNREFUSED)`);
  await c.close();
});

test.each([
  ['http://alice:hunter2@shop.test/x', 'which carries a user name or password (user:pass@)'],
  ['https://tok3n@shop.test/x', 'which carries a user name or password'],
  ['ftp://shop.test/file', 'which is not http or https (ftp: is not supported)'],
  ['file:///etc/passwd', 'which is not http or https (file: is not supported)'],
  ['/relative/path', 'is not an absolute http(s) URL'],
  ['not a url', 'is not an absolute http(s) URL'],
])('%s is a BAD_URL', async (url, words) => {
  const c = local();
  const err = await failure(c.request({ method: 'GET', url }));
  expect(err.code).toBe('BAD_URL');
  expect(err.message).toContain(words);
  expect(err.message).not.toMatch(/alice|hunter2|tok3n/);
  await c.close();
});

test('a header HTTP does not allow is a BAD_REQUEST that does not show the value', async () => {
  const c = local();
  const err = await failure(c.request({ method: 'GET', url: `${server.origin}/`, headers: { 'x-key': 'SECRET\r\nInjected: 1' } }));
  expect(err.code).toBe('BAD_REQUEST');
  expect(err.message).not.toContain('SECRET');
  await c.close();
});

test('no error shows the query string or a header value', async () => {
  const silent = await startServer(() => {});
  const c = createOutboundClient({ allow: 'shop.test', resolve: fakeDns({ 'shop.test': '127.0.0.1', 'private.test': '10.0.0.1' }) });
  const secret = 'api_key=S3CRET';
  const headers = { Authorization: 'Bearer H3ADER' };
  const calls = [
    c.request({ method: 'GET', url: `http://private.test/x?${secret}`, headers }),
    c.request({ method: 'GET', url: `http://missing.test/x?${secret}`, headers }),
    c.request({ method: 'GET', url: `http://127.0.0.1:1/x?${secret}`, headers }),
    c.request({ method: 'GET', url: `http://shop.test:1/x?${secret}`, headers }),
    c.request({ method: 'GET', url: `http://shop.test:${silent.port}/x?${secret}`, headers, timeoutMs: 100 }),
    c.request({ method: 'GET', url: `http://u:p@shop.test/x?${secret}`, headers }),
    c.request({ method: 'GET', url: `gopher://shop.test/x?${secret}`, headers }),
    c.request({ method: 'GET', url: `::::?${secret}`, headers }),
  ];
  for (const call of calls) {
    const err = await failure(call);
    expect(`${err.message} ${err.url ?? ''} ${err.stack ?? ''}`).not.toMatch(/S3CRET|H3ADER/);
  }
  await c.close();
  await silent.close();
});

test('@tessera/connectors exports the client', () => {
  expect(connectors.createOutboundClient).toBe(createOutboundClient);
  expect(new connectors.OutboundError('m', 'DNS')).toBeInstanceOf(Error);
});
