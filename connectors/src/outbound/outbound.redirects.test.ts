/** Redirects are followed by the client, hop by hop, as browsers do. */
import { createOutboundClient } from './outbound.client';
import { failure, fakeDns, startServer, type LoopbackServer } from './loopback.test-helper';

let server: LoopbackServer;
let other: LoopbackServer;
const client = () => createOutboundClient({ allow: '127.0.0.0/8', resolve: fakeDns({ 'a.test': '127.0.0.1', 'b.test': '127.0.0.1' }) });

beforeAll(async () => {
  other = await startServer((req, res) => res.end(`other ${req.method}`));
  server = await startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const hops = Number(url.searchParams.get('hops') ?? 0);
    if (url.pathname === '/chain') {
      res.writeHead(302, { location: hops > 1 ? `/chain?hops=${hops - 1}` : '/end' });
      return res.end('moving');
    }
    if (url.pathname.startsWith('/status/')) {
      res.writeHead(Number(url.pathname.slice(8)), { location: '/end' });
      return res.end();
    }
    if (url.pathname === '/away') {
      res.writeHead(307, { location: `http://b.test:${other.port}/there` });
      return res.end();
    }
    if (url.pathname === '/big-redirect') {
      res.writeHead(302, { location: '/end' });
      return res.end(Buffer.alloc(2 * 1024 * 1024, 'x'));
    }
    if (url.pathname === '/to-file') {
      res.writeHead(302, { location: 'file:///etc/passwd' });
      return res.end();
    }
    res.end(`end ${req.method}`);
  });
});
afterAll(async () => {
  await server.close();
  await other.close();
});

const text = (body: Uint8Array) => Buffer.from(body).toString();

test('a chain of redirects is followed up to maxRedirects, and the answer says where it came from', async () => {
  const c = client();
  const ok = await c.request({ method: 'GET', url: `http://a.test:${server.port}/chain?hops=3`, maxRedirects: 3 });
  expect([ok.status, text(ok.body), ok.url]).toEqual([200, 'end GET', `http://a.test:${server.port}/end`]);
  const err = await failure(c.request({ method: 'GET', url: `http://a.test:${server.port}/chain?hops=3&key=zz`, maxRedirects: 2 }));
  expect(err.code).toBe('TOO_MANY_REDIRECTS');
  expect(err.message).toBe(`http://a.test:${server.port}/chain: more than 2 redirects (maxRedirects)`);
  await c.close();
});

test('maxRedirects 0 returns the redirect itself, with its body', async () => {
  const c = client();
  const res = await c.request({ method: 'GET', url: `http://a.test:${server.port}/chain?hops=1`, maxRedirects: 0 });
  expect([res.status, res.headers.location, text(res.body)]).toEqual([302, '/end', 'moving']);
  await c.close();
});

test.each([
  [303, 'POST', 'GET'],
  [303, 'PUT', 'GET'],
  [302, 'POST', 'GET'],
  [301, 'POST', 'GET'],
  [302, 'PUT', 'PUT'],
  [307, 'POST', 'POST'],
  [308, 'POST', 'POST'],
] as const)('%s after %s continues with %s', async (status, method, expected) => {
  const c = client();
  const before = server.seen.length;
  const res = await c.request({
    method,
    url: `${server.origin}/status/${status}`,
    headers: { 'content-type': 'application/json' },
    body: '{"a":1}',
  });
  expect(text(res.body)).toBe(`end ${expected}`);
  const last = server.seen.slice(before).at(-1)!;
  expect(last.method).toBe(expected);
  if (expected === 'GET') {
    expect(last.body).toBe('');
    expect(last.headers['content-type']).toBeUndefined();
  } else {
    expect(last.body).toBe('{"a":1}');
  }
  await c.close();
});

test('a redirect to another origin drops Authorization, cookies and API-key headers; the same origin keeps them', async () => {
  const c = client();
  const headers = { Authorization: 'Bearer t0ken', Cookie: 'sid=1', 'X-Api-Key': 'k3y', 'X-Shop-Token': 't', Accept: 'application/json' };
  await c.request({ method: 'GET', url: `http://a.test:${server.port}/chain?hops=1`, headers });
  const same = server.seen.at(-1)!.headers;
  expect([same.authorization, same.cookie, same['x-api-key']]).toEqual(['Bearer t0ken', 'sid=1', 'k3y']);

  const res = await c.request({ method: 'POST', url: `http://a.test:${server.port}/away`, headers, body: 'payload' });
  expect(text(res.body)).toBe('other POST');
  const moved = other.seen.at(-1)!;
  expect(moved.headers.authorization).toBeUndefined();
  expect(moved.headers.cookie).toBeUndefined();
  expect(moved.headers['x-api-key']).toBeUndefined();
  expect(moved.headers['x-shop-token']).toBeUndefined();
  expect(moved.headers.accept).toBe('application/json');
  expect(moved.headers.host).toBe(`b.test:${other.port}`);
  expect(moved.body).toBe('payload');
  await c.close();
});

test('the body of a redirect that is followed is not kept, however big', async () => {
  const c = client();
  const res = await c.request({ method: 'GET', url: `${server.origin}/big-redirect`, maxResponseBytes: 64 * 1024 });
  expect(text(res.body)).toBe('end GET');
  await c.close();
});

test('a redirect to a non-http scheme is refused', async () => {
  const c = client();
  const err = await failure(c.request({ method: 'GET', url: `${server.origin}/to-file` }));
  expect(err.code).toBe('BAD_URL');
  expect(err.message).toBe(`${server.origin}/to-file redirects to file:///etc/passwd, which is not http or https (file: is not supported)`);
  await c.close();
});
