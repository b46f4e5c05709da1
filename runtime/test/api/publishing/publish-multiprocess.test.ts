/**
 * Two `tessera start` processes share one store. A publishes a rename of 30,000 contacts' field;
 * while it moves the data, edits sent to B (whose definition is still the old one) must not be
 * lost: B refuses them (503, Retry-After) instead of writing the old field on records already
 * moved. After the move and its grace, B writes the new shape. Every edit either process
 * acknowledged is in storage under the new name.
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
const children: ChildServer[] = [];
let reader: Store | undefined;

beforeAll(async () => {
  const first = await startTestServer();
  dataDir = first.dataDir;
  expect((await first.api('POST', '/api/apps', contactsApp('shared'))).status).toBe(201);
  expect((await first.api('POST', '/api/apps/shared/publish', {})).status).toBe(201);
  await seedContacts(first.running.platform.store, 'shared', RECORDS);
  const draft = await first.api('GET', '/api/apps/shared');
  const body = { definition: withSurname(contactsApp('shared') as App), renames: [{ entity: 'contact', from: 'lastName', to: 'surname' }] };
  expect((await first.api('PUT', '/api/apps/shared', body, { 'if-match': `"${draft.body.revision}"` })).status).toBe(200);
  key = (await first.running.platform.accounts.createApiKey((await first.running.platform.accounts.findUserByEmail(ADMIN.email))!.id, 'mp'))
    .key;
  await first.running.stop();
}, 120_000);
afterAll(async () => {
  for (const c of children) await c.kill();
  await reader?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const call = (url: string, method: string, route: string, body?: unknown) =>
  fetch(url + route, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, retryAfter: r.headers.get('retry-after'), body: await r.json() }));

it("refuses another process's old-shape edits while a rename moves the data, and loses no acknowledged edit", async () => {
  const a = await startChild(dataDir);
  const b = await startChild(dataDir);
  children.push(a, b);
  reader = await openStore({ dataDir });
  // B has read the published (old) definition: its edits are in the old shape.
  expect((await call(b.url, 'GET', '/api/apps/shared/data/contact/c000010')).body).toMatchObject({ lastName: 'L10' });

  const publish = call(a.url, 'POST', '/api/apps/shared/publish', {});
  await until(
    () => publishJob(reader!, 'shared'),
    (j) => j?.status === 'running' && (j.progress?.processed ?? 0) >= 2000,
    'the move to be under way',
  );
  // c000001 was moved already, c029999 not yet: either way B's old-shape edit must not silently vanish.
  const acknowledged = new Map<string, string>();
  for (const id of ['c000001', `c0${RECORDS - 1}`]) {
    const edit = await call(b.url, 'PATCH', `/api/apps/shared/data/contact/${id}`, { lastName: `Edited on B ${id}` });
    if (edit.status === 200) acknowledged.set(id, `Edited on B ${id}`);
    else {
      expect(edit.status).toBe(503);
      expect(edit.retryAfter).toBe('2');
      expect(edit.body.detail).toMatch(/being moved by a publish on another server/);
    }
  }
  expect(acknowledged.size).toBe(0); // both were refused: the move was running
  expect((await publish).status).toBe(201);

  // Once the new version is out and B has read it, B's edits land in the new shape.
  const later = await until(
    () => call(b.url, 'PATCH', '/api/apps/shared/data/contact/c000001', { surname: 'Edited on B after' }),
    (r) => r.status === 200,
    "B's edit after the grace",
    400,
  );
  expect(later.body).toMatchObject({ surname: 'Edited on B after' });
  const all = await allOf(reader, 'shared', 'contact');
  expect(all).toHaveLength(RECORDS);
  expect(all.filter((r) => 'lastName' in r || typeof r.surname !== 'string')).toEqual([]);
  expect(new Map(all.map((r) => [r.id, r])).get('c000001')).toMatchObject({ surname: 'Edited on B after' });
}, 180_000);
