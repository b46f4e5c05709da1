import { startTestServer, type TestServer } from '../helpers/tessera';
import { addMember, publishApp, rbacApp, type TestMember } from '../helpers/members';

let t: TestServer;
let rep: TestMember, other: TestMember, auditor: TestMember;
const base = '/api/apps/agg/data/deal';
const q = (o: Record<string, unknown>) =>
  Object.entries(o)
    .map(([k, v]) => `${k}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`)
    .join('&');

beforeAll(async () => {
  t = await startTestServer();
  await publishApp(t, rbacApp('agg'));
  rep = await addMember(t, 'agg', { email: 'rep@t.test', roles: ['rep'] });
  other = await addMember(t, 'agg', { email: 'other@t.test', roles: ['rep'] });
  auditor = await addMember(t, 'agg', { email: 'auditor@t.test', roles: ['auditor'] });
  const rows = [
    ['2026-01-05', 100, 'open', 'rep@t.test'],
    ['2026-01-20', 50, 'won', 'rep@t.test'],
    ['2026-02-03', 10, 'won', 'other@t.test'],
    ['2026-04-01', 7, 'open', 'rep@t.test'],
    ['2025-12-31', 1, 'lost', 'other@t.test'],
  ] as const;
  for (const [closeDate, amount, stage, owner] of rows) {
    expect((await t.api('POST', base, { name: `${closeDate}`, closeDate, amount, stage, owner, margin: amount / 10 })).status).toBe(201);
  }
  await t.api('POST', base, { name: 'no date', amount: 3, owner: 'rep@t.test' });
});
afterAll(() => t.close());

describe('aggregate', () => {
  it('groups by a field with several metrics', async () => {
    const res = await t.api(
      'GET',
      `${base}/aggregate?${q({
        groupBy: 'stage',
        metrics: [
          { op: 'count', as: 'n' },
          { op: 'sum', field: 'amount', as: 'total' },
        ],
      })}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([
      { stage: 'lost', n: 1, total: 1 },
      { stage: 'open', n: 3, total: 110 },
      { stage: 'won', n: 2, total: 60 },
    ]);
  });

  it('buckets a date field by month and quarter, folding count, sum, min, max and avg', async () => {
    const metrics = [
      { op: 'count', as: 'n' },
      { op: 'sum', field: 'amount', as: 'sum' },
      { op: 'min', field: 'amount', as: 'min' },
      { op: 'max', field: 'amount', as: 'max' },
      { op: 'avg', field: 'amount', as: 'avg' },
    ];
    const month = await t.api('GET', `${base}/aggregate?${q({ groupBy: 'closeDate', metrics, bucket: 'month' })}`);
    expect(month.status).toBe(200);
    expect(month.body.rows).toEqual([
      { closeDate: null, n: 1, sum: 3, min: 3, max: 3, avg: 3 },
      { closeDate: '2025-12', n: 1, sum: 1, min: 1, max: 1, avg: 1 },
      { closeDate: '2026-01', n: 2, sum: 150, min: 50, max: 100, avg: 75 },
      { closeDate: '2026-02', n: 1, sum: 10, min: 10, max: 10, avg: 10 },
      { closeDate: '2026-04', n: 1, sum: 7, min: 7, max: 7, avg: 7 },
    ]);
    const quarter = await t.api(
      'GET',
      `${base}/aggregate?${q({ groupBy: 'closeDate,stage', metrics: [{ op: 'sum', field: 'amount', as: 'sum' }], bucket: 'quarter', filter: { closeDate: { $gte: '2026-01-01' } } })}`,
    );
    expect(quarter.body.rows).toEqual([
      { closeDate: '2026-Q1', stage: 'open', sum: 100 },
      { closeDate: '2026-Q1', stage: 'won', sum: 60 },
      { closeDate: '2026-Q2', stage: 'open', sum: 7 },
    ]);
  });

  it('applies the row scope and refuses hidden fields as unknown', async () => {
    const mine = await rep.api('GET', `${base}/aggregate?${q({ metrics: [{ op: 'sum', field: 'amount', as: 'total' }] })}`);
    expect(mine.body.rows).toEqual([{ total: 160 }]);
    const hidden = await rep.api('GET', `${base}/aggregate?${q({ metrics: [{ op: 'sum', field: 'margin', as: 'm' }] })}`);
    expect(hidden.status).toBe(400);
    expect(hidden.body.detail).toMatch(/unknown field "margin"/);
    expect((await auditor.api('GET', `${base}/aggregate?${q({ groupBy: 'margin', metrics: [{ op: 'count', as: 'n' }] })}`)).status).toBe(
      400,
    );
  });

  it('refuses bad requests with 400 naming the place', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ groupBy: 'stage' }, /metrics is required/],
      [{ metrics: '[{"op":' }, /not valid JSON/],
      [{ metrics: [{ op: 'median', field: 'amount', as: 'x' }] }, /median/],
      [{ metrics: [{ op: 'count', as: 'n' }], groupBy: 'stage', bucket: 'month' }, /date or datetime/],
      [{ metrics: [{ op: 'count', as: 'n' }], groupBy: 'closeDate', bucket: 'decade' }, /bucket/],
      [{ metrics: [{ op: 'count', as: 'n' }], groupBy: 'weighted' }, /computed/],
    ];
    for (const [query, message] of cases) {
      const res = await t.api('GET', `${base}/aggregate?${q(query)}`);
      expect(res.status).toBe(400);
      expect(res.body.detail).toMatch(message);
    }
  });
});

describe('saved views', () => {
  it('keeps own views private and shared ones visible to every member; only the owner changes them', async () => {
    const mine = await rep.api('POST', '/api/apps/agg/views', {
      name: 'Big deals',
      component: 'dealsTable',
      state: { filter: { amount: { $gt: 10 } }, sort: [{ field: 'amount', dir: 'desc' }], columns: ['name'], pageSize: 25 },
    });
    expect(mine.status).toBe(201);
    const shared = await rep.api('POST', '/api/apps/agg/views', { name: 'Team', component: 'dealsTable', state: {}, shared: true });
    expect((await other.api('GET', '/api/apps/agg/views?component=dealsTable')).body.items.map((v: { name: string }) => v.name)).toEqual([
      'Team',
    ]);
    expect((await rep.api('GET', '/api/apps/agg/views?component=dealsTable')).body.items.map((v: { name: string }) => v.name)).toEqual([
      'Big deals',
      'Team',
    ]);
    expect(
      (await other.api('PUT', `/api/apps/agg/views/${shared.body.id}`, { name: 'Mine now', component: 'dealsTable', state: {} })).status,
    ).toBe(403);
    expect((await other.api('DELETE', `/api/apps/agg/views/${mine.body.id}`)).status).toBe(404);
    const renamed = await rep.api('PUT', `/api/apps/agg/views/${mine.body.id}`, {
      name: 'Huge deals',
      component: 'dealsTable',
      state: { pageSize: 50 },
    });
    expect(renamed.body).toMatchObject({ name: 'Huge deals', state: { pageSize: 50 }, shared: false });
    expect((await rep.api('DELETE', `/api/apps/agg/views/${mine.body.id}`)).status).toBe(204);
  });

  it('refuses malformed views field by field', async () => {
    const res = await rep.api('POST', '/api/apps/agg/views', {
      name: '',
      component: 'not valid',
      state: { pageSize: 5000, colour: 'red' },
      shared: 'yes',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '/component',
      '/name',
      '/shared',
      '/state/colour',
      '/state/pageSize',
    ]);
  });
});
