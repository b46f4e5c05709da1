import { afterEach, describe, expect, it } from '@jest/globals';
import { executeOperation, RateLimiter, type OAuthTokens } from '../../src/executor';
import { fail, json, serversClosedAfterEach } from '../local-server';
import { shopManifest } from './manifest.fixture';
import { testOutbound } from './test-outbound';

const KEY = 'sk_live_8f3a9d2c71';
const serve = serversClosedAfterEach();
const sleeps: number[] = [];
const ports = { outbound: testOutbound, sleep: async (ms: number) => void sleeps.push(ms), random: () => 0.5 };
afterEach(() => void (sleeps.length = 0));

describe('retries', () => {
  it('retries a GET on 503 and 429, honouring Retry-After, then succeeds', async () => {
    let n = 0;
    const s = await serve((_, res) => {
      n++;
      if (n === 1) return json(res, 503, { error: 'busy' }, { 'retry-after': '2' });
      if (n === 2) return json(res, 429, { error: 'slow down' });
      json(res, 200, { ok: true });
    });
    const manifest = shopManifest([{ id: 'get', http: { method: 'GET', path: '/x' } }]);
    const r = await executeOperation(
      { manifest, operation: 'get', config: { baseUrl: s.url }, credential: { type: 'apiKey', key: KEY } },
      ports,
    );
    expect(r.output).toEqual({ ok: true });
    expect(sleeps).toEqual([2000, 200]); // Retry-After, then jittered backoff (0.5 · 200 · 2¹)
  });

  it('does not retry a POST without an idempotency key; with one, retries and sends the key each time', async () => {
    const s = await serve((req, res) => (s.seen.length <= 2 ? json(res, 503, { error: 'busy' }) : json(res, 201, { id: 't1' })));
    const manifest = shopManifest([
      { id: 'create', http: { method: 'POST', path: '/t', body: { a: 1 }, idempotencyHeader: 'Idempotency-Key' } },
    ]);
    const base = { manifest, operation: 'create', config: { baseUrl: s.url }, credential: { type: 'apiKey' as const, key: KEY } };
    const err = await fail(executeOperation(base, ports));
    expect([err.code, err.detail.status, s.seen.length]).toEqual(['REMOTE', 503, 1]);
    const r = await executeOperation({ ...base, idempotencyKey: 'run-7/step-2' }, ports);
    expect(r.status).toBe(201);
    expect(s.seen.slice(1).map((x) => x.headers['idempotency-key'])).toEqual(['run-7/step-2', 'run-7/step-2']);
  });

  it('gives up after the retries and tells how long the API asked to wait when it is beyond what a call waits', async () => {
    const s = await serve((_, res) => json(res, 429, { error: 'quota' }, { 'retry-after': '3600' }));
    const manifest = shopManifest([{ id: 'get', http: { method: 'GET', path: '/x' } }]);
    const err = await fail(
      executeOperation({ manifest, operation: 'get', config: { baseUrl: s.url }, credential: { type: 'apiKey', key: KEY } }, ports),
    );
    expect(err.message).toBe('Shop answered 429 (rate limited): {"error":"quota"}');
    expect(err.detail.retryAfter).toBe(3600);
    expect(s.seen).toHaveLength(1);
  });
});

