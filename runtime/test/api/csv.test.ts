import { startTestServer, type TestServer } from '../helpers/tessera';
import { addMember, publishApp, rbacApp, type TestMember } from '../helpers/members';

let t: TestServer;
let rep: TestMember, other: TestMember;
let accountId: string;
const base = '/api/apps/csv/data/deal';

beforeAll(async () => {
  t = await startTestServer();
  await publishApp(t, rbacApp('csv'));
  rep = await addMember(t, 'csv', { email: 'rep@t.test', roles: ['rep'] });
  other = await addMember(t, 'csv', { email: 'other@t.test', roles: ['rep'] });
  accountId = (await t.api('POST', '/api/apps/csv/data/account', { name: 'Acme' })).body.id;
  await t.api('POST', base, {
    name: 'Existing',
    code: 'TAKEN',
    margin: 0.9,
    owner: 'rep@t.test',
    tags: ['a', 'b'],
    notes: '=HYPERLINK("x")',
    amount: -5,
  });
  await t.api('POST', base, { name: 'Theirs', margin: 0.1, owner: 'other@t.test' });
});
afterAll(() => t.close());

async function csvRequest(key: string, path: string, body: string, type = 'text/csv') {
  const res = await fetch(`${t.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': type }, body });
  return { status: res.status, body: await res.json() };
}
async function waitForJob(api: TestMember['api'] | TestServer['api'], jobId: string) {
  for (let i = 0; i < 600; i++) {
    const res = await api('GET', `/api/apps/csv/imports/${jobId}`);
    if (res.body.status !== 'running') return res.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}
const adminKey = async () =>
  (await t.running.platform.accounts.createApiKey((await t.running.platform.accounts.findUserByEmail('admin@test.local'))!.id, 'csv')).key;
const count = async (entity = 'deal') => (await t.api('GET', `/api/apps/csv/data/${entity}?count=exact&limit=1`)).body.total as number;

describe('CSV export', () => {
  it('streams what the caller may read: BOM, field-id header, own rows, no hidden fields, ; lists, escaped formulas', async () => {
    const res = await fetch(`${t.url}${base}/export.csv`, { headers: { authorization: `Bearer ${rep.key}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, for spreadsheets
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('id,name,amount,notes,stage,closeDate,won,tags,code,account,meta,signedAt,owner,weighted');
    expect(lines).toHaveLength(2); // only the rep's own record
    expect(text).not.toMatch(/margin|0\.9|Theirs/);
    expect(lines[1]).toContain(',-5,');
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[1]).toContain(',a;b,');
  });

  it('takes fields= (hidden ones are unknown) and gives admins everything', async () => {
    const chosen = await fetch(`${t.url}${base}/export.csv?fields=name,owner&sort=name`, {
      headers: { authorization: `Bearer ${rep.key}` },
    });
    expect((await chosen.text()).trim().split('\r\n')).toEqual(['name,owner', 'Existing,rep@t.test']);
    const refused = await rep.api('GET', `${base}/export.csv?fields=name,margin`);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ pointer: '/fields/1', message: 'unknown field "margin" on deal' }]);
    expect((await rep.api('GET', `${base}/export.csv?filter=${encodeURIComponent('{"margin":1}')}`)).status).toBe(400);
    const admin = await t.api('GET', `${base}/export.csv?fields=name,margin&sort=name`);
    expect(admin.body.trim().split('\r\n')).toEqual(['name,margin', 'Existing,0.9', 'Theirs,0.1']);
  });
});

