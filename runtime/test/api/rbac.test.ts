import { startTestServer, type TestServer } from '../helpers/tessera';
import { addMember, publishApp, rbacApp, type TestMember } from '../helpers/members';

let t: TestServer;
let rep1: TestMember, rep2: TestMember, manager: TestMember, auditor: TestMember, both: TestMember, guest: TestMember, stranger: TestMember;
const base = '/api/apps/rbac/data/deal';

beforeAll(async () => {
  t = await startTestServer();
  await publishApp(t, rbacApp('rbac'));
  await publishApp(t, rbacApp('other'));
  rep1 = await addMember(t, 'rbac', { email: 'rep1@t.test', roles: ['rep'], team: 'east' });
  rep2 = await addMember(t, 'rbac', { email: 'rep2@t.test', roles: ['rep'], team: 'west' });
  manager = await addMember(t, 'rbac', { email: 'boss@t.test', roles: ['manager'], team: 'east' });
  auditor = await addMember(t, 'rbac', { email: 'audit@t.test', roles: ['auditor'] });
  both = await addMember(t, 'rbac', { email: 'both@t.test', roles: ['rep', 'auditor'] });
  guest = await addMember(t, 'rbac', { email: 'guest@t.test', roles: ['guest'] });
  stranger = await addMember(t, 'rbac', { email: 'stranger@t.test' });
  for (const [owner, name] of [
    [rep1, 'East deal'],
    [rep2, 'West deal'],
    [manager, 'Boss deal'],
  ] as const) {
    const res = await t.api('POST', base, { name, amount: 100, margin: 0.3, notes: 'secret', owner: owner.email });
    expect(res.status).toBe(201);
  }
});
afterAll(() => t.close());

const names = (res: { body: { items: Array<{ name: string }> } }) => res.body.items.map((d) => d.name).sort();
const adminCount = async () => (await t.api('GET', `${base}?count=true&limit=1`)).body.total as number;

describe('memberships', () => {
  it('lets admins add, list and remove members, refusing unknown roles and users', async () => {
    const list = await t.api('GET', '/api/apps/rbac/members');
    expect(list.status).toBe(200);
    expect(list.body.items.find((m: { email: string }) => m.email === 'rep1@t.test')).toMatchObject({
      roles: ['rep'],
      team: 'east',
      userId: rep1.id,
    });
    const bad = await t.api('PUT', `/api/apps/rbac/members/${stranger.id}`, { roles: ['rep', 'wizard'] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ pointer: '/roles/1', message: expect.stringMatching(/unknown role "wizard"/) }]);
    expect((await t.api('PUT', '/api/apps/rbac/members/nobody', { roles: ['rep'] })).status).toBe(404);
    expect((await t.api('PUT', `/api/apps/rbac/members/${stranger.id}`, { roles: 'rep' })).status).toBe(422);
    expect((await t.api('PUT', `/api/apps/rbac/members/${stranger.id}`, { roles: [], team: '<script>' })).status).toBe(422);
    expect((await rep1.api('GET', '/api/apps/rbac/members')).status).toBe(403);
    expect((await t.api('DELETE', `/api/apps/rbac/members/${stranger.id}`)).status).toBe(404);
  });

  it('refuses every app endpoint to users without a membership (403) and lists only their apps', async () => {
    for (const path of [base, `${base}/x`, '/api/apps/rbac/runtime', '/api/apps/rbac/views', '/api/apps/other/data/deal']) {
      const res = await stranger.api('GET', path);
      expect(res.status).toBe(403);
    }
    expect((await rep1.api('GET', '/api/apps/other/data/deal')).status).toBe(403);
    expect((await rep1.api('GET', '/api/apps')).body.items.map((a: { id: string }) => a.id)).toEqual(['rbac']);
    expect((await rep1.api('GET', '/api/apps/rbac/openapi.json')).status).toBe(403);
  });

  it('refuses a role without any permission on the entity (403)', async () => {
    expect((await guest.api('GET', base)).status).toBe(403);
    expect((await guest.api('POST', base, { name: 'x' })).status).toBe(403);
  });
});

