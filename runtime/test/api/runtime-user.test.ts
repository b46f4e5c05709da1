/**
 * Hardening 18: `$user` in `visible` rules knew only the platform role. `/runtime` now gives the
 * caller's app roles and team, which the app client binds as `$user`.
 */
import { startTestServer, type TestServer } from '../helpers/tessera';
import { addMember, publishApp, rbacApp } from '../helpers/members';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await publishApp(t, rbacApp('roles'));
});
afterAll(() => t.close());

it("gives the caller's app roles and team with the user", async () => {
  const boss = await addMember(t, 'roles', { email: 'boss@t.test', roles: ['manager'], team: 'east' });
  const rep = await addMember(t, 'roles', { email: 'rep@t.test', roles: ['rep'], team: 'west' });
  expect((await boss.api('GET', '/api/apps/roles/runtime')).body.user).toMatchObject({
    email: 'boss@t.test',
    roles: ['manager'],
    team: 'east',
  });
  expect((await rep.api('GET', '/api/apps/roles/runtime')).body.user).toMatchObject({ email: 'rep@t.test', roles: ['rep'], team: 'west' });
});
