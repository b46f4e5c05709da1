/**
 * Hardening 6: SIGTERM drains. A `tessera start` process gets SIGTERM while 16 creates are in
 * flight (their bodies half sent) and a live stream is open. It stops accepting connections,
 * answers every request in flight (201), ends the stream cleanly, and exits 0; after a restart
 * every acknowledged record is there. (Before, 28-32 of 32 such requests were reset, 5-18 of
 * them already committed, so clients retried and duplicated.)
 */
import fs from 'node:fs';
import http from 'node:http';
import { ADMIN, contactsApp, startTestServer } from '../helpers/tessera';
import { startChild, type ChildServer } from '../helpers/tessera-child';
import { openSse } from '../helpers/sse';

let dataDir: string;
let key: string;
let child: ChildServer | undefined;

beforeAll(async () => {
  const first = await startTestServer();
  dataDir = first.dataDir;
  expect((await first.api('POST', '/api/apps', contactsApp('drain'))).status).toBe(201);
  expect((await first.api('POST', '/api/apps/drain/publish', {})).status).toBe(201);
  const admin = await first.running.platform.accounts.findUserByEmail(ADMIN.email);
  key = (await first.running.platform.accounts.createApiKey(admin!.id, 'drain')).key;
  await first.running.stop();
}, 60_000);
afterAll(async () => {
  await child?.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A create whose body is sent in two halves: it is in flight from the first half until its answer. */
function slowCreate(url: string, i: number) {
  const body = JSON.stringify({ lastName: `Drain ${i}`, email: `drain${i}@example.com` });
  const u = new URL('/api/apps/drain/data/contact', url);
  const req = http.request(u, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const answer = new Promise<number | string>((resolve) => {
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', (err) => resolve(`error: ${err.message}`));
  });
  req.write(body.slice(0, 10));
  return { finish: () => req.end(body.slice(10)), answer };
}

it('answers the requests in flight, ends live streams, and exits 0 on SIGTERM; nothing acknowledged is lost', async () => {
  const server = await startChild(dataDir);
  child = server;
  const stream = await openSse(`${server.url}/api/apps/drain/live`, { authorization: `Bearer ${key}` });
  expect(stream.status).toBe(200);
  const inFlight = Array.from({ length: 16 }, (_, i) => slowCreate(server.url, i));
  await new Promise((r) => setTimeout(r, 200)); // every request's headers and first half have arrived
  const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
  server.child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300)); // the server is draining: the rest of each body arrives now
  inFlight.forEach((r) => r.finish());
  expect(await Promise.all(inFlight.map((r) => r.answer))).toEqual(Array(16).fill(201));
  expect(await exited).toBe(0);
  child = undefined;
  expect(await stream.ended).toBe(true);

  const again = await startChild(dataDir);
  child = again;
  const list = await fetch(`${again.url}/api/apps/drain/data/contact?limit=100&count=exact`, {
    headers: { authorization: `Bearer ${key}` },
  });
  expect((await list.json()).total).toBe(16);
});