describe('rows and fields', () => {
  it('rep: sees only own rows, never the hidden field, and counts only those', async () => {
    const list = await rep1.api('GET', `${base}?count=true`);
    expect(list.status).toBe(200);
    expect(names(list)).toEqual(['East deal']);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).not.toHaveProperty('margin');
    expect(list.body.items[0]).toMatchObject({ notes: 'secret', weighted: 200 });
    const one = await rep1.api('GET', `${base}/${list.body.items[0].id}`);
    expect(one.status).toBe(200);
    expect(one.body).not.toHaveProperty('margin');
  });

  it('rep: out-of-scope rows answer 404 for read, update and delete, and stay unchanged', async () => {
    const west = (await rep2.api('GET', base)).body.items[0];
    expect((await rep1.api('GET', `${base}/${west.id}`)).status).toBe(404);
    expect((await rep1.api('PATCH', `${base}/${west.id}`, { name: 'Stolen' })).status).toBe(404);
    expect((await rep1.api('DELETE', `${base}/${west.id}`)).status).toBe(403); // reps may not delete at all
    expect((await t.api('GET', `${base}/${west.id}`)).body).toMatchObject({ name: 'West deal', version: 1 });
  });

  it('rep: hidden and unknown fields are refused alike in filters and sorts', async () => {
    for (const query of [
      `filter=${encodeURIComponent('{"margin":{"$gt":0}}')}`,
      'sort=-margin',
      `filter=${encodeURIComponent('{"$or":[{"margin":1}]}')}`,
    ]) {
      const res = await rep1.api('GET', `${base}?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.detail).toMatch(/unknown field "margin"/);
    }
    expect((await t.api('GET', `${base}?sort=-margin`)).status).toBe(200);
  });

  it('rep: a new record gets the caller as owner; writing hidden or read-only fields is 403 per field and writes nothing', async () => {
    const before = await adminCount();
    const created = await rep1.api('POST', base, { name: 'Mine', amount: 5 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ owner: 'rep1@t.test', name: 'Mine' });
    expect(created.body).not.toHaveProperty('margin');
    const refused = await rep1.api('POST', base, { name: 'Sneaky', margin: 0.9, owner: 'rep2@t.test' });
    expect(refused.status).toBe(403);
    expect(refused.body.errors).toEqual([
      { pointer: '/margin', message: expect.any(String) },
      { pointer: '/owner', message: expect.any(String) },
    ]);
    const patch = await rep1.api('PATCH', `${base}/${created.body.id}`, { margin: 1 });
    expect(patch.status).toBe(403);
    expect(patch.body.errors).toEqual([{ pointer: '/margin', message: expect.any(String) }]);
    expect(await adminCount()).toBe(before + 1);
    expect((await t.api('GET', `${base}/${created.body.id}`)).body).toMatchObject({ version: 1 });
  });

  it('manager: sees the team (east), may write the hidden-for-reps field and delete in the team', async () => {
    const list = await manager.api('GET', base);
    expect(names(list)).toEqual(['Boss deal', 'East deal', 'Mine']);
    expect(list.body.items.find((d: { name: string }) => d.name === 'East deal').margin).toBe(0.3);
    const west = (await t.api('GET', `${base}?filter=${encodeURIComponent('{"owner":"rep2@t.test"}')}`)).body.items[0];
    expect((await manager.api('GET', `${base}/${west.id}`)).status).toBe(404);
    const tmp = await manager.api('POST', base, { name: 'Temp' });
    expect(tmp.body.owner).toBe('boss@t.test');
    // Handing a deal to someone outside the team is refused; to a team member it is fine.
    expect((await manager.api('PATCH', `${base}/${tmp.body.id}`, { owner: 'rep2@t.test' })).status).toBe(403);
    expect((await manager.api('PATCH', `${base}/${tmp.body.id}`, { owner: 'rep1@t.test', margin: 0.5 })).status).toBe(200);
    expect((await manager.api('DELETE', `${base}/${tmp.body.id}`)).status).toBe(204);
  });

  it('auditor: reads every row without margin and notes; may not write', async () => {
    const list = await auditor.api('GET', base);
    expect(list.body.items.length).toBeGreaterThanOrEqual(4);
    for (const d of list.body.items) {
      expect(d).not.toHaveProperty('margin');
      expect(d).not.toHaveProperty('notes');
    }
    expect((await auditor.api('POST', base, { name: 'x' })).status).toBe(403);
  });

  it('rep + auditor: reads all rows (notes visible through rep, margin hidden by both) but updates only own', async () => {
    const list = await both.api('GET', base);
    expect(list.body.items.length).toBeGreaterThanOrEqual(4);
    expect(list.body.items[0]).toHaveProperty('notes');
    expect(list.body.items[0]).not.toHaveProperty('margin');
    const west = list.body.items.find((d: { name: string }) => d.name === 'West deal');
    const res = await both.api('PATCH', `${base}/${west.id}`, { name: 'Nope' });
    expect(res.status).toBe(403);
  });

  it('admin: everything, hidden fields included', async () => {
    const list = await t.api('GET', base);
    expect(list.body.items.every((d: Record<string, unknown>) => d.margin === 0.3 || d.margin === undefined || d.margin === 0.5)).toBe(
      true,
    );
    expect(list.body.items.some((d: Record<string, unknown>) => 'margin' in d)).toBe(true);
  });
});

describe('GET /runtime', () => {
  it("gives the definition without hidden fields and the caller's permissions", async () => {
    const res = await rep1.api('GET', '/api/apps/rbac/runtime');
    expect(res.status).toBe(200);
    expect(res.body.app).toEqual({ id: 'rbac', name: 'RBAC test', version: 1, locales: ['en'] });
    expect(res.body.user).toMatchObject({ id: rep1.id, email: 'rep1@t.test', role: 'member' });
    expect(res.body.roles).toEqual(['rep']);
    expect(res.body.permissions.deal).toEqual({
      create: true,
      read: true,
      update: true,
      delete: false,
      rows: 'own',
      hidden: ['margin'],
      readonly: ['owner'],
    });
    const deal = res.body.definition.entities.find((e: { id: string }) => e.id === 'deal');
    expect(deal.fields.map((f: { id: string }) => f.id)).not.toContain('margin');
    const admin = await t.api('GET', '/api/apps/rbac/runtime');
    expect(admin.body.permissions.deal).toMatchObject({ delete: true, rows: 'all', hidden: [] });
  });
});
