/**
 * Hardening 22: a full disk answered a generic 500 while /api/health said ok. The database is
 * filled for real (SQLite's page limit set to the file's size, which fails exactly as a full
 * disk does: SQLITE_FULL): writes answer 507 with a clear message and save nothing, reads go on,
 * health reports the storage full; once there is room again, writes work and health is ok.
 */
import type { SqliteStore } from '../../src/store/sqlite/sqlite.store';
import { startTestServer, type TestServer } from '../helpers/tessera';
import { publishApp, rbacApp } from '../helpers/members';

let t: TestServer;
const base = '/api/apps/full/data/deal';
beforeAll(async () => {
  t = await startTestServer();
  await publishApp(t, rbacApp('full'));
});
afterAll(() => t.close());

const count = async () => (await t.api('GET', `${base}?count=exact&limit=1`)).body.total as number;

it('answers 507 and saves nothing while the storage is full, says so in health, and recovers when there is room', async () => {
  const kept = await t.api('POST', base, { name: 'Before' });
  expect(kept.status).toBe(201);
  const { db } = t.running.platform.store as SqliteStore;
  const pages = db.pragma('page_count', { simple: true }) as number;
  db.pragma(`max_page_count = ${pages}`);
  const before = await count();

  const refused = await t.api('POST', base, { name: 'Too much', notes: 'x'.repeat(90_000) });
  expect(refused.status).toBe(507);
  expect(refused.body).toMatchObject({
    title: 'Insufficient storage',
    detail: expect.stringMatching(/storage is full, so nothing was saved/),
  });
  expect(await count()).toBe(before);
  const edit = await t.api('PATCH', `${base}/${kept.body.id}`, { notes: 'y'.repeat(90_000) });
  expect(edit.status).toBe(507);
  expect((await t.api('GET', `${base}/${kept.body.id}`)).body).toMatchObject({ name: 'Before', version: 1 });

  const health = await fetch(`${t.url}/api/health`);
  expect(health.status).toBe(503);
  expect(await health.json()).toMatchObject({ status: 'degraded', storage: { full: true, since: expect.any(String) } });

  db.pragma('max_page_count = 1073741823'); // the operator freed space
  expect((await t.api('POST', base, { name: 'After', notes: 'x'.repeat(90_000) })).status).toBe(201);
  const ok = await fetch(`${t.url}/api/health`);
  expect([ok.status, (await ok.json()).status]).toEqual([200, 'ok']);
});
