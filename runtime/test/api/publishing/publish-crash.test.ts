/**
 * The server dies (SIGKILL) while a publish moves a renamed field's data, and is started again.
 * The publish is a durable job: the restarted server fences the entity before it listens, takes
 * the job over once the dead server's lease has run out, finishes the move and records the
 * version. An edit sent to the restarted server meanwhile (in the old shape: the client still
 * has the old definition) waits and lands under the new name; an edit the dead server was
 * holding was never acknowledged (its request failed), so nothing acknowledged is lost. Sending
 * the same publish again to the restarted server completes the cut-short one (one new version).
 */
import fs from 'node:fs';
import type { Store } from '@tessera/core/store';
import { openStore } from '../../../src/store';
import { ADMIN, contactsApp, startTestServer } from '../../helpers/tessera';
import { startChild, type ChildServer } from '../../helpers/tessera-child';
import { allOf, publishJob, seedContacts, until, withSurname, type App } from './rename-helpers';

const RECORDS = 30_000;
let dataDir: string;
let key: string;
let child: ChildServer | undefined;
let reader: Store | undefined;

beforeAll(async () => {
  const first = await startTestServer();
  dataDir = first.dataDir;
  for (const appId of ['crash', 'crash-later']) {
    expect((await first.api('POST', '/api/apps', contactsApp(appId))).status).toBe(201);
    expect((await first.api('POST', `/api/apps/${appId}/publish`, {})).status).toBe(201);
    await seedContacts(first.running.platform.store, appId, RECORDS);
    const draft = await first.api('GET', `/api/apps/${appId}`);
    // The rename travels with the draft (the rename log saved on the server); each publish below moves it.
    const body = { definition: withSurname(contactsApp(appId) as App), renames: [{ entity: 'contact', from: 'lastName', to: 'surname' }] };
    expect((await first.api('PUT', `/api/apps/${appId}`, body, { 'if-match': `"${draft.body.revision}"` })).status).toBe(200);
  }
  key = (
    await first.running.platform.accounts.createApiKey((await first.running.platform.accounts.findUserByEmail(ADMIN.email))!.id, 'crash')
  ).key;
  await first.running.stop();
}, 120_000);
afterAll(async () => {
  await child?.kill();
  await reader?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const call = (url: string, method: string, route: string, body?: unknown) =>
  fetch(url + route, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: await r.json() }));

it('a publish killed mid-move resumes after the restart; an edit sent meanwhile lands under the new name', async () => {
  const a = await startChild(dataDir);
  child = a;
  reader = await openStore({ dataDir }); // this process reads the same file to watch the job
  const publish = call(a.url, 'POST', '/api/apps/crash/publish', {}).catch((err: Error) => err);
  const moving = await until(
    () => publishJob(reader!, 'crash'),
    (j) => j?.status === 'running' && (j.progress?.processed ?? 0) >= 2000,
    'the move to be under way',
  );
  expect(moving!.progress!.processed).toBeLessThan(RECORDS);
  // Held at the gate of the server that is about to die: it never answers 2xx.
  const held = call(a.url, 'PATCH', '/api/apps/crash/data/contact/c000002', { lastName: 'Never acknowledged' }).catch((err: Error) => err);
  await new Promise((r) => setTimeout(r, 100));
  await a.kill();
  child = undefined;
  // Both requests died with the server (fetch failed: no status): neither was acknowledged.
  expect(await publish).not.toHaveProperty('status');
  expect(await held).not.toHaveProperty('status');
  const cut = (await publishJob(reader, 'crash'))!;
  expect(cut.status).toBe('running'); // its lease has not run out yet
  expect(cut.progress!.processed).toBeLessThan(RECORDS);

  const b = await startChild(dataDir);
  child = b;
  const edit = await call(b.url, 'PATCH', '/api/apps/crash/data/contact/c000001', { lastName: 'Edited after the crash' });
  expect(edit.status).toBe(200);
  expect(edit.body).toMatchObject({ id: 'c000001', surname: 'Edited after the crash' });

  const job = (await publishJob(reader, 'crash'))!;
  expect(job).toMatchObject({ status: 'done', attempts: 2, progress: { processed: RECORDS } });
  const versions = (await call(b.url, 'GET', '/api/apps/crash/versions')).body.items;
  expect(versions).toHaveLength(2);
  const all = await allOf(reader, 'crash', 'contact');
  expect(all).toHaveLength(RECORDS);
  expect(all.filter((r) => 'lastName' in r || typeof r.surname !== 'string')).toEqual([]);
  const byId = new Map(all.map((r) => [r.id, r]));
  expect(byId.get('c000001')).toMatchObject({ surname: 'Edited after the crash' });
  expect(byId.get('c000002')).toMatchObject({ surname: 'L2' });
  expect(byId.get(`c${String(RECORDS - 1).padStart(6, '0')}`)).toMatchObject({ surname: `L${RECORDS - 1}` });
}, 180_000);

it('the same publish sent again after the crash completes the cut-short one: one new version, everything moved', async () => {
  const a = child!; // the server of the test before
  const publish = call(a.url, 'POST', '/api/apps/crash-later/publish', {}).catch((err: Error) => err);
  await until(
    () => publishJob(reader!, 'crash-later'),
    (j) => j?.status === 'running' && (j.progress?.processed ?? 0) >= 2000,
    'the move to be under way',
  );
  await a.kill();
  child = undefined;
  expect(await publish).not.toHaveProperty('status');

  const b = await startChild(dataDir);
  child = b;
  const again = await call(b.url, 'POST', '/api/apps/crash-later/publish', {});
  expect(again.status).toBe(201);
  expect(again.body).toMatchObject({ version: 2, migrated: { fields: [{ entity: 'contact', from: 'lastName', to: 'surname' }] } });
  expect((await call(b.url, 'GET', '/api/apps/crash-later/versions')).body.items).toHaveLength(2);
  const all = await allOf(reader!, 'crash-later', 'contact');
  expect(all).toHaveLength(RECORDS);
  expect(all.filter((r) => 'lastName' in r || typeof r.surname !== 'string')).toEqual([]);
}, 180_000);
