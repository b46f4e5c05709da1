/**
 * Hardening 9: sessions and API keys do not outlive what should end them. A password change ends
 * the user's other sessions (and the keys they minted) but keeps the current one; signing out
 * revokes the session's keys; a key minted by a key dies with it; keys can be scoped to apps and
 * to reads, enforced on every route.
 */
import { ADMIN, contactsApp, startTestServer, type TestServer } from '../helpers/tessera';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  for (const id of ['crm', 'other']) {
    expect((await t.api('POST', '/api/apps', contactsApp(id))).status).toBe(201);
    expect((await t.api('POST', `/api/apps/${id}/publish`, {})).status).toBe(201);
  }
});
afterAll(() => t.close());

async function signIn(email: string, password: string): Promise<string> {
  const res = await fetch(`${t.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0];
}

/** A request signed in by cookie, as the browser app sends it (same origin). */
async function withCookie(cookie: string, method: string, route: string, body?: unknown) {
  const res = await fetch(t.url + route, {
    method,
    headers: { cookie, 'sec-fetch-site': 'same-origin', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const me = async (key: string) => (await fetch(`${t.url}/api/auth/me`, { headers: { authorization: `Bearer ${key}` } })).status;

let n = 0;
async function newUser(role = 'member'): Promise<{ id: string; email: string; password: string }> {
  const email = `user${++n}@test.local`;
  const password = `first password ${n}`;
  const res = await t.api('POST', '/api/users', { email, password, role });
  expect(res.status).toBe(201);
  return { id: res.body.id, email, password };
}

describe('changing your own password', () => {
  it('ends your other sessions and their keys, and keeps the current session signed in', async () => {
    const u = await newUser();
    const current = await signIn(u.email, u.password);
    const other = await signIn(u.email, u.password);
    const otherKey = (await withCookie(other, 'POST', '/api/api-keys', { name: 'from the other session' })).body.key as string;
    const currentKey = (await withCookie(current, 'POST', '/api/api-keys', { name: 'from this session' })).body.key as string;
    expect(await me(otherKey)).toBe(200);

    const res = await withCookie(current, 'POST', '/api/auth/password', { currentPassword: u.password, newPassword: 'second password 9' });
    expect(res.status).toBe(204);

    expect((await withCookie(other, 'GET', '/api/auth/me')).status).toBe(401);
    expect(await me(otherKey)).toBe(401);
    expect((await withCookie(current, 'GET', '/api/auth/me')).status).toBe(200);
    expect(await me(currentKey)).toBe(200);
    await signIn(u.email, 'second password 9');
    const old = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: u.email, password: u.password }),
    });
    expect(old.status).toBe(401);
  });

  it('refuses a wrong current password with 403 problem+json and changes nothing', async () => {
    const u = await newUser();
    const current = await signIn(u.email, u.password);
    const other = await signIn(u.email, u.password);
    const res = await withCookie(current, 'POST', '/api/auth/password', {
      currentPassword: 'not my password',
      newPassword: 'second password 9',
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ status: 403, detail: 'the current password is wrong', errors: [{ pointer: '/currentPassword' }] });
    expect((await withCookie(other, 'GET', '/api/auth/me')).status).toBe(200);
    await signIn(u.email, u.password);
  });

  it('holds the new password to the password rules, with a pointer', async () => {
    const u = await newUser();
    const current = await signIn(u.email, u.password);
    const weak = await withCookie(current, 'POST', '/api/auth/password', { currentPassword: u.password, newPassword: '1234567890' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0].pointer).toBe('/newPassword');
    const missing = await withCookie(current, 'POST', '/api/auth/password', { newPassword: 'second password 9' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].pointer).toBe('/currentPassword');
    await signIn(u.email, u.password);
  });

  it('slows down guessing the current password with a stolen session', async () => {
    const u = await newUser();
    const current = await signIn(u.email, u.password);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (await withCookie(current, 'POST', '/api/auth/password', { currentPassword: `guess ${i}`, newPassword: 'second password 9' }))
          .status,
      );
    expect(statuses.slice(0, 5)).toEqual([403, 403, 403, 403, 403]);
    expect(statuses[6]).toBe(429);
  });

  it('an admin setting a user’s password ends all of that user’s sessions', async () => {
    const u = await newUser();
    const session = await signIn(u.email, u.password);
    const key = (await withCookie(session, 'POST', '/api/api-keys', {})).body.key as string;
    expect((await t.api('PATCH', `/api/users/${u.id}`, { password: 'reset by admin 7' })).status).toBe(200);
    expect((await withCookie(session, 'GET', '/api/auth/me')).status).toBe(401);
    expect(await me(key)).toBe(401);
  });
});

describe('keys die with their parent', () => {
  it('signing out revokes the keys the session minted, and theirs', async () => {
    const cookie = await signIn(ADMIN.email, ADMIN.password);
    const created = await withCookie(cookie, 'POST', '/api/api-keys', { name: 'minted by a session' });
    expect(created.status).toBe(201);
    expect(created.body.createdBy).toEqual({ via: 'session' });
    const child = await t.as(created.body.key)('POST', '/api/api-keys', { name: 'minted by that key' });
    expect(child.status).toBe(201);
    expect(await me(created.body.key)).toBe(200);
    expect(await me(child.body.key)).toBe(200);
    expect((await withCookie(cookie, 'POST', '/api/auth/logout')).status).toBe(204);
    expect(await me(created.body.key)).toBe(401);
    expect(await me(child.body.key)).toBe(401);
    expect((await t.api('GET', '/api/auth/me')).status).toBe(200); // the tests' own key was minted by no session
  });

  it('a session that expires takes the keys it minted with it, and theirs', async () => {
    const user = await newUser();
    const cookie = await signIn(user.email, user.password);
    const created = await withCookie(cookie, 'POST', '/api/api-keys', { name: 'minted by a session' });
    const child = await t.as(created.body.key)('POST', '/api/api-keys', { name: 'minted by that key' });
    expect([created.status, child.status]).toEqual([201, 201]);
    // Nobody signs out: the session just runs out.
    const sessions = t.running.platform.store.collection('_sessions');
    for (const s of (await sessions.find({ filter: { userId: user.id }, limit: 10 })).items)
      await sessions.update(s.id, { expiresAt: new Date(Date.now() - 1000).toISOString() });
    expect(await me(child.body.key)).toBe(401);
    expect(await me(created.body.key)).toBe(401);
    expect((await t.running.platform.store.collection('_api_keys').find({ filter: { userId: user.id }, limit: 10 })).items).toEqual([]);
  });

  it('revoking a key revokes the keys it minted, transitively, at once', async () => {
    const parent = await t.api('POST', '/api/api-keys', { name: 'parent' });
    const child = await t.as(parent.body.key)('POST', '/api/api-keys', { name: 'child' });
    const grandchild = await t.as(child.body.key)('POST', '/api/api-keys', { name: 'grandchild' });
    expect(child.body.createdBy).toEqual({ via: 'apiKey', keyId: parent.body.id });
    for (const k of [parent, child, grandchild]) expect(await me(k.body.key)).toBe(200); // now cached
    expect((await t.api('DELETE', `/api/api-keys/${parent.body.id}`)).status).toBe(204);
    for (const k of [parent, child, grandchild]) expect(await me(k.body.key)).toBe(401);
  });
});

describe('key scopes', () => {
  it('refuses any write with a read-only key (403) and writes nothing', async () => {
    const ro = await t.api('POST', '/api/api-keys', { name: 'reader', readOnly: true });
    expect(ro.status).toBe(201);
    expect(ro.body.readOnly).toBe(true);
    const api = t.as(ro.body.key);
    expect((await api('GET', '/api/apps/crm/data/company')).status).toBe(200);
    const before = (await t.api('GET', '/api/apps/crm/data/company?count=true&limit=1')).body.total;
    const write = await api('POST', '/api/apps/crm/data/company', { name: 'Acme' });
    expect(write.status).toBe(403);
    expect(write.body.detail).toMatch(/read-only/);
    expect((await t.api('GET', '/api/apps/crm/data/company?count=true&limit=1')).body.total).toBe(before);
    expect((await api('POST', '/api/api-keys', { name: 'escape' })).status).toBe(403);
    expect((await api('PUT', '/api/apps/crm', contactsApp('crm'))).status).toBe(403);
  });

  it('refuses an app-scoped key on another app, and outside apps, with 403', async () => {
    const scoped = await t.api('POST', '/api/api-keys', { name: 'crm only', apps: ['crm'] });
    expect(scoped.status).toBe(201);
    expect(scoped.body.apps).toEqual(['crm']);
    const api = t.as(scoped.body.key);
    expect((await api('POST', '/api/apps/crm/data/company', { name: 'In scope' })).status).toBe(201);
    const other = await api('GET', '/api/apps/other/data/company');
    expect(other.status).toBe(403);
    expect(other.body.detail).toMatch(/not for app other/);
    expect((await api('POST', '/api/apps/other/data/company', { name: 'Out of scope' })).status).toBe(403);
    expect((await api('GET', '/api/APPS/other/data/company')).status).toBe(403);
    expect((await api('GET', '/api/apps/%6Fther/data/company')).status).toBe(403);
    expect((await t.api('GET', '/api/apps/other/data/company?count=true&limit=1')).body.total).toBe(0);
    for (const route of ['/api/apps', '/api/users', '/api/api-keys']) expect((await api('GET', route)).status).toBe(403);
    expect((await api('GET', '/api/auth/me')).status).toBe(200);
  });

  it('validates scopes with pointers', async () => {
    const bad = await t.api('POST', '/api/api-keys', { apps: ['crm', 'Not An App', 7], readOnly: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/apps/1', '/apps/2', '/readOnly']);
    expect((await t.api('POST', '/api/api-keys', { apps: [] })).body.errors[0].pointer).toBe('/apps');
    expect((await t.api('POST', '/api/api-keys', { apps: 'crm' })).body.errors[0].pointer).toBe('/apps');
  });
});

describe('listing and revoking keys', () => {
  it('shows a member only their own keys, lets them revoke only theirs; admins see all', async () => {
    const u = await newUser();
    const cookie = await signIn(u.email, u.password);
    const mine = await withCookie(cookie, 'POST', '/api/api-keys', { name: 'mine' });
    const adminKey = await t.api('POST', '/api/api-keys', { name: 'the admin’s' });
    const list = await withCookie(cookie, 'GET', '/api/api-keys');
    expect(list.body.items.map((k: { id: string }) => k.id)).toEqual([mine.body.id]);
    expect(JSON.stringify(list.body)).not.toContain(mine.body.key);
    expect((await withCookie(cookie, 'DELETE', `/api/api-keys/${adminKey.body.id}`)).status).toBe(404);
    expect(await me(adminKey.body.key)).toBe(200);
    const all = await t.api('GET', '/api/api-keys');
    expect(all.body.items.map((k: { id: string }) => k.id)).toEqual(expect.arrayContaining([mine.body.id, adminKey.body.id]));
    const theirs = await t.api('GET', `/api/api-keys?userId=${u.id}`);
    expect(theirs.body.items.map((k: { id: string }) => k.id)).toEqual([mine.body.id]);
    expect(
      (await withCookie(cookie, 'GET', `/api/api-keys?userId=${adminKey.body.userId}`)).body.items.map((k: { id: string }) => k.id),
    ).toEqual([mine.body.id]);
    expect((await withCookie(cookie, 'DELETE', `/api/api-keys/${mine.body.id}`)).status).toBe(204);
    expect(await me(mine.body.key)).toBe(401);
  });
});

describe('an admin setting their own password with PATCH /users/:id', () => {
  it('keeps the session that asked and ends the others', async () => {
    const asking = await signIn(ADMIN.email, ADMIN.password);
    const other = await signIn(ADMIN.email, ADMIN.password);
    const adminId = (await withCookie(asking, 'GET', '/api/auth/me')).body.user.id as string;
    expect((await withCookie(asking, 'PATCH', `/api/users/${adminId}`, { password: 'admin changed it 5' })).status).toBe(200);
    expect((await withCookie(asking, 'GET', '/api/auth/me')).status).toBe(200);
    expect((await withCookie(other, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await t.api('GET', '/api/auth/me')).status).toBe(200); // a key no session minted stays
    expect((await withCookie(asking, 'PATCH', `/api/users/${adminId}`, { password: ADMIN.password })).status).toBe(200);
  });
});
