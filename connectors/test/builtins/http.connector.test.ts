import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BUILTIN_CONNECTORS, executeOperation, isConnectorError } from '../../src';
import { json, localServer } from '../local-server';
import { testOutbound } from '../executor/test-outbound';

const http = BUILTIN_CONNECTORS.find((c) => c.manifest.name === 'http')!;
let s: Awaited<ReturnType<typeof localServer>>;
beforeAll(async () => {
  s = await localServer((req, res) =>
    req.url.pathname.endsWith('/missing')
      ? json(res, 404, { error: 'no such thing' })
      : json(res, 200, {
          method: req.method,
          path: req.url.pathname,
          query: Object.fromEntries(req.url.searchParams),
          body: req.body.length ? JSON.parse(req.body.toString()) : null,
        }),
  );
});
afterAll(() => s.close());

describe('built-in "HTTP request"', () => {
  const call = (operation: string, input: Record<string, unknown>) =>
    executeOperation(
      {
        manifest: http.manifest,
        operation,
        config: { baseUrl: `${s.url}/api` },
        credential: { type: 'bearer', token: 'tok_abcdef' },
        input,
      },
      { outbound: testOutbound },
    );

  it('calls a path under the base URL with query, headers and a JSON body, and answers status, headers and body', async () => {
    const r = await call('post', { path: 'v1/tickets', query: { notify: true }, headers: { 'X-Trace': 't1' }, body: { subject: 'Hi' } });
    expect(r.output).toEqual({
      status: 200,
      headers: expect.objectContaining({ 'content-type': 'application/json' }),
      body: { method: 'POST', path: '/api/v1/tickets', query: { notify: 'true' }, body: { subject: 'Hi' } },
    });
    expect(s.seen.at(-1)!.headers['x-trace']).toBe('t1');
    expect(s.seen.at(-1)!.headers.authorization).toBe('Bearer tok_abcdef');
  });

  it('keeps the path under the base URL: "." and ".." segments are refused, "?" and "#" are encoded', async () => {
    const err = await call('get', { path: '../admin' }).catch((e) => e);
    expect(isConnectorError(err) && [err.code, err.message]).toEqual(['INPUT', '"path" may not contain "." or ".." segments']);
    const r = await call('get', { path: 'a?b=1#c' });
    expect((r.output as { body: { path: string } }).body.path).toBe('/api/a%3Fb%3D1%23c');
  });

  it('a remote 404 is an error with its status and body', async () => {
    const err = await call('delete', { path: 'x/missing' }).catch((e) => e);
    expect(isConnectorError(err) && [err.code, err.detail.status, err.detail.remoteBody]).toEqual([
      'REMOTE',
      404,
      '{"error":"no such thing"}',
    ]);
  });
});