describe('CSV import', () => {
  it('imports 10,000 rows, reporting each broken row with its line and field, and changes nothing else', async () => {
    const header = ['Name', '金额', 'stage', 'close date', 'WON', 'tags', 'code', 'account', 'meta', 'signedAt', 'id', 'weighted'];
    const lines: string[] = [header.join(',')];
    const broken = new Map<number, { line: number; field?: string }>();
    let line = 1;
    const rowLine: number[] = [];
    const add = (cells: string[], bad?: string | null) => {
      line++;
      rowLine.push(line);
      if (bad !== undefined) broken.set(lines.length, { line, ...(bad ? { field: bad } : {}) });
      lines.push(cells.join(','));
      line += cells.join(',').split('\n').length - 1;
    };
    for (let i = 0; i < 10_000; i++) {
      const row = [
        `Deal ${i}`,
        String(i),
        i % 2 ? 'won' : 'open',
        '2026-03-01',
        i % 3 ? 'yes' : '0',
        'a;c',
        `C${i}`,
        i % 10 ? '' : accountId,
        i % 7 ? '' : '"{""k"":1}"',
        '2026-03-01T10:00:00Z',
        'ignored',
        '1',
      ];
      if (i === 5) row[0] = '"Multi\nline name"';
      if (i === 100) row[1] = 'abc';
      if (i === 500) row[2] = 'bogus';
      if (i === 1000) row[7] = 'missing-account';
      if (i === 2000) row[6] = 'C1999';
      if (i === 3000) row[6] = 'TAKEN';
      if (i === 4000) row[4] = 'maybe';
      if (i === 5000) row[0] = '';
      if (i === 6000) row[8] = '{bad';
      if (i === 7000) row[3] = 'tomorrow';
      const field = {
        100: 'amount',
        500: 'stage',
        1000: 'account',
        2000: 'code',
        3000: 'code',
        4000: 'won',
        5000: 'name',
        6000: 'meta',
        7000: 'closeDate',
      }[i];
      add(row, field);
      if (i === 8000) {
        lines.push('');
        line++;
      }
    }
    const before = { deals: await count(), accounts: await count('account') };
    const started = await csvRequest(await adminKey(), `${base}/import`, lines.join('\n'));
    expect(started.status).toBe(202);
    const job = await waitForJob(t.api, started.body.jobId);
    expect(job).toMatchObject({
      status: 'done',
      entity: 'deal',
      total: 10_000,
      processed: 10_000,
      created: 10_000 - broken.size,
      failed: broken.size,
      ignoredColumns: ['id', 'weighted'],
    });
    const reported = job.errors.map((e: { line: number; field?: string }) => ({ line: e.line, ...(e.field ? { field: e.field } : {}) }));
    expect(reported.sort((a: { line: number }, b: { line: number }) => a.line - b.line)).toEqual([...broken.values()]);
    expect(job.errors.find((e: { field?: string }) => e.field === 'account').message).toMatch(/no account with id "missing-account"/);
    // Each entry names its rule (for the app client to say in the user's language) next to the English message.
    const byLine = new Map(job.errors.map((e: { line: number }) => [e.line, e]));
    const entry = (i: number) => byLine.get(rowLine[i]);
    expect(entry(100)).toMatchObject({ field: 'amount', code: 'number', params: { value: 'abc' }, message: '"abc" is not a number' });
    expect(entry(500)).toMatchObject({ field: 'stage', code: 'option', params: { allowed: expect.stringContaining('"won"') } });
    expect(entry(1000)).toMatchObject({ field: 'account', code: 'relation', params: { entity: 'account', id: 'missing-account' } });
    expect(entry(2000)).toMatchObject({ field: 'code', code: 'unique', params: { value: 'C1999' } }); // committed with the batch before
    expect(entry(3000)).toMatchObject({ field: 'code', code: 'unique', params: { value: 'TAKEN' } });
    expect(entry(4000)).toMatchObject({ field: 'won', code: 'boolean', params: { value: 'maybe' } });
    expect(entry(5000)).toMatchObject({ field: 'name', code: 'required', message: 'missing required property "name"' });
    expect(entry(6000)).toMatchObject({ field: 'meta', code: 'json' });
    expect(entry(7000)).toMatchObject({ field: 'closeDate', code: 'date' });
    expect(await count()).toBe(before.deals + 10_000 - broken.size);
    expect(await count('account')).toBe(before.accounts);
    const existing = (await t.api('GET', `${base}?filter=${encodeURIComponent('{"code":"TAKEN"}')}`)).body.items;
    expect(existing).toHaveLength(1);
    expect(existing[0]).toMatchObject({ name: 'Existing', version: 1 });
    const sample = (await t.api('GET', `${base}?filter=${encodeURIComponent('{"code":"C7"}')}`)).body.items[0];
    expect(sample).toMatchObject({
      name: 'Deal 7',
      amount: 7,
      stage: 'won',
      closeDate: '2026-03-01',
      won: true,
      tags: ['a', 'c'],
      meta: { k: 1 },
      owner: 'admin@test.local',
    });
    expect((await t.api('GET', `${base}/${sample.id}/audit`)).body.items[0].action).toBe('create');

    // The export pages through all of it (1,000 at a time).
    const exported = await t.api('GET', `${base}/export.csv?fields=code`);
    expect(exported.body.trim().split('\r\n')).toHaveLength(1 + (await count()));
  });

  it("reports a row's own problems with codes too: repeated unique values, extra cells, broken quotes", async () => {
    const csv = 'name,code\nFirst,D1\nSecond,D1\nThird,D3,extra\n"Fourth,D4\n';
    const started = await csvRequest(await adminKey(), `${base}/import`, csv);
    const job = await waitForJob(t.api, started.body.jobId);
    expect(job.errors).toEqual([
      { line: 3, field: 'code', code: 'duplicateInFile', params: { value: 'D1', line: 2 }, message: '"D1" appears on an earlier line (2)' },
      { line: 4, code: 'cellCount', params: { cells: 3, columns: 2 }, message: 'the row has 3 cells, the header 2' },
      { line: 5, code: 'csvSyntax', params: { detail: expect.any(String) }, message: expect.stringMatching(/^the row is not valid CSV: /) },
    ]);
    expect(job).toMatchObject({ status: 'done', created: 1, failed: 3, lastLine: 5 });
  });

  it('imports a file with old-Mac line endings (CR only) and reports its lines as an editor numbers them', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `Mac ${i},MAC${i}`);
    rows.splice(2500, 0, 'Mac dup,MAC7'); // line 2502 repeats line 9's code (stored by then)
    const started = await csvRequest(await adminKey(), `${base}/import`, ['name,code', ...rows].join('\r') + '\r');
    const job = await waitForJob(t.api, started.body.jobId);
    expect(job).toMatchObject({ status: 'done', total: 3001, created: 3000, failed: 1, lastLine: 3002 });
    expect(job.errors).toEqual([expect.objectContaining({ line: 2502, field: 'code', code: 'unique' })]);
  });

  it("checks a rep's rows like the API: own rows only, no hidden or read-only columns", async () => {
    const ok = await csvRequest(rep.key, `${base}/import`, 'name,amount\nRep row,3\n');
    const job = await waitForJob(rep.api, ok.body.jobId);
    expect(job).toMatchObject({ status: 'done', created: 1 });
    expect((await t.api('GET', `${base}?filter=${encodeURIComponent('{"name":"Rep row"}')}`)).body.items[0].owner).toBe('rep@t.test');
    expect((await other.api('GET', `/api/apps/csv/imports/${ok.body.jobId}`)).status).toBe(404);
    for (const [header, status] of [
      ['name,margin', 400],
      ['name,owner', 403],
    ] as const) {
      const res = await csvRequest(rep.key, `${base}/import`, `${header}\nx,1\n`);
      expect(res.status).toBe(status);
      expect(res.body.errors[0].pointer).toBe('/header/1');
    }
  });

  it('refuses a bad upload before anything is written', async () => {
    const before = await count();
    const key = await adminKey();
    expect((await csvRequest(key, `${base}/import`, 'nickname\nx\n')).body.errors).toEqual([
      { pointer: '/header/0', message: 'column "nickname" is not a field of deal' },
    ]);
    expect((await csvRequest(key, `${base}/import`, '')).status).toBe(400);
    expect((await csvRequest(key, `${base}/import`, 'name\nx\n', 'text/plain')).status).toBe(415);
    expect((await csvRequest(key, `${base}/import`, 'name,name\nx,y\n')).status).toBe(400);
    const huge = await csvRequest(key, `${base}/import`, `name\n${'x'.repeat(51 * 1024 * 1024)}\n`);
    expect(huge.status).toBe(413);
    expect((await t.api('GET', '/api/apps/csv/imports/not-a-job')).status).toBe(404);
    expect(await count()).toBe(before);
  });
});
