/**
 * A publish refused with 409 changes nothing in storage: every new unique constraint is checked
 * against the data before any index is dropped or added. Here one entity loses its unique index
 * and another gets one its data violates, in one publish: refused, both entities keep their
 * indexes, and the server starts again on the same data.
 */
import fs from 'node:fs';
import { startTessera } from '../../../src/cli/start';
import { ADMIN, startTestServer, type ApiFn, type TestServer } from '../../helpers/tessera';

const app = (v2: boolean) => ({
  schemaVersion: 1,
  id: 'uniq',
  name: 'Unique',
  entities: [
    { id: 'account', label: 'Account', display: 'code', fields: [{ id: 'code', type: 'text', ...(v2 ? {} : { unique: true }) }] },
    { id: 'tag', label: 'Tag', display: 'name', fields: [{ id: 'name', type: 'text', ...(v2 ? { unique: true } : {}) }] },
  ],
});

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.running.stop();
  fs.rmSync(t.dataDir, { recursive: true, force: true });
});

async function indexesHold(api: ApiFn) {
  // account.code is still unique; tag.name still takes duplicates.
  expect((await api('POST', '/api/apps/uniq/data/account', { code: 'A-1' })).status).toBe(409);
  expect((await api('POST', '/api/apps/uniq/data/tag', { name: 'hot' })).status).toBe(201);
}

it("one unique index removed and one unsatisfiable one added: 409, both entities' indexes as before, a restart works", async () => {
  expect((await t.api('POST', '/api/apps', app(false))).status).toBe(201);
  expect((await t.api('POST', '/api/apps/uniq/publish', {})).status).toBe(201);
  expect((await t.api('POST', '/api/apps/uniq/data/account', { code: 'A-1' })).status).toBe(201);
  for (let i = 0; i < 2; i++) expect((await t.api('POST', '/api/apps/uniq/data/tag', { name: 'hot' })).status).toBe(201);

  const draft = await t.api('GET', '/api/apps/uniq');
  expect((await t.api('PUT', '/api/apps/uniq', app(true), { 'if-match': `"${draft.body.revision}"` })).status).toBe(200);
  const res = await t.api('POST', '/api/apps/uniq/publish', {});
  expect(res.status).toBe(409);
  expect(res.body.detail).toMatch(/"tag" cannot get a unique name: 2 records have "hot"; nothing was changed/);
  expect((await t.api('GET', '/api/apps/uniq/versions')).body.items).toHaveLength(1);
  await indexesHold(t.api);

  // The next start brings storage in line with the published version: nothing to undo, it starts.
  const key = (
    await t.running.platform.accounts.createApiKey((await t.running.platform.accounts.findUserByEmail(ADMIN.email))!.id, 'restart')
  ).key;
  await t.running.stop();
  t.running = await startTessera(
    {
      port: 0,
      host: '127.0.0.1',
      dataDir: t.dataDir,
      adminEmail: ADMIN.email,
      adminPassword: ADMIN.password,
      loadExamples: false,
      logLevel: 'silent',
      dbUrl: undefined,
    },
    () => {},
  );
  const api: ApiFn = async (method, route, body) => {
    const r = await fetch(t.running.url + route, {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.status, headers: r.headers, body: await r.json() };
  };
  expect((await api('GET', '/api/apps/uniq/data/tag?count=exact&limit=1')).body.total).toBe(3);
  await indexesHold(api);
}, 60_000);