describe('errors keep the remote status and body, never the secret', () => {
  it('a wrong key: the remote error is shown with the key redacted, also URL-encoded and in a query', async () => {
    const s = await serve((req, res) =>
      json(res, 401, {
        error: `invalid key ${req.url.searchParams.get('key')}`,
        echo: encodeURIComponent(req.url.searchParams.get('key')!),
      }),
    );
    const secret = 'k3y/with+odd=chars';
    const manifest = shopManifest([{ id: 'get', http: { method: 'GET', path: '/x' } }], {
      auth: [{ type: 'apiKey', in: 'query', name: 'key' }],
    });
    const err = await fail(
      executeOperation({ manifest, operation: 'get', config: { baseUrl: s.url }, credential: { type: 'apiKey', key: secret } }, ports),
    );
    expect(err.code).toBe('REMOTE');
    expect(err.detail.status).toBe(401);
    expect(err.message).toBe(
      'Shop answered 401 (check the connection\'s credential): {"error":"invalid key [redacted]","echo":"[redacted]"}',
    );
    expect(JSON.stringify({ ...err.detail, message: err.message })).not.toContain(secret);
    expect(s.seen[0].url.searchParams.get('key')).toBe(secret);
  });

  it('garbage said to be JSON is a clear BAD_RESPONSE', async () => {
    const s = await serve((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('<html>oops</html>');
    });
    const manifest = shopManifest([{ id: 'get', http: { method: 'GET', path: '/x' } }]);
    const err = await fail(
      executeOperation({ manifest, operation: 'get', config: { baseUrl: s.url }, credential: { type: 'apiKey', key: KEY } }, ports),
    );
    expect([err.code, err.message]).toEqual(['BAD_RESPONSE', 'the API said its answer is JSON, but it is not: "<html>oops</html>"']);
  });

  it('checks the output against the output schema: a warning by default, an error under "fail"', async () => {
    const s = await serve((_, res) => json(res, 200, { id: 42 }));
    const output = { type: 'object', properties: { id: { type: 'string' } } };
    const manifest = shopManifest([
      { id: 'warned', output, http: { method: 'GET', path: '/x' } },
      { id: 'strict', output, http: { method: 'GET', path: '/x', policy: { validateOutput: 'fail' } } },
    ]);
    const base = { manifest, config: { baseUrl: s.url }, credential: { type: 'apiKey' as const, key: KEY } };
    expect((await executeOperation({ ...base, operation: 'warned' }, ports)).warnings).toEqual([
      { pointer: '/id', message: expect.stringContaining('string') },
    ]);
    expect((await fail(executeOperation({ ...base, operation: 'strict' }, ports))).code).toBe('OUTPUT_INVALID');
  });

  it('a failing mapping expression names where it failed', async () => {
    const s = await serve((_, res) => json(res, 200, { data: [] }));
    const manifest = shopManifest([
      { id: 'get', http: { method: 'GET', path: '/x', output: { $expr: '$error("no data in " & $string($response.status))' } } },
    ]);
    const err = await fail(
      executeOperation({ manifest, operation: 'get', config: { baseUrl: s.url }, credential: { type: 'apiKey', key: KEY } }, ports),
    );
    expect(err.code).toBe('EXPRESSION');
    expect(err.message).toMatch(/^output: /);
  });
});

