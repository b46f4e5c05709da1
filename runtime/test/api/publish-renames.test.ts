import type { Draft } from '@tessera/core';
import { withRenamedEntity, withRenamedField } from '@tessera/core/renames';
import type { Store } from '@tessera/core/store';
import type { RenameEntry } from '@tessera/core/wire';
import { contactsApp, startTestServer, type ApiFn, type TestServer } from '../helpers/tessera';
import { recordCollectionName } from '../../src/platform/storage-plan';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

type App = Draft;

const entityOf = (app: App, id: string) => app.entities.find((e) => e.id === id)!;
const store = (): Store => t.running.platform.store;
const records = (appId: string, entity: string) => store().collection(recordCollectionName(appId, entity));

// The builder's rename commands call these: the server sees exactly what a consultant's rename leaves.
const withSurname = (app: App): App => withRenamedField(app, 'contact', 'lastName', 'surname');
const withAccount = (app: App): App => withRenamedEntity(app, 'company', 'account');
const withPerson = (app: App): App => withRenamedEntity(app, 'contact', 'person');
const SURNAME: RenameEntry = { entity: 'contact', from: 'lastName', to: 'surname' };

async function createApp(appId: string, count: number): Promise<void> {
  expect((await t.api('POST', '/api/apps', contactsApp(appId))).status).toBe(201);
  expect((await t.api('POST', `/api/apps/${appId}/publish`, {})).status).toBe(201);
  const company = await t.api('POST', `/api/apps/${appId}/data/company`, { name: 'Acme' });
  await records(appId, 'contact').insertMany(
    Array.from({ length: count }, (_, i) => ({
      firstName: `F${i}`,
      lastName: `L${i}`,
      email: `p${i}@x.io`,
      status: 'new',
      company: company.body.id,
      createdBy: 'someone',
    })),
  );
}

/** Saves the draft with its rename log, as the builder's autosave does (PUT { definition, renames }). */
async function saveDraft(appId: string, def: unknown, renames?: unknown, api: ApiFn = t.api) {
  const draft = await api('GET', `/api/apps/${appId}`);
  const saved = await api('PUT', `/api/apps/${appId}`, renames === undefined ? def : { definition: def, renames }, {
    'if-match': `"${draft.body.revision}"`,
  });
  expect(saved.status).toBe(200);
  return saved;
}

async function publishWith(appId: string, def: unknown, renames: unknown) {
  await saveDraft(appId, def, renames);
  return t.api('POST', `/api/apps/${appId}/publish`, { note: 'renamed' });
}

