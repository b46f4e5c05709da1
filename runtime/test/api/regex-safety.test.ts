/**
 * Hardening 1 and the regex part of 2: every pattern a user or a definition supplies runs in a
 * linear-time engine. The attack from the checkpoint, `^(a+)+$` against a long run of "a"s
 * that does not end the way the pattern wants, took 6.9 s at 31 characters in a backtracking
 * engine and doubles per character: at 1,000 characters these requests would never come back.
 * Here they answer, through the list, the CSV export, the aggregate, a field's `pattern` and an
 * expression's `$match`; patterns RE2 cannot run are refused with a clear message.
 */
import { contactsApp, startTestServer, type TestServer } from '../helpers/tessera';

let t: TestServer;
const base = '/api/apps/regex/data/contact';
const EVIL = '^(a+)+$';
const LONG = `${'a'.repeat(999)}!`; // text fields hold at most 1,000 characters
const q = (filter: unknown) => encodeURIComponent(JSON.stringify(filter));

beforeAll(async () => {
  t = await startTestServer();
  const app = contactsApp('regex') as { entities: Array<{ id: string; fields: Array<Record<string, unknown>> }> };
  const contact = app.entities[1];
  contact.fields.push(
    { id: 'code', type: 'text', pattern: EVIL },
    { id: 'shouts', type: 'computed', resultType: 'boolean', expression: { $expr: `$contains(lastName, /${EVIL}/)` } },
  );
  expect((await t.api('POST', '/api/apps', app)).status).toBe(201);
  expect((await t.api('POST', '/api/apps/regex/publish', {})).status).toBe(201);
  for (const lastName of ['a'.repeat(31) + '!', LONG, 'aaaa']) expect((await t.api('POST', base, { lastName })).status).toBe(201);
});
afterAll(() => t.close());

describe('regular expressions cannot stall the server', () => {
  it('a $regex filter answers over long hostile values, in the list, the export and the aggregate', async () => {
    const filter = q({ lastName: { $regex: EVIL } });
    const [list, csv, agg, health] = await Promise.all([
      t.api('GET', `${base}?filter=${filter}&limit=100`),
      t.api('GET', `${base}/export.csv?filter=${filter}`),
      t.api('GET', `${base}/aggregate?filter=${filter}&metrics=${q([{ op: 'count', as: 'n' }])}`),
      t.api('GET', '/api/health'),
    ]);
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { lastName: string }) => c.lastName)).toEqual(['aaaa']);
    expect(csv.status).toBe(200);
    expect(String(csv.body).trim().split('\n')).toHaveLength(2); // header + aaaa
    expect(agg.body.rows).toEqual([{ n: 1 }]);
    expect(health.status).toBe(200);
  });

  it("a field's pattern and an expression's regex run in the same engine", async () => {
    const bad = await t.api('POST', base, { lastName: 'x', code: LONG });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ pointer: '/code' })]);
    expect((await t.api('POST', base, { lastName: 'y', code: 'aaa' })).status).toBe(201);
    const page = await t.api('GET', `${base}?limit=100`);
    const shouts = Object.fromEntries(page.body.items.map((c: { lastName: string; shouts: boolean }) => [c.lastName.length, c.shouts]));
    expect(shouts).toMatchObject({ 4: true, 32: false, 1000: false });
  });

  it('refuses patterns RE2 cannot run, saying why, and keeps nothing of a refused publish', async () => {
    const backref = await t.api('GET', `${base}?filter=${q({ lastName: { $regex: '(a)\\1' } })}`);
    expect(backref.status).toBe(400);
    expect(backref.body.errors).toEqual([
      { pointer: '/filter/lastName/$regex', message: expect.stringMatching(/backreferences .* not supported/) },
    ]);
    const lookahead = await t.api('GET', `${base}?filter=${q({ lastName: { $regex: 'a(?=b)' } })}`);
    expect(lookahead.body.detail).toMatch(/lookahead and lookbehind .* not supported/);

    const draft = await t.api('GET', '/api/apps/regex');
    const v2 = structuredClone(draft.body.draft) as { entities: Array<{ fields: Array<Record<string, unknown>> }> };
    v2.entities[1].fields.push(
      { id: 'zip', type: 'text', pattern: '^(?!0)\\d{5}$' },
      { id: 'echo', type: 'computed', resultType: 'boolean', expression: { $expr: '$contains(lastName, /(a)\\1/)' } },
    );
    expect((await t.api('PUT', '/api/apps/regex', { definition: v2 }, { 'if-match': `"${draft.body.revision}"` })).status).toBe(200);
    const pub = await t.api('POST', '/api/apps/regex/publish', {});
    expect(pub.status).toBe(422);
    const pointers = pub.body.errors.map((e: { pointer: string; message: string }) => [e.pointer, e.message]);
    expect(pointers).toEqual(
      expect.arrayContaining([
        ['/entities/1/fields/9/pattern', expect.stringMatching(/lookahead/)],
        [expect.stringMatching(/^\/entities\/1\/fields\/10\/expression/), expect.stringMatching(/backreferences/)],
      ]),
    );
    const published = await t.api('GET', '/api/apps/regex/versions');
    expect(published.body.items).toHaveLength(1);
  });
});
