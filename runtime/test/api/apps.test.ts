import { contactsApp, startTestServer, type TestServer } from '../helpers/tessera';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ maxBodyBytes: 1024 * 1024 });
});
afterAll(() => t.close());

describe('apps: drafts, validation, publishing, versions', () => {
  it('creates an app draft and refuses a second app with the same id', async () => {
    const res = await t.api('POST', '/api/apps', contactsApp('drafts'));
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body).toMatchObject({ id: 'drafts', revision: 1, publishedVersion: null, issues: [] });
    expect((await t.api('POST', '/api/apps', contactsApp('drafts'))).status).toBe(409);
  });

  it('keeps every draft save in the history and detects concurrent editors with If-Match', async () => {
    await t.api('POST', '/api/apps', contactsApp('history'));
    const v2 = { ...contactsApp('history'), name: 'Second' };
    const saved = await t.api('PUT', '/api/apps/history', v2, { 'if-match': '"1"' });
    expect(saved.status).toBe(200);
    expect(saved.body.revision).toBe(2);
    const stale = await t.api('PUT', '/api/apps/history', { ...v2, name: 'Lost update' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body.currentRevision).toBe(2);
    expect((await t.api('GET', '/api/apps/history')).body.name).toBe('Second');
    const history = await t.api('GET', '/api/apps/history/history');
    expect(history.body.items.map((h: { revision: number }) => h.revision)).toEqual([2, 1]);
    expect((await t.api('GET', '/api/apps/history/history/1')).body.name).toBe('CRM test');
  });

  it('refuses malformed JSON with a clear 400', async () => {
    const res = await t.api('POST', '/api/apps', '{"id": "broken",');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(res.body.title).toBe('Malformed JSON');
  });

  it('refuses a definition over the size limit with 413, keeping nothing', async () => {
    const big = { ...contactsApp('too-big'), description: 'x'.repeat(5 * 1024 * 1024) };
    const res = await t.api('POST', '/api/apps', big);
    expect(res.status).toBe(413);
    expect(res.body.detail).toMatch(/larger than the limit/);
    expect((await t.api('GET', '/api/apps/too-big')).status).toBe(404);
  });

  it('validates and lists every error with a JSON pointer', async () => {
    const bad = contactsApp('bad') as { entities: Array<{ fields: Array<Record<string, unknown>> }> };
    bad.entities[1].fields.push({ id: 'first name', type: 'text' }); // not an identifier
    bad.entities[1].fields.push({ id: 'age', type: 'number', maxLen: 3 }); // unknown property
    bad.entities[1].fields.push({ id: 'owner', type: 'relation', to: 'nobody' }); // dangling relation
    bad.entities[1].fields.push({ id: 'flag', type: 'boolean', required: 'yes' }); // wrong type
    const res = await t.api('POST', '/api/apps/validate', bad);
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    const pointers = res.body.errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining(['/entities/1/fields/7/id', '/entities/1/fields/8/maxLen', '/entities/1/fields/10/required']),
    );
    expect(res.body.errors.length).toBeGreaterThanOrEqual(3);
  });

  it('saves an invalid draft (nothing is lost) but refuses to publish it, listing the errors', async () => {
    const bad = contactsApp('invalid-draft') as { entities: Array<{ fields: Array<Record<string, unknown>> }> };
    bad.entities[1].fields.push({ id: 'owner', type: 'relation', to: 'nobody' });
    const created = await t.api('POST', '/api/apps', bad);
    expect(created.status).toBe(201);
    expect(created.body.issues.length).toBeGreaterThan(0);
    const pub = await t.api('POST', '/api/apps/invalid-draft/publish', { note: 'try' });
    expect(pub.status).toBe(422);
    expect(pub.body.errors[0]).toHaveProperty('pointer');
    expect((await t.api('GET', '/api/apps/invalid-draft/versions')).body.items).toEqual([]);
  });

  it('refuses a definition whose id does not match, or that is not an object', async () => {
    await t.api('POST', '/api/apps', contactsApp('mismatch'));
    const res = await t.api('PUT', '/api/apps/mismatch', contactsApp('other'));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].pointer).toBe('/id');
    expect((await t.api('POST', '/api/apps', [1, 2])).status).toBe(400);
    expect((await t.api('POST', '/api/apps', { id: 'Bad Id' })).body.errors[0].pointer).toBe('/id');
  });

  it('publishes immutable numbered versions and rolls back by publishing an older one again', async () => {
    await t.api('POST', '/api/apps', contactsApp('versions'));
    const v1 = await t.api('POST', '/api/apps/versions/publish', { note: 'first' });
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ version: 1, note: 'first' });
    const draft = await t.api('GET', '/api/apps/versions');
    await t.api('PUT', '/api/apps/versions', { ...draft.body.draft, name: 'Renamed' }, { 'if-match': `"${draft.body.revision}"` });
    const v2 = await t.api('POST', '/api/apps/versions/publish', { note: 'renamed' });
    expect(v2.body.version).toBe(2);
    const list = await t.api('GET', '/api/apps/versions/versions');
    expect(list.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await t.api('GET', '/api/apps/versions/versions/2')).body.definition.name).toBe('Renamed');

    const rb = await t.api('POST', '/api/apps/versions/rollback', { version: 1 });
    expect(rb.status).toBe(201);
    expect(rb.body.version).toBe(3);
    expect((await t.api('GET', '/api/apps/versions/versions/3')).body.definition.name).toBe('CRM test');
    expect((await t.api('GET', '/api/apps/versions')).body.draft.name).toBe('CRM test');
    // version 2 is untouched
    expect((await t.api('GET', '/api/apps/versions/versions/2')).body.definition.name).toBe('Renamed');
  });

  it('refuses to delete an app with published data unless forced', async () => {
    await t.api('POST', '/api/apps', contactsApp('doomed'));
    await t.api('POST', '/api/apps/doomed/publish', {});
    await t.api('POST', '/api/apps/doomed/data/contact', { lastName: 'Kept' });
    const refused = await t.api('DELETE', '/api/apps/doomed');
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/1 record/);
    expect(refused.body.records).toEqual({ company: 0, contact: 1 });
    expect((await t.api('GET', '/api/apps/doomed/data/contact')).body.items).toHaveLength(1);
    expect((await t.api('DELETE', '/api/apps/doomed?force=true')).status).toBe(204);
    expect((await t.api('GET', '/api/apps/doomed')).status).toBe(404);
    expect((await t.api('GET', '/api/apps/doomed/data/contact')).status).toBe(404);
  });

  it('deletes an app without data directly', async () => {
    await t.api('POST', '/api/apps', contactsApp('empty-app'));
    expect((await t.api('DELETE', '/api/apps/empty-app')).status).toBe(204);
  });

  it('returns 404 problems for unknown apps and routes', async () => {
    expect((await t.api('GET', '/api/apps/nope')).status).toBe(404);
    const res = await t.api('GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.detail).toMatch(/no route/);
  });
});