async function allOf(appId: string, entity: string) {
  const out: Array<Record<string, unknown>> = [];
  for (let cursor: string | null = null; ;) {
    const page = await records(appId, entity).find({ limit: 1000, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    if (!(cursor = page.nextCursor)) return out;
  }
}

describe('publishing with a field rename', () => {
  it('moves every stored value to the new field, in batches, and the old key is gone', async () => {
    await createApp('ren-field', 1_234);
    const one = (await records('ren-field', 'contact').find({ limit: 1 })).items[0];
    // A record that already has a value under the new id keeps it (left from an older version).
    await records('ren-field', 'contact').update(one.id, { surname: 'Kept' });

    const res = await publishWith('ren-field', withSurname(contactsApp('ren-field') as App), [SURNAME]);
    expect(res.status).toBe(201);
    expect(res.body.migrated).toEqual({
      entities: [],
      fields: [{ entity: 'contact', from: 'lastName', to: 'surname', moved: 1_233 }],
      views: 0,
    });
    expect((await t.api('GET', '/api/apps/ren-field/versions/2')).body.migrated.fields[0].moved).toBe(1_233);

    const all = await allOf('ren-field', 'contact');
    expect(all).toHaveLength(1_234);
    expect(all.filter((r) => 'lastName' in r)).toEqual([]);
    expect(all.find((r) => r.id === one.id)!.surname).toBe('Kept');
    expect(all.filter((r) => r.id !== one.id).every((r) => r.surname === `L${String(r.firstName).slice(1)}`)).toBe(true);

    // Through the API: sorted and filtered by the new field, computed fields see it.
    const list = await t.api(
      'GET',
      `/api/apps/ren-field/data/contact?sort=surname&limit=2&filter=${encodeURIComponent('{"surname":"L7"}')}`,
    );
    expect(list.body.items).toEqual([expect.objectContaining({ surname: 'L7', fullName: 'F7 L7' })]);
    expect(list.body.items[0].lastName).toBeUndefined();
  });

  it('records without a value in the old field get no value (and no default) in the new one', async () => {
    await createApp('ren-empty', 0);
    await records('ren-empty', 'contact').insertMany([{ firstName: 'NoLast' }, { firstName: 'Null', lastName: null }]);
    const v2 = withRenamedField(contactsApp('ren-empty') as App, 'contact', 'status', 'stage');
    const res = await publishWith('ren-empty', v2, [{ entity: 'contact', from: 'status', to: 'stage' }]);
    expect(res.status).toBe(201);
    const all = await allOf('ren-empty', 'contact');
    // status had a default ("new"); stage is the same field renamed, so no default is backfilled.
    expect(all.map((r) => [r.firstName, r.stage, 'status' in r])).toEqual([
      ['NoLast', undefined, false],
      ['Null', undefined, false],
    ]);
  });
});

describe('saved views and a field rename', () => {
  /** Pages with a contacts table and a companies table, columns named as in `app`. */
  const withTables = (app: App, lastName: string): App => ({
    ...app,
    pages: [
      {
        id: 'people',
        title: 'People',
        route: '/people',
        components: [
          {
            id: 'contactsTable',
            type: 'table',
            props: { columns: [{ field: 'firstName' }, { field: lastName }] },
            source: { kind: 'entity', entity: 'contact' },
          },
          { id: 'companiesTable', type: 'table', props: { columns: [{ field: 'name' }] }, source: { kind: 'entity', entity: 'company' } },
        ],
      },
    ],
  });

  it('follow the rename (columns, sort, filter at every level); views of other tables are left alone', async () => {
    const appId = 'ren-views';
    expect((await t.api('POST', '/api/apps', withTables(contactsApp(appId) as App, 'lastName'))).status).toBe(201);
    expect((await t.api('POST', `/api/apps/${appId}/publish`, {})).status).toBe(201);
    await t.api('POST', `/api/apps/${appId}/data/contact`, { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@x.io' });
    const state = {
      columns: ['firstName', 'lastName'],
      sort: [{ field: 'lastName', dir: 'desc' }],
      filter: { $and: [{ lastName: { $regex: '^Love' } }, { $or: [{ lastName: 'Lovelace' }, { status: 'lost' }] }] },
      pageSize: 50,
    };
    const mine = await t.api('POST', `/api/apps/${appId}/views`, { name: 'Love', component: 'contactsTable', state, shared: true });
    expect(mine.status).toBe(201);
    // A company table's view with a "lastName" key: another entity's field, not renamed.
    const other = await t.api('POST', `/api/apps/${appId}/views`, {
      name: 'Other',
      component: 'companiesTable',
      state: { filter: { lastName: 'x' }, columns: ['name'] },
    });
    expect(other.status).toBe(201);

    // The table's columns follow the rename, as in the builder.
    const renamed = withSurname(withTables(contactsApp(appId) as App, 'lastName'));
    expect(renamed.pages[0].components[0].props).toEqual({ columns: [{ field: 'firstName' }, { field: 'surname' }] });
    const res = await publishWith(appId, renamed, [SURNAME]);
    expect(res.status).toBe(201);
    expect(res.body.migrated.views).toBe(1);

    const views = (await t.api('GET', `/api/apps/${appId}/views`)).body.items as Array<{ name: string; state: Record<string, unknown> }>;
    expect(views.find((v) => v.name === 'Love')!.state).toEqual({
      columns: ['firstName', 'surname'],
      sort: [{ field: 'surname', dir: 'desc' }],
      filter: { $and: [{ surname: { $regex: '^Love' } }, { $or: [{ surname: 'Lovelace' }, { status: 'lost' }] }] },
      pageSize: 50,
    });
    expect(views.find((v) => v.name === 'Other')!.state).toEqual({ filter: { lastName: 'x' }, columns: ['name'] });
    // The rewritten view still finds the record through the records API.
    const love = views.find((v) => v.name === 'Love')!.state;
    const list = await t.api(
      'GET',
      `/api/apps/${appId}/data/contact?filter=${encodeURIComponent(JSON.stringify(love.filter))}&sort=-surname`,
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: { surname: string }) => r.surname)).toEqual(['Lovelace']);
  });
});

describe('publishing with an entity rename', () => {
  it('moves the records with their ids, versions, timestamps and creator; relations and rollups still resolve', async () => {
    await createApp('ren-entity', 3);
    const before = await allOf('ren-entity', 'company');
    const acme = before[0];
    await t.api('PATCH', `/api/apps/ren-entity/data/company/${acme.id}`, { name: 'Acme Inc' }, { 'if-match': `"${acme.version}"` });
    const [moving] = await allOf('ren-entity', 'company');
    expect(moving.version).toBe(2);

    const res = await publishWith('ren-entity', withAccount(contactsApp('ren-entity') as App), [{ from: 'company', to: 'account' }]);
    expect(res.status).toBe(201);
    expect(res.body.migrated).toEqual({ entities: [{ from: 'company', to: 'account', moved: 1 }], fields: [] });

    expect(await allOf('ren-entity', 'account')).toEqual([moving]);
    expect(await store().listCollections()).not.toContain(recordCollectionName('ren-entity', 'company'));
    expect((await t.api('GET', '/api/apps/ren-entity/data/company')).status).toBe(404);

    const account = await t.api('GET', `/api/apps/ren-entity/data/account/${acme.id}`);
    expect(account.status).toBe(200);
    expect(account.headers.get('etag')).toBe('"2"');
    expect(account.body).toMatchObject({ name: 'Acme Inc', contactCount: 3, createdAt: moving.createdAt, updatedAt: moving.updatedAt });
    const linked = await t.api(
      'GET',
      `/api/apps/ren-entity/data/contact?filter=${encodeURIComponent(JSON.stringify({ company: acme.id }))}&count=true`,
    );
    expect(linked.body.total).toBe(3);
    // A new link to a moved record is accepted: the relation resolves it in its new collection.
    expect((await t.api('POST', '/api/apps/ren-entity/data/contact', { lastName: 'New', company: acme.id })).status).toBe(201);
  });

  it('moves an entity and a field of it in one publish', async () => {
    await createApp('ren-both', 2);
    const v2 = withPerson(withSurname(contactsApp('ren-both') as App));
    // The log as the builder composes it: the field entry names its entity by the new id.
    const res = await publishWith('ren-both', v2, [SURNAME, { from: 'contact', to: 'person' }]);
    expect(res.status).toBe(201);
    expect(res.body.migrated).toEqual({
      entities: [{ from: 'contact', to: 'person', moved: 2 }],
      fields: [{ entity: 'person', from: 'lastName', to: 'surname', moved: 2 }],
      views: 0,
    });
    expect((await allOf('ren-both', 'person')).map((r) => r.surname).sort()).toEqual(['L0', 'L1']);
  });
});

describe('renames that cannot move', () => {
  it('are refused item by item with 422 at publish, and nothing is published or moved', async () => {
    await createApp('ren-bad', 5);
    const v2 = withSurname(contactsApp('ren-bad') as App);
    entityOf(v2, 'contact').fields.push({ id: 'age', type: 'number' });
    // email is still there, and text values cannot go into a number field.
    const res = await publishWith('ren-bad', v2, [{ entity: 'contact', from: 'email', to: 'age' }]);
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(/nothing was published or moved/);
    expect(res.body.errors).toEqual([
      { pointer: '/renames/0/from', message: expect.stringMatching(/"email" is still in entity "contact"/) },
      { pointer: '/renames/0/to', message: expect.stringMatching(/"age" \(number\) cannot take the values of "email" \(email\)/) },
    ]);
    const entity = await publishWith('ren-bad', withSurname(contactsApp('ren-bad') as App), [{ from: 'company', to: 'contact' }]);
    expect(entity.status).toBe(422);
    expect(entity.body.errors).toEqual(
      expect.arrayContaining([
        { pointer: '/renames/0/from', message: expect.stringMatching(/"company" is still in the new definition/) },
        { pointer: '/renames/0/to', message: expect.stringMatching(/"contact" already exists in the published version 1/) },
      ]),
    );
    expect((await t.api('GET', '/api/apps/ren-bad/versions')).body.items).toHaveLength(1);
    expect((await allOf('ren-bad', 'contact')).every((r) => typeof r.lastName === 'string' && !('surname' in r))).toBe(true);
  });

  it('are kept in the log but left out of the publish when they have nothing stored to move', async () => {
    await createApp('ren-none', 2);
    const v2 = withSurname(contactsApp('ren-none') as App);
    const saved = await saveDraft('ren-none', v2, [
      { entity: 'contact', from: 'nope', to: 'surname' }, // never published under that id
      SURNAME,
      { entity: 'contact', from: 'firstName', to: 'lastName' }, // lastName is not in the draft: dropped
      { entity: 'ghost', from: 'a', to: 'b' },
    ]);
    expect(saved.body.renames).toEqual([{ entity: 'contact', from: 'nope', to: 'surname' }, SURNAME]);
    expect(saved.body.renamesToPublish).toEqual([SURNAME]);
    const res = await t.api('POST', '/api/apps/ren-none/publish', {});
    expect(res.status).toBe(201);
    expect(res.body.migrated.fields).toEqual([{ ...SURNAME, moved: 2 }]);
    // The published version is the new base: the log is empty again.
    expect((await t.api('GET', '/api/apps/ren-none')).body).toMatchObject({ renames: [], renamesToPublish: [] });
  });

  it('are refused when malformed (schema) or too many; publish takes none of its own; an app never published moves nothing', async () => {
    await createApp('ren-shape', 0);
    const draft = await t.api('GET', '/api/apps/ren-shape');
    const shape = await t.api('PUT', '/api/apps/ren-shape', {
      definition: draft.body.draft,
      renames: [
        { entity: 'contact', from: 'lastName' },
        { from: '1x', to: 'y', extra: 1 },
      ],
    });
    expect(shape.status).toBe(400);
    expect(shape.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(expect.arrayContaining(['/renames/0', '/renames/1']));
    const many = await t.api('PUT', '/api/apps/ren-shape', {
      definition: draft.body.draft,
      renames: Array.from({ length: 201 }, (_, i) => ({ from: `a${i}`, to: `b${i}` })),
    });
    expect(many.status).toBe(400);
    expect(many.body.detail).toMatch(/at most 200/);
    const extra = await t.api('PUT', '/api/apps/ren-shape', { definition: draft.body.draft, note: 'x' });
    expect(extra.status).toBe(400);
    expect((await t.api('GET', '/api/apps/ren-shape')).body.revision).toBe(draft.body.revision);
    const inPublish = await t.api('POST', '/api/apps/ren-shape/publish', { renames: [SURNAME] });
    expect(inPublish.status).toBe(400);
    expect(inPublish.body.detail).toMatch(/saved with the draft/);

    expect((await t.api('POST', '/api/apps', contactsApp('ren-new'))).status).toBe(201);
    const saved = await saveDraft('ren-new', withAccount(contactsApp('ren-new') as App), [{ from: 'company', to: 'account' }]);
    expect(saved.body.renamesToPublish).toEqual([]);
    const fresh = await t.api('POST', '/api/apps/ren-new/publish', {});
    expect(fresh.status).toBe(201);
    expect(fresh.body.migrated).toBeUndefined();
  });
});

describe('an interrupted move', () => {
  it('is finished by publishing again: nothing lost, nothing duplicated', async () => {
    await createApp('ren-crash', 1_100);
    const before = await allOf('ren-crash', 'contact');
    const def = withPerson(withSurname(withAccount(contactsApp('ren-crash') as App)));
    // company -> account is left out of the log on purpose: only contacts move, in 3 batches.
    const renames = [SURNAME, { from: 'contact', to: 'person' }];

    // The process dies while the second batch of contacts is being moved.
    await saveDraft('ren-crash', def, renames);
    const s = store();
    const real = s.transaction.bind(s);
    let calls = 0;
    s.transaction = (async (fn: Parameters<Store['transaction']>[0]) => {
      if (++calls === 2) throw new Error('simulated crash');
      return real(fn);
    }) as Store['transaction'];
    try {
      expect((await t.api('POST', '/api/apps/ren-crash/publish', {})).status).toBe(500);
    } finally {
      s.transaction = real;
    }
    expect((await t.api('GET', '/api/apps/ren-crash/versions')).body.items).toHaveLength(1);
    expect((await allOf('ren-crash', 'person')).length + (await allOf('ren-crash', 'contact')).length).toBe(1_100);
    expect((await allOf('ren-crash', 'person')).length).toBe(500); // the first batch

    // The log is still saved with the draft: publishing again (from anywhere) finishes the move.
    const again = await t.api('POST', '/api/apps/ren-crash/publish', {});
    expect(again.status).toBe(201);
    const after = await allOf('ren-crash', 'person');
    expect(after).toHaveLength(1_100);
    expect(new Set(after.map((r) => r.id))).toEqual(new Set(before.map((r) => r.id)));
    expect(after.every((r) => !('lastName' in r) && typeof r.surname === 'string' && r.createdBy === 'someone')).toBe(true);
    expect(await store().listCollections()).not.toContain(recordCollectionName('ren-crash', 'contact'));
  });

  it('a unique clash is found before anything moves (409, storage unchanged); fixing it and publishing again moves everything', async () => {
    await createApp('ren-unique', 0);
    await records('ren-unique', 'contact').insertMany(Array.from({ length: 600 }, (_, i) => ({ lastName: i >= 598 ? 'Twin' : `L${i}` })));
    const strict = withSurname(contactsApp('ren-unique') as App);
    entityOf(strict, 'contact').fields.find((f) => f.id === 'surname')!.unique = true;
    const renames = [SURNAME];
    const refused = await publishWith('ren-unique', strict, renames);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/"contact" cannot get a unique surname: 2 records have "Twin"/);
    expect((await t.api('GET', '/api/apps/ren-unique/versions')).body.items).toHaveLength(1);
    expect((await allOf('ren-unique', 'contact')).filter((r) => 'surname' in r)).toHaveLength(0); // checked before the move: nothing moved

    const res = await publishWith('ren-unique', withSurname(contactsApp('ren-unique') as App), renames);
    expect(res.status).toBe(201);
    const all = await allOf('ren-unique', 'contact');
    expect(all.filter((r) => r.surname === 'Twin')).toHaveLength(2);
    expect(all.every((r) => typeof r.surname === 'string' && !('lastName' in r))).toBe(true);
  });
});

describe('rollback with the inverse renames', () => {
  it("moves the data back to the old version's ids", async () => {
    await createApp('ren-back', 4);
    expect((await publishWith('ren-back', withSurname(contactsApp('ren-back') as App), [SURNAME])).status).toBe(201);
    const back = await t.api('POST', '/api/apps/ren-back/rollback', {
      version: 1,
      renames: [{ entity: 'contact', from: 'surname', to: 'lastName' }],
    });
    expect(back.status).toBe(201);
    expect(back.body.migrated.fields[0].moved).toBe(4);
    const list = await t.api('GET', '/api/apps/ren-back/data/contact?sort=lastName&limit=10');
    expect(list.body.items.map((r: { lastName: string }) => r.lastName)).toEqual(['L0', 'L1', 'L2', 'L3']);

    const wrong = await t.api('POST', '/api/apps/ren-back/rollback', {
      version: 2,
      renames: [{ entity: 'contact', from: 'nope', to: 'surname' }],
    });
    expect(wrong.status).toBe(422);
    expect((await t.api('GET', '/api/apps/ren-back/versions')).body.items).toHaveLength(3);
    expect((await t.api('GET', '/api/apps/ren-back')).body.draft.entities[1].fields[1].id).toBe('lastName');
  });
});