describe('OAuth2', () => {
  const oauthManifest = (tokenUrl: string) =>
    shopManifest([{ id: 'me', http: { method: 'GET', path: '/me' } }], {
      auth: [{ type: 'oauth2', flow: 'clientCredentials', tokenUrl, scopes: ['read', 'write'] }],
    });

  it('fetches a client-credentials token, reuses it, and refreshes once on a 401', async () => {
    let issued = 0;
    const s = await serve((req, res) => {
      if (req.url.pathname === '/token') {
        issued++;
        return json(res, 200, { access_token: `tok-${issued}`, expires_in: 3600, token_type: 'bearer' });
      }
      // The first token is revoked early: the API refuses it.
      if (req.headers.authorization === 'Bearer tok-1' && issued === 1 && s.seen.length > 2) return json(res, 401, { error: 'revoked' });
      json(res, 200, { who: req.headers.authorization });
    });
    const saved: OAuthTokens[] = [];
    const credential = { type: 'oauth2' as const, clientId: 'app-1', clientSecret: 'cs_9f8e7d6c5b' };
    const call = { manifest: oauthManifest(`${s.url}/token`), operation: 'me', config: { baseUrl: s.url }, credential };
    const p = { ...ports, now: () => 1_000_000, saveTokens: async (t: OAuthTokens) => void saved.push(t) };
    expect((await executeOperation(call, p)).output).toEqual({ who: 'Bearer tok-1' });
    expect((await executeOperation(call, p)).output).toEqual({ who: 'Bearer tok-2' });
    expect(saved).toEqual([
      { accessToken: 'tok-1', expiresAt: 1_000_000 + 3_600_000 },
      { accessToken: 'tok-2', expiresAt: 1_000_000 + 3_600_000 },
    ]);
    const token = s.seen.find((x) => x.url.pathname === '/token')!;
    expect(new URLSearchParams(token.body.toString()).get('grant_type')).toBe('client_credentials');
    expect(new URLSearchParams(token.body.toString()).get('scope')).toBe('read write');
    expect(token.headers.authorization).toBe(`Basic ${Buffer.from('app-1:cs_9f8e7d6c5b').toString('base64')}`);
  });

  it('uses the refresh token when the access token expired, and keeps the newer refresh token', async () => {
    const s = await serve((req, res) => {
      if (req.url.pathname === '/token') return json(res, 200, { access_token: 'fresh', refresh_token: 'rt-2', expires_in: 60 });
      json(res, 200, { who: req.headers.authorization });
    });
    const credential = {
      type: 'oauth2' as const,
      clientId: 'app',
      clientSecret: 'cs_9f8e7d6c5b',
      accessToken: 'stale',
      refreshToken: 'rt-1',
      expiresAt: 1_000_010,
    };
    const saved: OAuthTokens[] = [];
    const r = await executeOperation(
      {
        manifest: shopManifest([{ id: 'me', http: { method: 'GET', path: '/me' } }], {
          auth: [
            { type: 'oauth2', flow: 'authorizationCode', authorizationUrl: 'https://id.example.com/auth', tokenUrl: `${s.url}/token` },
          ],
        }),
        operation: 'me',
        config: { baseUrl: s.url },
        credential,
      },
      { ...ports, now: () => 1_000_000, saveTokens: async (t) => void saved.push(t) },
    );
    expect(r.output).toEqual({ who: 'Bearer fresh' });
    expect(new URLSearchParams(s.seen[0].body.toString()).get('refresh_token')).toBe('rt-1');
    expect(saved).toEqual([{ accessToken: 'fresh', refreshToken: 'rt-2', expiresAt: 1_060_000 }]);
  });

  it('a refused token request is an AUTH error without the client secret', async () => {
    const s = await serve((_, res) => json(res, 400, { error: 'invalid_client', error_description: 'bad secret cs_9f8e7d6c5b' }));
    const err = await fail(
      executeOperation(
        {
          manifest: oauthManifest(`${s.url}/token`),
          operation: 'me',
          config: { baseUrl: s.url },
          credential: { type: 'oauth2', clientId: 'app', clientSecret: 'cs_9f8e7d6c5b' },
        },
        ports,
      ),
    );
    expect([err.code, err.message]).toEqual(['AUTH', 'the token endpoint refused: invalid_client: bad secret [redacted]']);
  });
});

describe('rate limit', () => {
  it('spaces calls per connection to stay under the limit', async () => {
    const s = await serve((_, res) => json(res, 200, {}));
    const manifest = shopManifest([{ id: 'get', http: { method: 'GET', path: '/x' } }], {
      defaults: { rateLimit: { requests: 2, perSeconds: 1 } },
    });
    const limiter = new RateLimiter();
    const p = { ...ports, limiter, limiterKey: 'conn-a', now: () => 5_000 };
    for (let i = 0; i < 3; i++)
      await executeOperation({ manifest, operation: 'get', config: { baseUrl: s.url }, credential: { type: 'apiKey', key: KEY } }, p);
    expect(sleeps).toEqual([500, 1000]);
    await executeOperation(
      { manifest, operation: 'get', config: { baseUrl: s.url }, credential: { type: 'apiKey', key: KEY } },
      { ...p, limiterKey: 'conn-b' },
    );
    expect(sleeps).toEqual([500, 1000]); // another connection has its own budget
  });
});
