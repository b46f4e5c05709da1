/**
 * The rename log is saved with the draft on the server, so a rename made by one client moves
 * data when any other client publishes: two API sessions here, no browser storage anywhere.
 */
import type { Draft } from '@tessera/core';
import { withRenamedEntity, withRenamedField } from '@tessera/core/renames';
import { contactsApp, startTestServer, type ApiFn, type TestServer } from '../helpers/tessera';
import { recordCollectionName } from '../../src/platform/storage-plan';

let t: TestServer;
let consultant: ApiFn;
let colleague: ApiFn;
beforeAll(async () => {
  t = await startTestServer();
  const key = async (email: string) => {
    const user = await t.running.platform.accounts.createUser({ email, password: 'a long enough password', role: 'builder' });
    return t.as((await t.running.platform.accounts.createApiKey(user.id, 'tests')).key);
  };
  consultant = await key('consultant@test.local');
  colleague = await key('colleague@test.local');
});
afterAll(() => t.close());

const records = (appId: string, entity: string) => t.running.platform.store.collection(recordCollectionName(appId, entity));

async function publishedApp(appId: string, contacts: number) {
  expect((await t.api('POST', '/api/apps', contactsApp(appId))).status).toBe(201);
  expect((await t.api('POST', `/api/apps/${appId}/publish`, {})).status).toBe(201);
  await records(appId, 'contact').insertMany(Array.from({ length: contacts }, (_, i) => ({ firstName: `F${i}`, lastName: `L${i}` })));
}

describe('the rename log saved with the draft', () => {
  it('a rename saved by one client is published by another, and the data moves', async () => {
    await publishedApp('log-two', 3);
    // The consultant renames lastName in the builder: autosave sends the draft and the log.
    const opened = await consultant('GET', '/api/apps/log-two');
    expect(opened.body).toMatchObject({ renames: [], renamesToPublish: [] });
    const renamed = withRenamedField(opened.body.draft as Draft, 'contact', 'lastName', 'surname');
    const saved = await consultant(
      'PUT',
      '/api/apps/log-two',
      { definition: renamed, renames: [{ entity: 'contact', from: 'lastName', to: 'surname' }] },
      { 'if-match': `"${opened.body.revision}"` },
    );
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).toBe(`"${opened.body.revision + 1}"`);

    // A colleague in another session sees what the publish will move, and publishes.
    const theirs = await colleague('GET', '/api/apps/log-two');
    expect(theirs.body.renamesToPublish).toEqual([{ entity: 'contact', from: 'lastName', to: 'surname' }]);
    const published = await colleague('POST', '/api/apps/log-two/publish', { note: 'from the other session' });
    expect(published.status).toBe(201);
    expect(published.body.migrated.fields).toEqual([{ entity: 'contact', from: 'lastName', to: 'surname', moved: 3 }]);
    const list = await t.api('GET', '/api/apps/log-two/data/contact?sort=surname');
    expect(list.body.items.map((r: { surname: string; lastName?: string }) => [r.surname, r.lastName])).toEqual([
      ['L0', undefined],
      ['L1', undefined],
      ['L2', undefined],
    ]);
    expect((await consultant('GET', '/api/apps/log-two')).body.renames).toEqual([]);
  });

  it('an API client adds its rename to the log it read; a plain definition PUT keeps the log', async () => {
    await publishedApp('log-api', 2);
    // The builder left an entity rename in the log.
    const opened = await consultant('GET', '/api/apps/log-api');
    const account = withRenamedEntity(opened.body.draft as Draft, 'company', 'account');
    await consultant('PUT', '/api/apps/log-api', { definition: account, renames: [{ from: 'company', to: 'account' }] });
    // A script edits the JSON (no log sent): the stored log stays.
    const edited = { ...account, name: 'Edited by a script' };
    const plain = await colleague('PUT', '/api/apps/log-api', edited);
    expect(plain.body.renames).toEqual([{ from: 'company', to: 'account' }]);
    // Then it renames contact.lastName itself and says so: the log it read plus its entry.
    const renamed = withRenamedField(edited, 'contact', 'lastName', 'surname');
    const saved = await colleague(
      'PUT',
      '/api/apps/log-api',
      { definition: renamed, renames: [...plain.body.renames, { entity: 'contact', from: 'lastName', to: 'surname' }] },
      { 'if-match': `"${plain.body.revision}"` },
    );
    expect(saved.body.renamesToPublish).toEqual([
      { from: 'company', to: 'account' },
      { entity: 'contact', from: 'lastName', to: 'surname' },
    ]);
    // A stale If-Match is a 412 and changes nothing, log included.
    const stale = await consultant(
      'PUT',
      '/api/apps/log-api',
      { definition: renamed, renames: [] },
      { 'if-match': `"${plain.body.revision}"` },
    );
    expect(stale.status).toBe(412);
    expect((await t.api('GET', '/api/apps/log-api')).body.renames).toHaveLength(2);

    const published = await t.api('POST', '/api/apps/log-api/publish', {});
    expect(published.status).toBe(201);
    expect(published.body.migrated.fields[0].moved).toBe(2);
    expect(
      (await t.api('GET', '/api/apps/log-api/data/contact?sort=surname')).body.items.map((r: { surname: string }) => r.surname),
    ).toEqual(['L0', 'L1']);
  });
});
