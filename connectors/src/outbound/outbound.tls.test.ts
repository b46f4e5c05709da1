/**
 * HTTPS through the guarded lookup: the socket connects to the checked address while TLS still
 * verifies the certificate against the host name (SNI included). The fixture certificate is a
 * self-signed one for "shop.test", valid for a century, made for this test only.
 */
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { createOutboundClient } from './outbound.client';
import { failure, fakeDns } from './loopback.test-helper';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name));
const cert = fixture('shop-test.cert.pem');
let server: https.Server;
let port: number;

beforeAll(async () => {
  server = https.createServer({ key: fixture('shop-test.key.pem'), cert }, (req, res) =>
    res.end(`sni=${(req.socket as TLSSocket).servername}`),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const world = fakeDns({ 'shop.test': '127.0.0.1', 'other.test': '127.0.0.1' });

test('a call over TLS reaches the checked address and presents the host name', async () => {
  const client = createOutboundClient({ allow: '127.0.0.0/8', resolve: world, ca: cert });
  const res = await client.request({ method: 'GET', url: `https://shop.test:${port}/` });
  expect(Buffer.from(res.body).toString()).toBe('sni=shop.test');
  await client.close();
});

test('the certificate is verified against the host name, not the address', async () => {
  const client = createOutboundClient({ allow: '127.0.0.0/8', resolve: world, ca: cert });
  const err = await failure(client.request({ method: 'GET', url: `https://other.test:${port}/` }));
  expect(err.code).toBe('NETWORK');
  expect(err.message).toMatch(/^https:\/\/other\.test:\d+\/: the TLS connection to other\.test:\d+ failed \(ERR_TLS_CERT_ALTNAME_INVALID/);
  await client.close();
});

test('an untrusted certificate is a NETWORK error that says so', async () => {
  const client = createOutboundClient({ allow: '127.0.0.0/8', resolve: world });
  const err = await failure(client.request({ method: 'GET', url: `https://shop.test:${port}/?key=1` }));
  expect(err.code).toBe('NETWORK');
  expect(err.message).toBe(
    `https://shop.test:${port}/: the TLS connection to shop.test:${port} failed (DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate)`,
  );
  await client.close();
});
