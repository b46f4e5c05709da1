/**
 * Hardening 11: a reader who may not see a field does not learn that it changed. When a manager
 * changes only the margin (hidden from reps), the rep's live stream stays quiet and the rep's
 * audit trail has no "the manager changed" entry; a change of a field the rep sees reaches them
 * with that field only. The manager sees everything.
 */
import { startTestServer, type TestServer } from '../helpers/tessera';
import { addMember, publishApp, rbacApp, type TestMember } from '../helpers/members';
import { openSse } from '../helpers/sse';

let t: TestServer;
let rep: TestMember, manager: TestMember;
const base = '/api/apps/hidden/data/deal';
let dealId: string;

beforeAll(async () => {
  t = await startTestServer();
  await publishApp(t, rbacApp('hidden'));
  rep = await addMember(t, 'hidden', { email: 'rep@t.test', roles: ['rep'], team: 'east' });
  manager = await addMember(t, 'hidden', { email: 'boss@t.test', roles: ['manager'], team: 'east' });
  dealId = (await t.api('POST', base, { name: 'Big', amount: 100, margin: 0.4, owner: rep.email })).body.id;
});
afterAll(() => t.close());

it('a change of hidden fields only is neither streamed nor in the audit trail for the rep; a visible change is', async () => {
  const repStream = await openSse(`${t.url}/api/apps/hidden/live`, { authorization: `Bearer ${rep.key}` });
  const bossStream = await openSse(`${t.url}/api/apps/hidden/live`, { authorization: `Bearer ${manager.key}` });
  try {
    await repStream.next((e) => e.event === 'retry');
    await bossStream.next((e) => e.event === 'retry');
    const hiddenOnly = await manager.api('PATCH', `${base}/${dealId}`, { margin: 0.5 });
    expect(hiddenOnly.status).toBe(200);
    await bossStream.next((e) => e.event === 'change' && e.data.version === 2);
    const visible = await manager.api('PATCH', `${base}/${dealId}`, { name: 'Bigger', margin: 0.6 });
    expect(visible.status).toBe(200);
    // Streams deliver in order: once version 3 is here, version 2 would have come before it.
    const seen = await repStream.next((e) => e.event === 'change' && e.data.version === 3);
    expect(seen.data.record).toMatchObject({ name: 'Bigger' });
    expect(seen.data.record).not.toHaveProperty('margin');
    expect(repStream.events.filter((e) => e.event === 'change').map((e) => e.data.version)).toEqual([3]);
    await bossStream.next((e) => e.event === 'change' && e.data.version === 3);
  } finally {
    repStream.close();
    bossStream.close();
  }

  const repTrail = (await rep.api('GET', `${base}/${dealId}/audit`)).body.items as Array<{
    action: string;
    changes: Array<{ field: string }>;
  }>;
  expect(repTrail.map((e) => [e.action, e.changes.map((c) => c.field)])).toEqual([
    ['update', ['name']],
    ['create', expect.not.arrayContaining(['margin'])],
  ]);
  const bossTrail = (await manager.api('GET', `${base}/${dealId}/audit`)).body.items as Array<{
    action: string;
    changes: Array<{ field: string }>;
  }>;
  expect(bossTrail.map((e) => [e.action, e.changes.map((c) => c.field).sort()])).toEqual([
    ['update', ['margin', 'name']],
    ['update', ['margin']],
    ['create', expect.arrayContaining(['margin', 'name'])],
  ]);
});

it('pages of the trail are filled past hidden updates', async () => {
  for (let i = 0; i < 5; i++) expect((await manager.api('PATCH', `${base}/${dealId}`, { margin: 0.1 * i })).status).toBe(200);
  const page = await rep.api('GET', `${base}/${dealId}/audit?limit=2`);
  expect(page.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
});
