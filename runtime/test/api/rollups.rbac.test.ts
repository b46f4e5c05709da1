/**
 * A rollup counts only the rows its reader may read: a rep sees the total of their own deals on
 * an account, never how much other reps sell there. Every path: get, list, CSV export, and live
 * events, which carry one value for all subscribers and so leave such rollups out (named in
 * `omitted`) for readers of only some rows.
 */
import { startTestServer, type TestServer } from '../helpers/tessera';
import { addMember, publishApp, rbacApp, type TestMember } from '../helpers/members';
import { openSse } from '../helpers/sse';

let t: TestServer;
let rep: TestMember, auditor: TestMember;
let accountId: string;
const accounts = '/api/apps/rollscope/data/account';

function app() {
  const def = rbacApp('rollscope') as { entities: Array<{ id: string; fields: unknown[] }> };
  def.entities[1].fields.push(
    { id: 'dealTotal', type: 'rollup', entity: 'deal', via: 'account', aggregate: 'sum', field: 'amount' },
    { id: 'dealCount', type: 'rollup', entity: 'deal', via: 'account', aggregate: 'count' },
    { id: 'summary', type: 'computed', resultType: 'text', expression: { $expr: 'name & ": " & $string(dealCount) & " deals"' } },
  );
  return def;
}

beforeAll(async () => {
  t = await startTestServer();
  await publishApp(t, app());
  rep = await addMember(t, 'rollscope', { email: 'rep@r.test', roles: ['rep'], team: 'east' });
  auditor = await addMember(t, 'rollscope', { email: 'audit@r.test', roles: ['auditor'] });
  accountId = (await t.api('POST', accounts, { name: 'Acme' })).body.id;
  const deal = (amount: number, owner: string) =>
    t.api('POST', '/api/apps/rollscope/data/deal', { name: `D${amount}`, amount, owner, account: accountId });
  await deal(100, rep.email);
  await deal(500, 'other@r.test');
  await deal(250, 'other@r.test');
});
afterAll(() => t.close());

describe('rollups over rows the reader may not all read', () => {
  it("aggregate only the reader's rows on get and list; readers of all rows get the full total", async () => {
    const mine = await rep.api('GET', `${accounts}/${accountId}`);
    expect(mine.body).toMatchObject({ dealTotal: 100, dealCount: 1, summary: 'Acme: 1 deals' });
    const list = await rep.api('GET', accounts);
    expect(list.body.items[0]).toMatchObject({ dealTotal: 100, dealCount: 1 });
    expect((await auditor.api('GET', `${accounts}/${accountId}`)).body).toMatchObject({
      dealTotal: 850,
      dealCount: 3,
      summary: 'Acme: 3 deals',
    });
    expect((await t.api('GET', `${accounts}/${accountId}`)).body).toMatchObject({ dealTotal: 850, dealCount: 3 });
  });

  it("aggregate only the reader's rows in the CSV export", async () => {
    const csv = async (key: string) =>
      (
        await (
          await fetch(`${t.url}${accounts}/export.csv?fields=name,dealTotal,dealCount`, { headers: { authorization: `Bearer ${key}` } })
        ).text()
      )
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n');
    expect(await csv(rep.key)).toEqual(['name,dealTotal,dealCount', 'Acme,100,1']);
    expect(await csv(auditor.key)).toEqual(['name,dealTotal,dealCount', 'Acme,850,3']);
  });

  it('are left out of live events for the rep (named in `omitted`), and sent whole to the auditor', async () => {
    const repStream = await openSse(`${t.url}/api/apps/rollscope/live`, { authorization: `Bearer ${rep.key}` });
    const auditStream = await openSse(`${t.url}/api/apps/rollscope/live`, { authorization: `Bearer ${auditor.key}` });
    try {
      await repStream.next((e) => e.event === 'retry');
      await auditStream.next((e) => e.event === 'retry');
      expect((await t.api('PATCH', `${accounts}/${accountId}`, { name: 'Acme Corp' })).status).toBe(200);
      const seen = await repStream.next((e) => e.event === 'change' && e.data.record?.name === 'Acme Corp');
      expect(seen.data.record).not.toHaveProperty('dealTotal');
      expect(seen.data.record).not.toHaveProperty('dealCount');
      expect(seen.data.record).not.toHaveProperty('summary');
      expect([...seen.data.omitted].sort()).toEqual(['dealCount', 'dealTotal', 'summary']);
      const audit = await auditStream.next((e) => e.event === 'change' && e.data.record?.name === 'Acme Corp');
      expect(audit.data.record).toMatchObject({ dealTotal: 850, dealCount: 3, summary: 'Acme Corp: 3 deals' });
      expect(audit.data).not.toHaveProperty('omitted');
      // As values (`:850,`), not inside ids: a live event id is a number that may well contain 850.
      expect(JSON.stringify(repStream.events)).not.toMatch(/:850[,}]|: 3 deals/);
    } finally {
      repStream.close();
      auditStream.close();
    }
  });
});
