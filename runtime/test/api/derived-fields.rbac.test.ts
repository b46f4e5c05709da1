/**
 * A role that may not see a field must not learn it through a computed field or a rollup that
 * reads it: such derived fields are hidden from that role too, on every path (get, list, filter,
 * CSV export, live events, the runtime definition).
 */
import { startTestServer, type TestServer } from '../helpers/tessera';
import { addMember, publishApp, rbacApp, type TestMember } from '../helpers/members';
import { openSse } from '../helpers/sse';

let t: TestServer;
let rep: TestMember, manager: TestMember;
const base = '/api/apps/derived/data/deal';
let dealId: string;
let accountId: string;

/**
 * The RBAC app (margin hidden from reps) plus fields derived from margin, and one from visible
 * fields only; and a `fee` hidden from reps that a computed field reads by a name it spells at run
 * time (`$eval`), which no static walk can see: it must be hidden all the same.
 */
function app() {
  const def = rbacApp('derived') as {
    entities: Array<{ id: string; fields: unknown[]; permissions: Array<{ role: string; fields?: Record<string, string> }> }>;
  };
  const [deal, account] = def.entities;
  deal.permissions.find((p) => p.role === 'rep')!.fields!.fee = 'hidden';
  deal.fields.push(
    { id: 'fee', type: 'number' },
    { id: 'feeShown', type: 'computed', resultType: 'number', expression: { $expr: "$eval('f' & 'ee')" } },
    { id: 'profit', type: 'computed', resultType: 'number', expression: { $expr: 'amount * margin' } },
    { id: 'profitLabel', type: 'computed', resultType: 'text', expression: { $expr: '"profit " & $string(profit)' } },
    { id: 'everything', type: 'computed', resultType: 'text', expression: { $expr: '$string($keys($))' } },
  );
  account.fields.push(
    { id: 'dealTotal', type: 'rollup', entity: 'deal', via: 'account', aggregate: 'sum', field: 'amount' },
    { id: 'marginTotal', type: 'rollup', entity: 'deal', via: 'account', aggregate: 'sum', field: 'margin' },
  );
  return def;
}

const hiddenFromRep = ['margin', 'profit', 'profitLabel', 'everything', 'fee', 'feeShown'];
const leaks = (value: unknown) => JSON.stringify(value).match(/margin|profit|everything|fee/g);

beforeAll(async () => {
  t = await startTestServer();
  await publishApp(t, app());
  rep = await addMember(t, 'derived', { email: 'rep@t.test', roles: ['rep'], team: 'east' });
  manager = await addMember(t, 'derived', { email: 'boss@t.test', roles: ['manager'], team: 'east' }); // the rep's team: sees the rep's deals
  accountId = (await t.api('POST', '/api/apps/derived/data/account', { name: 'Acme' })).body.id;
  dealId = (await t.api('POST', base, { name: 'Big', amount: 100, margin: 0.4, fee: 7, owner: rep.email, account: accountId })).body.id;
});
afterAll(() => t.close());

describe('computed fields and rollups of hidden fields', () => {
  it("are not in the rep's records (get and list), and the manager sees them", async () => {
    const one = await rep.api('GET', `${base}/${dealId}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ name: 'Big', amount: 100, weighted: 200 });
    for (const f of hiddenFromRep) expect(one.body).not.toHaveProperty(f);
    const list = await rep.api('GET', base);
    expect(list.body.items).toHaveLength(1);
    expect(leaks(list.body.items)).toBeNull();
    const boss = await manager.api('GET', `${base}/${dealId}`);
    expect(boss.body).toMatchObject({ margin: 0.4, profit: 40, profitLabel: 'profit 40', fee: 7, feeShown: 7 });
    expect(boss.body.everything).toContain('margin');

    const account = await rep.api('GET', `/api/apps/derived/data/account/${accountId}`);
    expect(account.body).toMatchObject({ name: 'Acme', dealTotal: 100 });
    expect(account.body).not.toHaveProperty('marginTotal');
    expect((await manager.api('GET', `/api/apps/derived/data/account/${accountId}`)).body.marginTotal).toBe(0.4);
  });

  it('cannot be asked for by name: filter, sort, fields, aggregate metrics', async () => {
    for (const q of [`filter=${encodeURIComponent('{"profit":40}')}`, 'sort=-profit']) {
      const res = await rep.api('GET', `${base}?${q}`);
      expect([res.status, res.body.detail]).toEqual([400, expect.stringContaining('unknown field "profit"')]);
    }
    const metric = await rep.api(
      'GET',
      `${base}/aggregate?metrics=${encodeURIComponent(JSON.stringify([{ op: 'sum', field: 'profit', as: 'p' }]))}`,
    );
    expect(metric.status).toBe(400);
  });

  it("are not in the rep's CSV export, by default or on request", async () => {
    const res = await fetch(`${t.url}${base}/export.csv`, { headers: { authorization: `Bearer ${rep.key}` } });
    const lines = (await res.text())
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0].split(',')).toEqual([
      'id',
      'name',
      'amount',
      'notes',
      'stage',
      'closeDate',
      'won',
      'tags',
      'code',
      'account',
      'meta',
      'signedAt',
      'owner',
      'weighted',
    ]);
    expect(lines[1]).toContain(',200');
    expect(leaks(lines)).toBeNull();
    const asked = await rep.api('GET', `${base}/export.csv?fields=name,profit`);
    expect(asked.status).toBe(400);
    expect(asked.body.errors).toEqual([{ pointer: '/fields/1', message: 'unknown field "profit" on deal' }]);
    const boss = await fetch(`${t.url}${base}/export.csv?fields=name,profit`, { headers: { authorization: `Bearer ${manager.key}` } });
    expect((await boss.text()).trim().split('\r\n')[1]).toBe('Big,40');
  });

  it("are not in the rep's live events, while the manager gets them", async () => {
    const repStream = await openSse(`${t.url}/api/apps/derived/live`, { authorization: `Bearer ${rep.key}` });
    const bossStream = await openSse(`${t.url}/api/apps/derived/live`, { authorization: `Bearer ${manager.key}` });
    try {
      await repStream.next((e) => e.event === 'retry');
      await bossStream.next((e) => e.event === 'retry');
      expect((await t.api('PATCH', `${base}/${dealId}`, { margin: 0.5, name: 'Bigger' })).status).toBe(200);
      const seen = await repStream.next((e) => e.event === 'change' && e.data.record?.name === 'Bigger');
      expect(seen.data.record).toMatchObject({ amount: 100, weighted: 200 });
      for (const f of hiddenFromRep) expect(seen.data.record).not.toHaveProperty(f);
      const boss = await bossStream.next((e) => e.event === 'change' && e.data.record?.name === 'Bigger');
      expect(boss.data.record).toMatchObject({ margin: 0.5, profit: 50 });
      expect(JSON.stringify(repStream.events)).not.toMatch(/margin|profit|everything|fee/);
    } finally {
      repStream.close();
      bossStream.close();
    }
  });

  it("are left out of the rep's runtime definition and listed as hidden", async () => {
    const info = (await rep.api('GET', '/api/apps/derived/runtime')).body;
    expect([...info.permissions.deal.hidden].sort()).toEqual([...hiddenFromRep].sort());
    expect(info.permissions.account.hidden).toEqual(['marginTotal']);
    const fields = info.definition.entities.find((e: { id: string }) => e.id === 'deal').fields.map((f: { id: string }) => f.id);
    expect(fields).toContain('weighted');
    for (const f of hiddenFromRep) expect(fields).not.toContain(f);
  });
});
