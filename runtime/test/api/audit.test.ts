import { startTestServer, type TestServer } from '../helpers/tessera';
import { addMember, publishApp, rbacApp, type TestMember } from '../helpers/members';

let t: TestServer;
let rep: TestMember, auditor: TestMember;
const base = '/api/apps/audit/data/deal';

beforeAll(async () => {
  t = await startTestServer();
  await publishApp(t, rbacApp('audit'));
  rep = await addMember(t, 'audit', { email: 'rep@t.test', roles: ['rep'] });
  auditor = await addMember(t, 'audit', { email: 'auditor@t.test', roles: ['auditor'] });
});
afterAll(() => t.close());

describe('audit log', () => {
  it('records who changed which field from what to what, newest first, only changed fields', async () => {
    const created = await t.api('POST', base, { name: 'Deal', amount: 10, margin: 0.2, owner: 'rep@t.test' });
    const id = created.body.id;
    expect((await rep.api('PATCH', `${base}/${id}`, { amount: 20, name: 'Deal' })).status).toBe(200);
    expect((await t.api('PATCH', `${base}/${id}`, { margin: 0.3 })).status).toBe(200);
    expect((await t.api('PATCH', `${base}/${id}`, { margin: 0.3 })).status).toBe(200); // no change: no entry
    const res = await t.api('GET', `${base}/${id}/audit`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'update', 'create']);
    const [second, first, create] = res.body.items;
    expect(second.changes).toEqual([{ field: 'margin', from: 0.2, to: 0.3 }]);
    expect(first).toMatchObject({ user: { id: rep.id, email: 'rep@t.test' }, changes: [{ field: 'amount', from: 10, to: 20 }] });
    expect(create.changes).toEqual(
      expect.arrayContaining([
        { field: 'name', from: null, to: 'Deal' },
        { field: 'stage', from: null, to: 'open' },
      ]),
    );
    expect(new Date(create.at).getTime()).toBeLessThanOrEqual(new Date(second.at).getTime());
    expect(res.body.nextCursor).toBeNull();

    const paged = await t.api('GET', `${base}/${id}/audit?limit=2`);
    expect(paged.body.items).toHaveLength(2);
    const rest = await t.api('GET', `${base}/${id}/audit?limit=2&cursor=${encodeURIComponent(paged.body.nextCursor)}`);
    expect(rest.body.items.map((e: { action: string }) => e.action)).toEqual(['create']);
  });

  it('leaves out changes of fields the caller may not read (and updates of only those), and answers 404 for records out of scope', async () => {
    const created = await t.api('POST', base, { name: 'Hidden', margin: 0.5, notes: 'n', owner: 'someone@t.test' });
    await t.api('PATCH', `${base}/${created.body.id}`, { margin: 0.6, notes: 'm' });
    const seen = await auditor.api('GET', `${base}/${created.body.id}/audit`);
    expect(seen.status).toBe(200);
    expect(JSON.stringify(seen.body)).not.toMatch(/margin|notes/);
    // The update changed only fields the auditor cannot see: it is not in their trail (Hardening 11).
    expect(seen.body.items.map((e: { action: string }) => e.action)).toEqual(['create']);
    expect((await rep.api('GET', `${base}/${created.body.id}/audit`)).status).toBe(404);
  });

  it('writes no entry when the change fails, and records deletes with the last values', async () => {
    const a = await t.api('POST', base, { name: 'A', code: 'X1' });
    const b = await t.api('POST', base, { name: 'B', code: 'X2' });
    expect((await t.api('PATCH', `${base}/${b.body.id}`, { code: 'X1' })).status).toBe(409);
    expect((await t.api('GET', `${base}/${b.body.id}/audit`)).body.items).toHaveLength(1);
    expect((await t.api('DELETE', `${base}/${a.body.id}`)).status).toBe(204);
    const gone = await t.api('GET', `${base}/${a.body.id}/audit`);
    expect(gone.body.items[0]).toMatchObject({
      action: 'delete',
      changes: expect.arrayContaining([{ field: 'code', from: 'X1', to: null }]),
    });
    expect((await t.api('GET', `${base}/${a.body.id}/audit?cursor=garbage`)).status).toBe(400);
  });
});
