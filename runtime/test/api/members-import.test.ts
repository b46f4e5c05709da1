/**
 * Hardening 25: members.json could be loaded for the example only. `POST
 * /api/apps/:appId/members/import` takes the same list for any app: it makes the accounts that do
 * not exist (each with a one-time password returned once, or a given one), sets every
 * membership, and refuses a list with any bad entry as a whole.
 */
import { startTestServer, type TestServer } from '../helpers/tessera';
import { addMember, publishApp, rbacApp } from '../helpers/members';

let t: TestServer;
const route = '/api/apps/school/members/import';
beforeAll(async () => {
  t = await startTestServer();
  await publishApp(t, rbacApp('school'));
});
afterAll(() => t.close());

const login = (email: string, password: string) =>
  fetch(`${t.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
const members = async () => (await t.api('GET', '/api/apps/school/members')).body.items.map((m: { email: string }) => m.email).sort();
const users = async () => (await t.api('GET', '/api/users')).body.items.map((u: { email: string }) => u.email).sort();

it('refuses a list with a bad entry as a whole, naming each problem, and changes nothing', async () => {
  const before = { users: await users(), members: await members() };
  const res = await t.api('POST', route, [
    { email: 'teacher1@school.test', roles: ['manager'] },
    { email: 'teacher2@school.test', roles: ['headmaster'] },
    { email: 'not an email', roles: ['rep'] },
    { email: 'TEACHER1@school.test', roles: ['rep'], team: '<script>' },
  ]);
  expect(res.status).toBe(422);
  expect(res.body.detail).toMatch(/nothing was changed/);
  expect(res.body.errors).toEqual([
    { pointer: '/members/1/roles/0', message: expect.stringMatching(/unknown role "headmaster"/) },
    { pointer: '/members/2/email', message: 'not an email address' },
    { pointer: '/members/3/email', message: 'teacher1@school.test is listed twice' },
    { pointer: '/members/3/team', message: expect.any(String) },
  ]);
  expect({ users: await users(), members: await members() }).toEqual(before);
});

it('makes the accounts that are missing, with one-time passwords returned once, and sets every membership', async () => {
  const existing = await addMember(t, 'school', { email: 'old.hand@school.test', roles: ['rep'] });
  const res = await t.api('POST', route, {
    members: [
      { email: 'Teacher1@School.test', name: 'First Teacher', roles: ['manager'], team: 'north' },
      { email: 'old.hand@school.test', roles: ['manager', 'rep'] },
    ],
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.body).toEqual({
    created: [{ email: 'teacher1@school.test', password: expect.any(String) }],
    updated: ['old.hand@school.test'],
  });
  expect((await login('teacher1@school.test', res.body.created[0].password)).status).toBe(200);
  const list = (await t.api('GET', '/api/apps/school/members')).body.items as Array<{
    email: string;
    roles: string[];
    team: string | null;
  }>;
  expect(list.find((m) => m.email === 'teacher1@school.test')).toMatchObject({ roles: ['manager'], team: 'north' });
  expect(list.find((m) => m.email === existing.email)).toMatchObject({ roles: ['manager', 'rep'] });
  // A member (not a platform admin) may not import.
  expect((await existing.api('POST', route, [{ email: 'x@school.test', roles: ['rep'] }])).status).toBe(403);
});

it('gives new accounts the password sent with the list, if it is strong enough', async () => {
  const weak = await t.api('POST', route, { members: [{ email: 'weak@school.test', roles: ['rep'] }], password: '1234567890' });
  expect(weak.status).toBe(422);
  expect(weak.body.errors).toEqual([{ pointer: '/password', message: expect.stringMatching(/run of keys/) }]);
  const ok = await t.api('POST', route, { members: [{ email: 'shared@school.test', roles: ['rep'] }], password: 'start of term 2027' });
  expect(ok.body.created).toEqual([{ email: 'shared@school.test', password: 'start of term 2027' }]);
  expect((await login('shared@school.test', 'start of term 2027')).status).toBe(200);
});
