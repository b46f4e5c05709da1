import { contactsApp, startTestServer, type TestServer } from '../helpers/tessera';

let t: TestServer;
const base = '/api/apps/crm/data';
beforeAll(async () => {
  t = await startTestServer();
  const app = contactsApp('crm') as { entities: Array<{ fields: Array<Record<string, unknown>> }> };
  // Expressions that never end: creating a contact and reading a company must fail cleanly, not hang.
  // Not tail calls, so the depth limit stops them within a few hundred steps: under jest a tail-calling
  // loop needs ~0.5 s to use up its steps, and on a loaded CI machine the 1 s backstop fired first.
  const endless = '($f := function($x) { 1 + $f($x + 1) }; $f(0))';
  // Endless for real callers and records only: a publish tries expressions on a sample user and
  // sample records (id "user_1") and refuses one that fails its limits there, so these are the
  // expressions that slip through it, and the limits at run time must stop.
  app.entities[1].fields.push({ id: 'slowDefault', type: 'number', default: { $expr: `$user.id = "user_1" ? 0 : ${endless}` } });
  app.entities[0].fields.push({
    id: 'loopy',
    type: 'computed',
    resultType: 'number',
    expression: { $expr: `createdBy = "user_1" ? 0 : ${endless}` },
  });
  expect((await t.api('POST', '/api/apps', app)).status).toBe(201);
  const pub = await t.api('POST', '/api/apps/crm/publish', {});
  expect(pub.status).toBe(201);
});
afterAll(() => t.close());

const count = async (entity: string) => (await t.api('GET', `${base}/${entity}?count=true&limit=1`)).body.total as number;

