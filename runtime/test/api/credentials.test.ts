/**
 * The credentials API on a real server: only those who may edit an app's definition (builders,
 * admins) manage its credentials; it is write-only (a list shows what is set, never a secret);
 * bodies are checked against their schema; errors are problem+json.
 */
import { startTestServer, contactsApp, type TestServer } from '../helpers/tessera';
import { addMember, publishApp, type TestMember } from '../helpers/members';

const APP = 'vault-api';
const base = `/api/apps/${APP}/credentials`;
const SECRET = 'Api-Test-Secret-6d1e';

let t: TestServer;
let member: TestMember;
let builder: TestMember;

beforeAll(async () => {
  t = await startTestServer();
  await publishApp(t, contactsApp(APP));
  member = await addMember(t, APP, { email: 'member@vault.test', roles: [] });
  builder = await addMember(t, APP, { email: 'builder@vault.test' });
  await t.running.platform.accounts.updateUser(builder.id, { role: 'builder' });
});
afterAll(() => t.close());

describe('credentials API', () => {
  it('stores a credential write-only: 201 then 200 with its metadata, the list shows it as set, never the secret', async () => {
    const created = await builder.api('PUT', `${base}/erp`, { type: 'basic', username: 'svc', password: SECRET });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      ref: 'erp',
      type: 'basic',
      set: true,
      username: 'svc',
      updatedAt: expect.any(String),
      updatedBy: { id: builder.id, email: 'builder@vault.test', name: 'builder' },
    });
    const replaced = await t.api('PUT', `${base}/erp`, { type: 'basic', username: 'svc2', password: `${SECRET}2` });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ username: 'svc2', updatedBy: { email: 'admin@test.local' } });
    expect((await t.api('PUT', `${base}/wechat`, { type: 'oauth2', clientId: 'wx1', clientSecret: SECRET })).status).toBe(201);

    const list = await builder.api('GET', base);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ ref: 'erp', type: 'basic', set: true, username: 'svc2' }),
      expect.objectContaining({ ref: 'wechat', type: 'oauth2', set: true, clientId: 'wx1' }),
    ]);
    expect(JSON.stringify([created.body, replaced.body, list.body])).not.toContain(SECRET);
    // What the executor reads on the server is the real secret.
    expect(await t.running.platform.credentials.getCredential(APP, 'erp')).toEqual({
      type: 'basic',
      username: 'svc2',
      password: `${SECRET}2`,
    });

    expect((await builder.api('DELETE', `${base}/erp`)).status).toBe(204);
    expect((await builder.api('GET', base)).body.items.map((c: { ref: string }) => c.ref)).toEqual(['wechat']);
    const again = await builder.api('DELETE', `${base}/erp`);
    expect(again.status).toBe(404);
    expect(again.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('is refused to app members who do not build apps, and to read-only keys', async () => {
    for (const [method, body] of [
      ['GET', undefined],
      ['PUT', { type: 'bearer', token: SECRET }],
      ['DELETE', undefined],
    ] as const) {
      const res = await member.api(method, method === 'GET' ? base : `${base}/wechat`, body);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ title: 'Forbidden', detail: 'this needs the builder role' });
    }
    const readOnly = await t.running.platform.accounts.createApiKey(builder.id, 'read only', { readOnly: true });
    expect((await t.as(readOnly.key)('PUT', `${base}/x`, { type: 'bearer', token: SECRET })).status).toBe(403);
    expect((await t.as(readOnly.key)('GET', base)).status).toBe(200);
  });

  it('checks the body against its schema and points at what is wrong, without quoting the sent values', async () => {
    const cases: Array<[unknown, string, RegExp]> = [
      [{ type: 'apiKey' }, '', /missing required property "key"/],
      [{ type: 'basic', username: 'u', passwrd: SECRET }, '/passwrd', /unknown property "passwrd"/],
      [{ type: SECRET, key: SECRET }, '/type', /unknown credential type "…" \(expected one of apiKey, basic, bearer, oauth2\)/],
      [{ type: 'bearer', token: 42 }, '/token', /must be string/],
      [{ type: 'bearer', token: 'x'.repeat(20_000) }, '/token', /must NOT have more than 16384 characters/],
      [
        { type: 'oauth2', clientId: 'c', clientSecret: SECRET, expiresAt: `${SECRET} tomorrow` },
        '/expiresAt',
        /must match format "date-time"/,
      ],
      [[SECRET], '', /must be object/],
    ];
    for (const [body, pointer, message] of cases) {
      const res = await builder.api('PUT', `${base}/bad`, body);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body.errors).toEqual(expect.arrayContaining([{ pointer, message: expect.stringMatching(message) }]));
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
    }
    const malformed = await builder.api('PUT', `${base}/bad`, `{"type":"bearer","token":${SECRET}}`);
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ title: 'Malformed JSON', detail: 'the request body is not valid JSON' });
    expect((await builder.api('GET', base)).body.items.map((c: { ref: string }) => c.ref)).not.toContain('bad');
  });

  it('refuses references a connection could not name, and apps that do not exist', async () => {
    const bad = await builder.api('PUT', `${base}/${encodeURIComponent('9 lives')}`, { type: 'bearer', token: SECRET });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ pointer: '/ref', message: 'is not a valid credential reference' }]);
    expect((await builder.api('PUT', '/api/apps/no-such-app/credentials/x', { type: 'bearer', token: SECRET })).status).toBe(404);
    expect((await builder.api('GET', '/api/apps/no-such-app/credentials')).status).toBe(404);
  });

  it('goes with its app when the app is deleted', async () => {
    await publishApp(t, contactsApp('vault-gone'));
    expect((await t.api('PUT', '/api/apps/vault-gone/credentials/shop', { type: 'apiKey', key: SECRET })).status).toBe(201);
    expect((await t.api('DELETE', '/api/apps/vault-gone?force=true')).status).toBe(204);
    expect(await t.running.platform.credentials.listCredentials('vault-gone')).toEqual([]);
  });
});
