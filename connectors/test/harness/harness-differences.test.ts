/**
 * The harness fails a case for every way the executor's requests or the result differ from the
 * recording, and says where: method, path, query, a listed header, body, extra or missing
 * requests, the output and the error code.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILTIN_CONNECTORS } from '../../src/builtins';
import { recordFixture, runFixture, type Fixture } from '../../src/harness';
import { createOutboundClient } from '../../src/outbound';

const httpManifest = BUILTIN_CONNECTORS.find((b) => b.manifest.name === 'http')!.manifest;
const base = (over: Partial<Fixture>): Fixture => ({
  operation: 'post',
  config: { baseUrl: 'https://api.example.com' },
  credential: { type: 'bearer', token: 'tok-12345' },
  input: { path: 'tickets', query: { a: '1' }, body: { subject: 'Hi' } },
  exchanges: [
    {
      request: {
        method: 'POST',
        path: '/tickets',
        query: { a: '1' },
        headers: { authorization: 'Bearer tok-12345' },
        body: { subject: 'Hi' },
      },
      response: { status: 201, body: { id: 1 } },
    },
  ],
  expect: { output: { status: 201, body: { id: 1 } } },
  ...over,
});

describe('harness differences', () => {
  it('passes the recording as it is', async () => {
    expect(await runFixture(httpManifest, base({}))).toEqual({ ok: true, problems: [] });
  });

  it('names the method, path, query, header and body that differ', async () => {
    const r = await runFixture(
      httpManifest,
      base({
        input: { path: 'ticket', query: { a: '2', b: 'x' }, body: { subject: 'Ho' } },
        credential: { type: 'bearer', token: 'other-token' },
      }),
    );
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([
      'request 1: path: expected /tickets, got /ticket',
      'request 1: query.a: expected "1", got "2"',
      'request 1: query.b: expected nothing, got "x"',
      'request 1: header authorization: expected "Bearer tok-12345", got "Bearer other-token"',
      'request 1: body: expected {"subject":"Hi"}, got {"subject":"Ho"}',
    ]);
  });

  it('reports requests not recorded and recordings not requested', async () => {
    const x = base({}).exchanges[0];
    const twice = await runFixture(httpManifest, base({ exchanges: [x, x] }));
    expect(twice.problems).toEqual(['1 recorded exchange(s) were never requested']);
    const none = await runFixture(httpManifest, base({ exchanges: [], expect: { error: 'REMOTE' } }));
    expect(none.problems).toEqual(['request 1 (POST /tickets) was not recorded: the fixture has 0']);
  });

  it('compares the output and the error code', async () => {
    const wrongOut = await runFixture(httpManifest, base({ expect: { output: { status: 201, body: { id: 2 } } } }));
    expect(wrongOut.problems).toEqual(['output.body.id: expected 2, got 1']);
    const wrongErr = await runFixture(httpManifest, base({ expect: { error: 'REMOTE' } }));
    expect(wrongErr.problems).toEqual(['expected error REMOTE, got success']);
    const badInput = await runFixture(httpManifest, base({ input: {}, exchanges: [], expect: { output: {} } }));
    expect(badInput.problems[0]).toMatch(/^failed with INPUT: /);
  });
});

describe('record mode', () => {
  let api: http.Server;
  let url: string;
  beforeAll(async () => {
    api = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ path: req.url, auth: req.headers.authorization }));
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => api.close(() => resolve())));

  it('writes a fixture with the secret redacted everywhere, and the fixture replays', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-record-'));
    const { file, fixture } = await recordFixture(dir, {
      manifest: httpManifest,
      operation: 'get',
      caseName: 'recorded',
      config: { baseUrl: url },
      credential: { type: 'bearer', token: 'very-secret-token' },
      input: { path: 'orders', query: { page: '2' } },
      outbound: createOutboundClient({ allow: '127.0.0.1' }),
    });
    expect(path.basename(file)).toBe('get.recorded.json');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain('very-secret-token');
    expect(fixture.credential).toEqual({ type: 'bearer', token: '[redacted]' });
    expect(fixture.exchanges[0].request).toEqual({ method: 'GET', path: '/orders', query: { page: '2' } });
    expect(fixture.expect.output).toMatchObject({ status: 200, body: { path: '/orders?page=2', auth: 'Bearer [redacted]' } });
    expect(await runFixture(httpManifest, JSON.parse(text) as Fixture)).toEqual({ ok: true, problems: [] });
  });
});