describe('records API', () => {
  let companyId: string;

  it('creates, reads, updates and deletes with ETags', async () => {
    const company = await t.api('POST', `${base}/company`, { name: 'Acme' });
    expect(company.status).toBe(201);
    companyId = company.body.id;
    expect(company.headers.get('location')).toBe(`/api/apps/crm/data/company/${companyId}`);
    expect(company.body).toMatchObject({ name: 'Acme', version: 1, contactCount: 0, totalScore: 0 });
    // A computed field that cannot be worked out is left out and says why, never a null that looks real.
    expect(company.body).not.toHaveProperty('loopy');
    expect(company.body.$errors).toEqual({ loopy: expect.stringMatching(/too many steps|too deeply/) });

    const created = await t.api('PATCH', `${base}/company/${companyId}`, { name: 'Acme Inc' }, { 'if-match': '"1"' });
    expect(created.status).toBe(200);
    expect(created.headers.get('etag')).toBe('"2"');

    const got = await t.api('GET', `${base}/company/${companyId}`);
    expect(got.headers.get('etag')).toBe('"2"');
    expect(got.body.name).toBe('Acme Inc');
  });

  it('computes computed fields, rollups and defaults', async () => {
    const c = await t.api('POST', `${base}/contact`, {
      firstName: 'Ada',
      lastName: 'Lovelace',
      score: 40,
      company: companyId,
      slowDefault: 1,
    });
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ fullName: 'Ada Lovelace', status: 'new', createdBy: expect.any(String) });
    await t.api('POST', `${base}/contact`, { firstName: 'Alan', lastName: 'Turing', score: 2, company: companyId, slowDefault: 1 });
    const company = await t.api('GET', `${base}/company/${companyId}`);
    expect(company.body).toMatchObject({ contactCount: 2, totalScore: 42 });
    // A lookup that only needs names can skip the rollups' aggregate queries.
    const light = await t.api('GET', `${base}/company?rollups=false&filter=${encodeURIComponent(JSON.stringify({ id: companyId }))}`);
    expect(light.body.items[0].name).toBe('Acme Inc');
    expect(light.body.items[0]).not.toHaveProperty('contactCount');
  });

  it('refuses a stale If-Match with 412 and keeps the newer data', async () => {
    const c = await t.api('POST', `${base}/contact`, { lastName: 'Stale', slowDefault: 1 });
    await t.api('PATCH', `${base}/contact/${c.body.id}`, { firstName: 'First' }, { 'if-match': '"1"' });
    const stale = await t.api('PATCH', `${base}/contact/${c.body.id}`, { firstName: 'Second' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body.currentVersion).toBe(2);
    expect((await t.api('GET', `${base}/contact/${c.body.id}`)).body.firstName).toBe('First');
    expect((await t.api('DELETE', `${base}/contact/${c.body.id}`, undefined, { 'if-match': '"1"' })).status).toBe(412);
    expect((await t.api('GET', `${base}/contact/${c.body.id}`)).status).toBe(200);
    expect((await t.api('PATCH', `${base}/contact/${c.body.id}`, { firstName: 'x' }, { 'if-match': 'garbage' })).status).toBe(400);
  });

  it('refuses duplicate unique values with 409 and writes nothing', async () => {
    const before = await count('contact');
    expect((await t.api('POST', `${base}/contact`, { lastName: 'One', email: 'dup@example.com', slowDefault: 1 })).status).toBe(201);
    const dup = await t.api('POST', `${base}/contact`, { lastName: 'Two', email: 'dup@example.com', slowDefault: 1 });
    expect(dup.status).toBe(409);
    expect(dup.body.errors).toEqual([{ pointer: '/email', message: 'must be unique' }]);
    expect(await count('contact')).toBe(before + 1);
  });

  it('refuses wrong types, unknown properties, read-only fields and out-of-range values, field by field', async () => {
    const before = await count('contact');
    const res = await t.api('POST', `${base}/contact`, {
      lastName: 42,
      score: 500,
      status: 'gone',
      nickname: 'x',
      fullName: 'y',
      slowDefault: 1,
    });
    expect(res.status).toBe(422);
    const pointers = res.body.errors.map((e: { pointer: string }) => e.pointer).sort();
    expect(pointers).toEqual(expect.arrayContaining(['/lastName', '/score', '/status']));
    expect(res.body.errors.some((e: { pointer: string }) => e.pointer === '/nickname' || e.pointer === '')).toBe(true);
    expect(await count('contact')).toBe(before);
    // A missing field is reported at the field, as a form marks it (Hardening 20).
    const missing = await t.api('POST', `${base}/contact`, { firstName: 'NoLast', slowDefault: 1 });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([{ pointer: '/lastName', message: 'missing required property "lastName"' }]);
  });

  it('names a link that points nowhere together with the schema errors, on create and update', async () => {
    const before = await count('contact');
    const res = await t.api('POST', `${base}/contact`, { firstName: 'Both', company: 'no-such-company', slowDefault: 1 });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { pointer: '/lastName', message: 'missing required property "lastName"' },
      { pointer: '/company', message: 'no company with id "no-such-company"' },
    ]);
    expect(await count('contact')).toBe(before);
    const c = await t.api('POST', `${base}/contact`, { lastName: 'Linked', slowDefault: 1 });
    const patch = await t.api('PATCH', `${base}/contact/${c.body.id}`, { score: 'high', company: 'no-such-company' });
    expect(patch.status).toBe(422);
    expect(patch.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/score', '/company']);
    expect((await t.api('GET', `${base}/contact/${c.body.id}`)).body.version).toBe(1);
  });

  it('refuses a link to a record that does not exist', async () => {
    const res = await t.api('POST', `${base}/contact`, { lastName: 'Orphan', company: 'no-such-company', slowDefault: 1 });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ pointer: '/company', message: 'no company with id "no-such-company"' }]);
  });

  it('refuses to delete a record others link to (restrict), keeping both', async () => {
    const res = await t.api('DELETE', `${base}/company/${companyId}`);
    expect(res.status).toBe(409);
    expect((await t.api('GET', `${base}/company/${companyId}`)).status).toBe(200);
  });

  it('fails cleanly when a default expression loops, and the server keeps serving', async () => {
    const before = await count('contact');
    const res = await t.api('POST', `${base}/contact`, { lastName: 'Loop' });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].pointer).toBe('/slowDefault');
    expect(res.body.detail).toMatch(/too many steps|too deeply/);
    expect(await count('contact')).toBe(before);
    expect((await t.api('GET', '/api/health')).status).toBe(200);
  });

  it('filters, sorts and pages with cursors', async () => {
    for (let i = 0; i < 25; i++) {
      await t.api('POST', `${base}/contact`, {
        lastName: `Page${String(i).padStart(2, '0')}`,
        score: i,
        status: i % 2 ? 'active' : 'lost',
        slowDefault: 1,
      });
    }
    const filter = encodeURIComponent(JSON.stringify({ lastName: { $regex: '^Page' }, score: { $gte: 5 } }));
    const seen: string[] = [];
    let cursor = '';
    for (let pages = 0; pages < 10; pages++) {
      const res = await t.api(
        'GET',
        `${base}/contact?filter=${filter}&sort=-score&limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((c: { lastName: string }) => c.lastName));
      if (!res.body.nextCursor) break;
      cursor = res.body.nextCursor;
    }
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => `Page${String(24 - i).padStart(2, '0')}`));
    const active = await t.api(
      'GET',
      `${base}/contact?filter=${encodeURIComponent('{"status":"active","lastName":{"$regex":"^Page"}}')}&count=true`,
    );
    expect(active.body.total).toBe(12);
  });

  it('refuses unknown operators, $where, $function, unknown fields and bad sorts with 400', async () => {
    const cases: Array<[string, RegExp]> = [
      [`filter=${encodeURIComponent('{"$where":"sleep(1000)"}')}`, /\$where/],
      [`filter=${encodeURIComponent('{"lastName":{"$function":{}}}')}`, /\$function/],
      [`filter=${encodeURIComponent('{"lastName":{"$near":1}}')}`, /\$near/],
      [`filter=${encodeURIComponent('{"nickname":"x"}')}`, /unknown field "nickname"/],
      [`filter=${encodeURIComponent('{"fullName":"x"}')}`, /computed/],
      [`filter=${encodeURIComponent('{"lastName":')}`, /not valid JSON/],
      ['sort=shoeSize', /unknown field "shoeSize"/],
      ['limit=5000', /limit/],
      ['cursor=not-a-cursor', /cursor/i],
    ];
    for (const [query, message] of cases) {
      const res = await t.api('GET', `${base}/contact?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.detail).toMatch(message);
    }
  });

  it('answers 404 for unknown apps, entities and records', async () => {
    expect((await t.api('GET', '/api/apps/none/data/contact')).status).toBe(404);
    expect((await t.api('GET', `${base}/unicorn`)).status).toBe(404);
    expect((await t.api('GET', `${base}/contact/nope`)).status).toBe(404);
    expect((await t.api('PATCH', `${base}/contact/nope`, { firstName: 'x' })).status).toBe(404);
  });

  it('refuses a non-JSON body on writes', async () => {
    const res = await t.api('POST', `${base}/contact`, 'lastName=Form', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
  });
});
