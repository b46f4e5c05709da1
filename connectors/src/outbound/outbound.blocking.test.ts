/**
 * SSRF: calls to loopback, private, link-local (cloud metadata), CGNAT and unique local addresses
 * are refused after resolution, including a redirect to 127.0.0.1 from an allowed host name.
 */
import { createOutboundClient } from './outbound.client';
import { failure, fakeDns, startServer, type LoopbackServer } from './loopback.test-helper';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url?.startsWith('/to-loopback')) {
      res.writeHead(302, { location: `http://127.0.0.1:${server.port}/inside` });
      return res.end();
    }
    res.end('inside');
  });
});
afterAll(() => server.close());

test('loopback is refused by default, with a message that says why and what to do', async () => {
  const client = createOutboundClient({ allow: '' });
  const err = await failure(client.request({ method: 'GET', url: `${server.origin}/orders?api_key=s3cret` }));
  expect(err.code).toBe('BLOCKED_ADDRESS');
  expect(err.message).toBe(
    '127.0.0.1 is a loopback address; outbound calls to loopback addresses are refused unless TESSERA_OUTBOUND_ALLOW allows them',
  );
  expect(err.url).toBe(`${server.origin}/orders`);
  expect(server.seen).toHaveLength(0);
  await client.close();
});

test('a name that resolves to loopback is refused by default, naming the name and the address', async () => {
  const client = createOutboundClient({ allow: '', resolve: fakeDns({ 'api.example.com': '127.0.0.1' }) });
  const err = await failure(client.request({ method: 'GET', url: `http://api.example.com:${server.port}/` }));
  expect(err.code).toBe('BLOCKED_ADDRESS');
  expect(err.message).toMatch(/^api\.example\.com resolves to 127\.0\.0\.1, a loopback address; .* TESSERA_OUTBOUND_ALLOW/);
  await client.close();
});

test('the configuration is read from TESSERA_OUTBOUND_ALLOW when no allow list is given', async () => {
  const saved = process.env.TESSERA_OUTBOUND_ALLOW;
  process.env.TESSERA_OUTBOUND_ALLOW = '127.0.0.0/8';
  try {
    const client = createOutboundClient();
    expect((await client.request({ method: 'GET', url: `${server.origin}/` })).status).toBe(200);
    await client.close();
    process.env.TESSERA_OUTBOUND_ALLOW = '127.0.0.0/8,not a host';
    expect(() => createOutboundClient()).toThrow('TESSERA_OUTBOUND_ALLOW: "not a host" is not a CIDR');
  } finally {
    if (saved === undefined) delete process.env.TESSERA_OUTBOUND_ALLOW;
    else process.env.TESSERA_OUTBOUND_ALLOW = saved;
  }
});

test('127.0.0.0/8 in the allow list lets calls reach a local API, by address and by name', async () => {
  const client = createOutboundClient({ allow: '127.0.0.0/8', resolve: fakeDns({ 'shop.test': '127.0.0.1' }) });
  const byAddress = await client.request({ method: 'GET', url: `${server.origin}/a` });
  const byName = await client.request({ method: 'GET', url: `http://shop.test:${server.port}/b` });
  expect([byAddress.status, Buffer.from(byName.body).toString()]).toEqual([200, 'inside']);
  expect(server.seen.at(-1)?.headers.host).toBe(`shop.test:${server.port}`);
  await client.close();
});

test('a host name in the allow list is allowed whatever it resolves to', async () => {
  const client = createOutboundClient({
    allow: 'shop.internal',
    resolve: fakeDns({ 'shop.internal': '127.0.0.1', 'other.internal': '127.0.0.1' }),
  });
  expect((await client.request({ method: 'GET', url: `http://shop.internal:${server.port}/` })).status).toBe(200);
  const other = await failure(client.request({ method: 'GET', url: `http://other.internal:${server.port}/` }));
  expect(other.code).toBe('BLOCKED_ADDRESS');
  await client.close();
});

test.each([
  ['10.0.0.1', 'a private address'],
  ['169.254.169.254', 'a link-local address (where cloud metadata services answer)'],
  ['100.64.1.1', 'a carrier-grade NAT address'],
  ['::1', 'a loopback address'],
  ['::ffff:127.0.0.1', 'a loopback address'],
  ['fd00:ec2::254', 'a unique local (private) IPv6 address'],
])('a resolver answering %s is refused (%s)', async (address, words) => {
  const client = createOutboundClient({ allow: '', resolve: fakeDns({ 'api.example.com': address }) });
  const err = await failure(client.request({ method: 'GET', url: 'https://api.example.com/v1/orders?token=abc' }));
  expect(err.code).toBe('BLOCKED_ADDRESS');
  expect(err.message).toContain(`, ${words}; outbound calls to`);
  expect(err.message).not.toContain('token=abc');
  await client.close();
});

test('one private address among public ones refuses the name (the socket could try any of them)', async () => {
  const client = createOutboundClient({ allow: '', resolve: fakeDns({ 'api.example.com': ['93.184.215.14', '10.0.0.5'] }) });
  const err = await failure(client.request({ method: 'GET', url: 'http://api.example.com/' }));
  expect(err.message).toMatch(/^api\.example\.com resolves to 10\.0\.0\.5, a private address/);
  await client.close();
});

test.each(['http://[::1]/', 'http://169.254.169.254/latest/meta-data/', 'http://[::ffff:7f00:1]/', 'http://0x7f.1/', 'http://2130706433/'])(
  'an IP-literal URL is checked without resolving (%s)',
  async (url) => {
    const client = createOutboundClient({ allow: '', resolve: () => Promise.reject(new Error('must not resolve')) });
    expect((await failure(client.request({ method: 'GET', url }))).code).toBe('BLOCKED_ADDRESS');
    await client.close();
  },
);

test('an allowed host name that redirects to 127.0.0.1 is refused at the redirect', async () => {
  const client = createOutboundClient({ allow: 'shop.internal', resolve: fakeDns({ 'shop.internal': '127.0.0.1' }) });
  const before = server.seen.length;
  const err = await failure(client.request({ method: 'GET', url: `http://shop.internal:${server.port}/to-loopback?k=1` }));
  expect(err.code).toBe('BLOCKED_ADDRESS');
  expect(err.message).toMatch(/^127\.0\.0\.1 is a loopback address/);
  expect(err.url).toBe(`http://127.0.0.1:${server.port}/inside`);
  expect(server.seen.slice(before).map((r) => r.url)).toEqual(['/to-loopback?k=1']);
  await client.close();
});
