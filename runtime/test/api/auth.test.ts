import { ADMIN, startTestServer, type TestServer } from '../helpers/tessera';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

async function login(email: string, password: string) {
  return fetch(`${t.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

describe('authentication', () => {
  it('reports health without signing in', async () => {
    const res = await fetch(`${t.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', store: 'sqlite' });
  });

  it('refuses the API without credentials, as problem+json', async () => {
    const res = await fetch(`${t.url}/api/apps`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  it('signs in with a session cookie that is httpOnly and works for later requests', async () => {
    const res = await login(ADMIN.email, ADMIN.password);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/tessera_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await fetch(`${t.url}/api/auth/me`, { headers: { cookie: cookie.split(';')[0] } });
    expect((await me.json()).user.email).toBe(ADMIN.email);
    const out = await fetch(`${t.url}/api/auth/logout`, { method: 'POST', headers: { cookie: cookie.split(';')[0] } });
    expect(out.status).toBe(204);
    const after = await fetch(`${t.url}/api/auth/me`, { headers: { cookie: cookie.split(';')[0] } });
    expect(after.status).toBe(401);
  });

  it('says "wrong email or password" for both a wrong password and an unknown user', async () => {
    for (const [email, pw] of [
      [ADMIN.email, 'wrong password!'],
      ['nobody@test.local', 'whatever123'],
    ]) {
      const res = await login(email, pw);
      expect(res.status).toBe(401);
      expect((await res.json()).detail).toBe('wrong email or password');
    }
  });

  it('slows down password guessing', async () => {
    let last = 0;
    for (let i = 0; i < 7; i++) last = (await login('guess@test.local', `guess-${i}-xxxx`)).status;
    expect(last).toBe(429);
  });

  it('never stores or returns password hashes', async () => {
    const res = await t.api('GET', '/api/users');
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|passwordHash/);
  });

  it('lets an admin create users; members cannot manage apps', async () => {
    const created = await t.api('POST', '/api/users', { email: 'Rep@Test.local', password: 'rep password 1', role: 'member' });
    expect(created.status).toBe(201);
    expect(created.body.email).toBe('rep@test.local');
    const dup = await t.api('POST', '/api/users', { email: 'rep@test.local', password: 'rep password 1' });
    expect(dup.status).toBe(409);
    const weak = await t.api('POST', '/api/users', { email: 'weak@test.local', password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0].pointer).toBe('/password');

    const res = await login('rep@test.local', 'rep password 1');
    const cookie = res.headers.get('set-cookie')!.split(';')[0];
    const apps = await fetch(`${t.url}/api/apps`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{"id":"x1"}',
    });
    expect(apps.status).toBe(403);
  });

  it('creates API keys shown once, lists them without the secret, and revokes them', async () => {
    const created = await t.api('POST', '/api/api-keys', { name: 'integration' });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^tsk_/);
    const list = await t.api('GET', '/api/api-keys');
    expect(JSON.stringify(list.body)).not.toContain(created.body.key);
    const ok = await fetch(`${t.url}/api/auth/me`, { headers: { authorization: `Bearer ${created.body.key}` } });
    expect(ok.status).toBe(200);
    expect((await t.api('DELETE', `/api/api-keys/${created.body.id}`)).status).toBe(204);
    const revoked = await fetch(`${t.url}/api/auth/me`, { headers: { authorization: `Bearer ${created.body.key}` } });
    expect(revoked.status).toBe(401);
  });

  it('answers every response with a request id, reusing a sane incoming one', async () => {
    const res = await fetch(`${t.url}/api/health`, { headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    const other = await fetch(`${t.url}/api/health`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
