/**
 * Hardening 22: a json value nested ~1,000 levels deep used to answer 500 (recursive code on the
 * way to storage gave up). Every body is bounded at 100 levels with a 422 that points at the
 * value; nothing is written, and the server goes on.
 */
import { MAX_JSON_DEPTH } from '@tessera/core';
import { startTestServer, type TestServer } from '../helpers/tessera';
import { publishApp, rbacApp } from '../helpers/members';

let t: TestServer;
const base = '/api/apps/deep/data/deal';
let key: string;
beforeAll(async () => {
  t = await startTestServer();
  await publishApp(t, rbacApp('deep'));
  const admin = (await t.running.platform.accounts.findUserByEmail('admin@test.local'))!;
  key = (await t.running.platform.accounts.createApiKey(admin.id, 'deep')).key;
});
afterAll(() => t.close());

const nested = (levels: number): unknown => {
  let v: unknown = 'bottom';
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
};
const count = async () => (await t.api('GET', `${base}?count=exact&limit=1`)).body.total as number;

it.each([998, 5000, 200_000])('refuses a json field nested %i levels with a 422 at the field, and writes nothing', async (levels) => {
  const before = await count();
  // Written out by hand: JSON.stringify itself gives up a few thousand levels down.
  const body = `{"name":"Deep","meta":${'{"a":'.repeat(levels)}"bottom"${'}'.repeat(levels)}}`;
  const sent = await fetch(`${t.url}${base}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body,
  });
  const res = { status: sent.status, body: await sent.json() };
  expect(res.status).toBe(422);
  expect(res.body.detail).toMatch(`nests deeper than ${MAX_JSON_DEPTH} levels (at /meta/a/a/`);
  expect(res.body.errors).toEqual([
    { pointer: expect.stringMatching(/^\/meta(\/a){99}$/), message: `nests deeper than ${MAX_JSON_DEPTH} levels` },
  ]);
  expect(await count()).toBe(before);
  expect((await t.api('GET', '/api/health')).status).toBe(200);
});

it('takes a value nested up to the bound, and stores it as sent', async () => {
  const meta = nested(MAX_JSON_DEPTH - 1); // the record is level 0, meta level 1
  const res = await t.api('POST', base, { name: 'Deep enough', meta });
  expect(res.status).toBe(201);
  expect((await t.api('GET', `${base}/${res.body.id}`)).body.meta).toEqual(meta);
});

it('bounds definitions and CSV cells the same way', async () => {
  const app = rbacApp('deep-def') as { entities: Array<{ fields: Array<Record<string, unknown>> }> };
  app.entities[0].fields.push({ id: 'shape', type: 'json', schema: nested(2000) });
  const res = await t.api('POST', '/api/apps', app);
  expect(res.status).toBe(422);
  expect(res.body.errors[0].pointer).toMatch(/^\/entities\/0\/fields\/\d+\/schema\/a\/a/);
  expect((await t.api('GET', '/api/apps/deep-def')).status).toBe(404);

  const csv = `name,meta\nDeep,"${JSON.stringify(nested(2000)).replace(/"/g, '""')}"\nFine,"{""a"":1}"\n`;
  const started = await fetch(`${t.url}${base}/import`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${key}` },
    body: csv,
  });
  expect(started.status).toBe(202);
  const { jobId } = await started.json();
  let job = { status: 'running' } as { status: string; created?: number; errors?: Array<{ line: number; field: string; message: string }> };
  for (let i = 0; i < 200 && job.status === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 50));
    job = (await t.api('GET', `/api/apps/deep/imports/${jobId}`)).body;
  }
  expect(job).toMatchObject({ status: 'done', created: 1 });
  expect(job.errors).toEqual([expect.objectContaining({ line: 2, field: 'meta', message: `nests deeper than ${MAX_JSON_DEPTH} levels` })]);
});
