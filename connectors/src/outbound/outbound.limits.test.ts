/** Time and size limits: connect and total timeouts (bodies included), the size cap, cancelling. */
import { createOutboundClient } from './outbound.client';
import { failure, fakeDns, startServer, type LoopbackServer } from './loopback.test-helper';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url?.startsWith('/silent')) return; // accepts, never answers
    if (req.url === '/dribble') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const tick = setInterval(() => res.write('.'), 50);
      res.on('close', () => clearInterval(tick));
      return;
    }
    if (req.url === '/ten-mb' || req.url === '/ten-mb-chunked') {
      const chunk = Buffer.alloc(64 * 1024, 'x');
      if (req.url === '/ten-mb') res.setHeader('content-length', String(160 * chunk.length));
      let sent = 0;
      const pump = () => {
        while (sent < 160) {
          sent++;
          if (!res.write(chunk)) return res.once('drain', pump);
        }
        res.end();
      };
      return pump();
    }
    res.end('ok');
  });
});
afterAll(() => server.close());

const client = (resolve = fakeDns({})) => createOutboundClient({ allow: '127.0.0.0/8', resolve });
const closed = (socket: { closed: boolean }) => socket.closed;

test('a server that never answers is a TIMEOUT within the configured time', async () => {
  const c = client();
  const started = Date.now();
  const err = await failure(c.request({ method: 'GET', url: `${server.origin}/silent?key=1`, timeoutMs: 300 }));
  const took = Date.now() - started;
  expect(err.code).toBe('TIMEOUT');
  expect(err.message).toBe(`${server.origin}/silent: no complete answer within 300 ms (timeout)`);
  expect(took).toBeGreaterThanOrEqual(290);
  expect(took).toBeLessThan(1500);
  await c.close();
});

test('the total timeout covers the body: a server that dribbles is a TIMEOUT', async () => {
  const c = client();
  const started = Date.now();
  const before = server.connections.length;
  const err = await failure(c.request({ method: 'GET', url: `${server.origin}/dribble`, timeoutMs: 400 }));
  expect(err.code).toBe('TIMEOUT');
  expect(Date.now() - started).toBeLessThan(1500);
  // The dribbling connection was cut, not left open.
  expect(server.connections.length).toBeGreaterThan(before);
  await waitFor(() => server.connections.slice(before).every(closed));
  await c.close();
});

test.each(['/ten-mb', '/ten-mb-chunked'])('%s with a 1 MB cap is TOO_LARGE, and the connection is closed', async (path) => {
  const c = client();
  const before = server.connections.length;
  const err = await failure(c.request({ method: 'GET', url: `${server.origin}${path}`, maxResponseBytes: 1024 * 1024 }));
  expect(err.code).toBe('TOO_LARGE');
  expect(err.message).toContain('larger than 1048576 bytes (maxResponseBytes)');
  expect(server.connections.length).toBeGreaterThan(before);
  await waitFor(() => server.connections.slice(before).every(closed));
  // The client still works afterwards.
  expect((await c.request({ method: 'GET', url: `${server.origin}/` })).status).toBe(200);
  await c.close();
});

test('a body under the cap arrives whole', async () => {
  const c = client();
  const res = await c.request({ method: 'GET', url: `${server.origin}/ten-mb-chunked`, maxResponseBytes: 11 * 1024 * 1024 });
  expect(res.body.byteLength).toBe(160 * 64 * 1024);
  expect(res.durationMs).toBeGreaterThan(0);
  await c.close();
});

test('a slow connection step (here: DNS) is a CONNECT_TIMEOUT', async () => {
  const slow = () =>
    new Promise<Array<{ address: string; family: 4 }>>((resolve) => setTimeout(() => resolve([{ address: '127.0.0.1', family: 4 }]), 3000));
  const c = client(slow);
  const started = Date.now();
  const err = await failure(c.request({ method: 'GET', url: `http://slow.test:${server.port}/`, connectTimeoutMs: 200 }));
  expect(err.code).toBe('CONNECT_TIMEOUT');
  expect(err.message).toBe(`http://slow.test:${server.port}/: could not connect to slow.test:${server.port} in time (connect timeout)`);
  // undici's connect timer ticks about every 500 ms.
  expect(Date.now() - started).toBeLessThan(2000);
  await c.close();
});

test('the total timeout also bounds the connection step', async () => {
  const never = () => new Promise<Array<{ address: string; family: 4 }>>(() => {});
  const c = client(never);
  const err = await failure(
    c.request({ method: 'GET', url: `http://hang.test:${server.port}/`, timeoutMs: 200, connectTimeoutMs: 60_000 }),
  );
  expect(err.code).toBe('TIMEOUT');
  await c.close();
});

test("the caller's signal cancels the call: ABORTED", async () => {
  const c = client();
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const err = await failure(c.request({ method: 'GET', url: `${server.origin}/silent`, signal: controller.signal }));
  expect(err.code).toBe('ABORTED');
  const already = await failure(c.request({ method: 'GET', url: `${server.origin}/`, signal: AbortSignal.abort() }));
  expect(already.code).toBe('ABORTED');
  await c.close();
});

test('limits are checked: a negative timeout is refused', async () => {
  const c = client();
  expect((await failure(c.request({ method: 'GET', url: `${server.origin}/`, timeoutMs: -1 }))).code).toBe('BAD_REQUEST');
  expect(() => createOutboundClient({ allow: '', defaults: { maxResponseBytes: 0 } })).toThrow(
    'maxResponseBytes must be a number of at least 1',
  );
  await c.close();
});

async function waitFor(condition: () => boolean, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
