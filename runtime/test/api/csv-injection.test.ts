/**
 * Hardening 14: every exported cell a spreadsheet would run as a formula is escaped, not only
 * plain text: a multi-select whose first option starts with = or @, a list. Numbers stay numbers,
 * and the export imports back to the same values.
 */
import { startTestServer, type TestServer } from '../helpers/tessera';
import { publishApp } from '../helpers/members';

let t: TestServer;
const base = '/api/apps/inject/data/note';

beforeAll(async () => {
  t = await startTestServer();
  await publishApp(t, {
    schemaVersion: 1,
    id: 'inject',
    name: 'Injection',
    entities: [
      {
        id: 'note',
        label: 'Note',
        fields: [
          { id: 'title', type: 'text', required: true },
          { id: 'tags', type: 'multienum', options: [{ value: '=SUM(A1)' }, { value: '@evil' }, { value: 'plain' }] },
          { id: 'delta', type: 'number' },
        ],
      },
    ],
  });
  expect((await t.api('POST', base, { title: 'T1', tags: ['=SUM(A1)', '@evil'], delta: -5 })).status).toBe(201);
  expect((await t.api('POST', base, { title: 'T2', tags: ['plain', '@evil'], delta: 3 })).status).toBe(201);
});
afterAll(() => t.close());

it('escapes multi-select cells that start like a formula, keeps numbers, and imports back to the same values', async () => {
  const csv = await t.api('GET', `${base}/export.csv?fields=title,tags,delta&sort=title`);
  const lines = String(csv.body)
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n');
  expect(lines).toEqual(['title,tags,delta', "T1,'=SUM(A1);@evil,-5", 'T2,plain;@evil,3']);

  const again = lines.join('\r\n').replace(/T(\d)/g, 'Copy $1');
  const started = await fetch(`${t.url}${base}/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await key()}`, 'content-type': 'text/csv' },
    body: again,
  });
  expect(started.status).toBe(202);
  const { jobId } = await started.json();
  for (let i = 0; i < 100; i++) {
    const job = await t.api('GET', `/api/apps/inject/imports/${jobId}`);
    if (job.body.status === 'done') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const copies = await t.api('GET', `${base}?filter=${encodeURIComponent(JSON.stringify({ title: { $regex: '^Copy' } }))}&sort=title`);
  expect(copies.body.items.map((n: { tags: string[]; delta: number }) => [n.tags, n.delta])).toEqual([
    [['=SUM(A1)', '@evil'], -5],
    [['plain', '@evil'], 3],
  ]);
});

async function key(): Promise<string> {
  const admin = await t.running.platform.accounts.findUserByEmail('admin@test.local');
  return (await t.running.platform.accounts.createApiKey(admin!.id, 'csv')).key;
}
