/**
 * An edit made while a publish moves a renamed field's or entity's data is never lost. The
 * client still works with the old definition (it was published when it loaded): its writes to
 * the entity wait at the write gate while the move runs, and then land in the new shape (the
 * renamed field, the renamed entity). Before, such an edit was silently discarded by the move.
 */
import type { Store } from '@tessera/core/store';
import { contactsApp, startTestServer, type TestServer } from '../../helpers/tessera';
import { recordCollectionName } from '../../../src/platform/storage-plan';
import { allOf, publishJob, seedContacts, until, withPerson, withSurname, type App } from './rename-helpers';

const RECORDS = 12_000;
let t: TestServer;
const store = (): Store => t.running.platform.store;

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

async function prepare(appId: string, next: App, renames: unknown[]): Promise<void> {
  expect((await t.api('POST', '/api/apps', contactsApp(appId))).status).toBe(201);
  expect((await t.api('POST', `/api/apps/${appId}/publish`, {})).status).toBe(201);
  await seedContacts(store(), appId, RECORDS);
  const draft = await t.api('GET', `/api/apps/${appId}`);
  // The renames travel with the draft (the rename log saved on the server), as every client sends them.
  expect((await t.api('PUT', `/api/apps/${appId}`, { definition: next, renames }, { 'if-match': `"${draft.body.revision}"` })).status).toBe(
    200,
  );
}

/** Starts the publish and resolves once its job has moved at least two batches. */
async function publishing(appId: string) {
  const done = t.api('POST', `/api/apps/${appId}/publish`, {});
  await until(
    () => publishJob(store(), appId),
    (j) => j?.status === 'running' && (j.progress?.processed ?? 0) >= 1000,
    'the move to be under way',
  );
  return { done };
}

it('edits of a field being renamed (sent with the old name) land under the new name: moved records, records not yet moved, new records', async () => {
  await prepare('edit-field', withSurname(contactsApp('edit-field') as App), [{ entity: 'contact', from: 'lastName', to: 'surname' }]);
  const { done } = await publishing('edit-field');
  const [first, last] = ['c000000', `c${String(RECORDS - 1).padStart(6, '0')}`];
  expect(await store().collection(recordCollectionName('edit-field', 'contact')).get(first)).toMatchObject({ surname: 'L0' }); // moved already
  const edits = await Promise.all([
    t.api('PATCH', `/api/apps/edit-field/data/contact/${first}`, { lastName: 'Edited after its move' }),
    t.api('PATCH', `/api/apps/edit-field/data/contact/${last}`, { lastName: 'Edited before its move', score: 7 }),
    t.api('POST', '/api/apps/edit-field/data/contact', { lastName: 'Created during the move' }),
  ]);
  const publish = await done;
  expect(publish.status).toBe(201);
  expect(edits.map((e) => e.status)).toEqual([200, 200, 201]);
  // Answered in the new shape: the version they waited for.
  expect(edits[0].body).toMatchObject({ id: first, surname: 'Edited after its move' });
  expect(edits[0].body).not.toHaveProperty('lastName');

  const all = await allOf(store(), 'edit-field', 'contact');
  expect(all).toHaveLength(RECORDS + 1);
  expect(all.filter((r) => 'lastName' in r)).toEqual([]);
  const byId = new Map(all.map((r) => [r.id, r]));
  expect(byId.get(first)).toMatchObject({ surname: 'Edited after its move' });
  expect(byId.get(last)).toMatchObject({ surname: 'Edited before its move', score: 7 });
  expect(byId.get(edits[2].body.id)).toMatchObject({ surname: 'Created during the move' });
  expect(all.filter((r) => typeof r.surname !== 'string')).toEqual([]);
}, 120_000);

it('edits of an entity being renamed (sent to the old entity) land in the new one', async () => {
  await prepare('edit-entity', withPerson(contactsApp('edit-entity') as App), [{ from: 'contact', to: 'person' }]);
  const { done } = await publishing('edit-entity');
  const [first, last] = ['c000000', `c${String(RECORDS - 1).padStart(6, '0')}`];
  const edits = await Promise.all([
    t.api('PATCH', `/api/apps/edit-entity/data/contact/${first}`, { lastName: 'Edited after its move' }),
    t.api('PATCH', `/api/apps/edit-entity/data/contact/${last}`, { lastName: 'Edited before its move' }),
    t.api('POST', '/api/apps/edit-entity/data/contact', { lastName: 'Created during the move' }),
    t.api('DELETE', `/api/apps/edit-entity/data/contact/c000001`),
  ]);
  expect((await done).status).toBe(201);
  expect(edits.map((e) => e.status)).toEqual([200, 200, 201, 204]);
  expect(edits[2].headers.get('location')).toMatch(/\/data\/person\//);

  const all = await allOf(store(), 'edit-entity', 'person');
  expect(all).toHaveLength(RECORDS); // one created, one deleted
  const byId = new Map(all.map((r) => [r.id, r]));
  expect(byId.get(first)).toMatchObject({ lastName: 'Edited after its move' });
  expect(byId.get(last)).toMatchObject({ lastName: 'Edited before its move' });
  expect(byId.get(edits[2].body.id)).toMatchObject({ lastName: 'Created during the move' });
  expect(byId.has('c000001')).toBe(false);
  expect(await store().listCollections()).not.toContain(recordCollectionName('edit-entity', 'contact'));
}, 120_000);
