/**
 * A developer publishes with the real CLI (a child process) to one Tessera server, the registry;
 * a second server installs from it by name and range through its outbound client. A manifest
 * altered on the way is refused by its integrity; a bad range, an unknown connector, a version
 * out of range, a wrong key and an unreachable registry are clear errors and install nothing.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { ADMIN, startTestServer, type TestServer } from '../helpers/tessera';

const run = promisify(execFile);
const BIN = path.join(__dirname, '../../bin/tessera.js');
let registry: TestServer;
let consumer: TestServer;
let registryKey: string;
let tamper: http.Server;
let tamperUrl: string;
let work: string;

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: work, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function bumpVersion(dir: string, version: string, title?: string) {
  const file = path.join(dir, 'connector.json');
  const header = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(file, JSON.stringify({ ...header, version, ...(title ? { title } : {}) }));
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-cli-'));
  registry = await startTestServer();
  consumer = await startTestServer({ outboundAllow: '127.0.0.1' });
  const admin = await registry.running.platform.accounts.findUserByEmail(ADMIN.email);
  registryKey = (await registry.running.platform.accounts.createApiKey(admin!.id, 'cli')).key;
  // A registry in the middle that lists the real integrity but serves an altered manifest.
  tamper = http.createServer((req, res) => {
    void fetch(registry.url + req.url, { headers: { authorization: String(req.headers.authorization) } }).then(async (r) => {
      const body = (await r.json()) as Record<string, unknown>;
      if (/^\/api\/connectors\/[^/]+\/[^/]+$/.test(req.url ?? '')) body.title = 'Altered on the way';
      res.writeHead(r.status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => tamper.listen(0, '127.0.0.1', resolve));
  tamperUrl = `http://127.0.0.1:${(tamper.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  if (tamper) await new Promise<void>((resolve) => tamper.close(() => resolve()));
  await registry?.close();
  await consumer?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('publishing with the CLI and installing from a registry', () => {
  it('scaffolds, tests and publishes two versions; the same again is a no-op; other contents are refused (409)', async () => {
    expect((await cli(['connector', 'init', 'acme-shop'])).code).toBe(0);
    const dir = path.join(work, 'acme-shop');
    const tested = await cli(['connector', 'test', dir]);
    expect(tested.stdout).toContain('2 passed, 0 failed');

    const first = await cli(['connector', 'publish', dir, '--registry', registry.url], { TESSERA_TOKEN: registryKey });
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/^Published acme-shop@0\.1\.0 sha256-[A-Za-z0-9+/=]+\n$/);
    const again = await cli(['connector', 'publish', dir, '--registry', registry.url, '--token', registryKey]);
    expect(again.stdout).toMatch(/^Already published, same contents: acme-shop@0\.1\.0/);

    bumpVersion(dir, '0.1.0', 'Changed title');
    const changed = await cli(['connector', 'publish', dir, '--registry', registry.url, '--token', registryKey]);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain('conflict (409): acme-shop 0.1.0 is already installed with other contents');

    bumpVersion(dir, '1.2.0', 'Acme shop');
    expect((await cli(['connector', 'publish', dir, '--registry', registry.url, '--token', registryKey])).code).toBe(0);
    bumpVersion(dir, '2.0.0');
    expect((await cli(['connector', 'publish', dir, '--registry', registry.url, '--token', registryKey])).code).toBe(0);

    const listed = await cli(['connector', 'list', '--registry', registry.url, '--token', registryKey, '--name', 'acme-shop']);
    expect(
      listed.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(' ')[0]),
    ).toEqual(['acme-shop@2.0.0', 'acme-shop@1.2.0', 'acme-shop@0.1.0']);
    const dep = await cli([
      'connector',
      'deprecate',
      'acme-shop',
      '0.1.0',
      '-m',
      'use 1.x',
      '--registry',
      registry.url,
      '--token',
      registryKey,
    ]);
    expect(dep.stdout).toBe('Deprecated acme-shop@0.1.0: use 1.x\n');
  }, 60_000);

  it('installs the highest version in range on the second server, with the integrity the registry lists', async () => {
    const listed = await registry.api('GET', '/api/connectors?name=acme-shop');
    const v12 = (listed.body as { items: Array<{ version: string; integrity: string }> }).items.find((i) => i.version === '1.2.0')!;
    const install = () =>
      consumer.api('POST', '/api/connectors/install', {
        registry: registry.url,
        name: 'acme-shop',
        range: '^1.0.0',
        token: registryKey,
      });
    const res = await install();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'acme-shop', version: '1.2.0', source: 'registry', integrity: v12.integrity });
    const again = await install();
    expect(again.status).toBe(200);
    expect((await consumer.api('GET', '/api/connectors/acme-shop/1.2.0')).body).toMatchObject({ name: 'acme-shop', version: '1.2.0' });
  });

  it('refuses a manifest that does not match the listed integrity, and installs nothing', async () => {
    const res = await consumer.api('POST', '/api/connectors/install', {
      registry: tamperUrl,
      name: 'acme-shop',
      range: '2.x',
      token: registryKey,
    });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('does not match the integrity the registry lists');
    expect((await consumer.api('GET', '/api/connectors?name=acme-shop')).body).toMatchObject({ items: [{ version: '1.2.0' }] });
  });

  it('gives a clear error for a bad range, an unknown name, no version in range, a wrong key and an unreachable registry', async () => {
    const install = (body: Record<string, unknown>) =>
      consumer.api('POST', '/api/connectors/install', { registry: registry.url, name: 'acme-shop', token: registryKey, ...body });
    const bad = await install({ range: 'not a range!' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('is not a semver range');
    const unknown = await install({ name: 'nope', range: '^1' });
    expect(unknown.status).toBe(404);
    const outOf = await install({ range: '^3.0.0' });
    expect(outOf.status).toBe(404);
    expect(JSON.stringify(outOf.body)).toContain('satisfies \\"^3.0.0\\"; it has 2.0.0, 1.2.0, 0.1.0');
    const wrongKey = await install({ range: '^1', token: 'wrong-key-123' });
    expect(wrongKey.status).toBe(400);
    expect(JSON.stringify(wrongKey.body)).not.toContain('wrong-key-123');
    const down = await install({ registry: 'http://127.0.0.1:9', range: '^1' });
    expect(down.status).toBe(400);
    expect(JSON.stringify(down.body)).toContain('the registry could not be reached');
    // The first server allows no loopback: the second as a registry is a private address to it.
    const blocked = await registry.api('POST', '/api/connectors/install', { registry: consumer.url, name: 'acme-shop', range: '^1' });
    expect(JSON.stringify(blocked.body)).toContain('BLOCKED_ADDRESS');
    expect((await consumer.api('GET', '/api/connectors?name=acme-shop')).body).toMatchObject({ items: [{ version: '1.2.0' }] });
  });

  it('the CLI says what is wrong: a wrong key, an unreachable registry, an invalid folder', async () => {
    const dir = path.join(work, 'acme-shop');
    const wrong = await cli(['connector', 'publish', dir, '--registry', registry.url, '--token', 'wrong-key-123']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('refused the API key (401)');
    expect(wrong.stderr).not.toContain('wrong-key-123');
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const gone = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const down = await cli(['connector', 'publish', dir, '--registry', gone, '--token', registryKey]);
    expect(down.stderr).toContain(`the registry ${gone} could not be reached (ECONNREFUSED)`);
    const op = path.join(dir, 'operations/listOrders.json');
    const saved = fs.readFileSync(op, 'utf8');
    fs.writeFileSync(op, JSON.stringify({ ...JSON.parse(saved), http: { method: 'GET', path: 42 } }));
    const invalid = await cli(['connector', 'validate', dir]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('operations/listOrders.json: /http/path');
    const notPublished = await cli(['connector', 'publish', dir, '--registry', registry.url, '--token', registryKey]);
    expect(notPublished.code).toBe(1);
    fs.writeFileSync(op, saved);
    const refused = await cli(['connector', 'init', 'acme-shop']);
    expect(refused.stderr).toContain('is not empty');
  }, 60_000);
});
