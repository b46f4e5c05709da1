/**
 * Hardening 4: a computed value that could not be worked out is never shown as a real null. The
 * record leaves the field out and names it in `$errors` (with why), the CSV export writes
 * `#ERROR`, and a role that may not see a derived field does not learn that it failed either.
 */
import { startTestServer, type TestServer } from '../helpers/tessera';
import { addMember, publishApp, rbacApp, type TestMember } from '../helpers/members';

let t: TestServer;
let rep: TestMember;
const base = '/api/apps/cerr/data/deal';

beforeAll(async () => {
  t = await startTestServer();
  const def = rbacApp('cerr') as { entities: Array<{ fields: unknown[] }> };
  def.entities[0].fields.push(
    { id: 'codeNumber', type: 'computed', resultType: 'number', expression: { $expr: '$number(code)' } },
    { id: 'marginNumber', type: 'computed', resultType: 'number', expression: { $expr: '$number(code) * margin' } },
  );
  await publishApp(t, def);
  rep = await addMember(t, 'cerr', { email: 'rep@cerr.test', roles: ['rep'] });
  expect((await t.api('POST', base, { name: 'Good', code: '12', margin: 0.5, owner: 'rep@cerr.test' })).status).toBe(201);
  expect((await t.api('POST', base, { name: 'Bad', code: 'X-1', margin: 0.5, owner: 'rep@cerr.test' })).status).toBe(201);
});
afterAll(() => t.close());

const byName = (items: Array<Record<string, unknown>>) => Object.fromEntries(items.map((d) => [d.name, d]));

describe('a computed value that fails', () => {
  it('is left out and named in $errors, beside the values that worked', async () => {
    const deals = byName((await t.api('GET', `${base}?sort=name`)).body.items);
    expect(deals.Good).toMatchObject({ codeNumber: 12, marginNumber: 6 });
    expect(deals.Good).not.toHaveProperty('$errors');
    expect(deals.Bad).not.toHaveProperty('codeNumber');
    expect(deals.Bad.$errors).toEqual({
      codeNumber: expect.stringMatching(/Unable to cast value to a number/),
      marginNumber: expect.stringMatching(/Unable to cast value to a number/),
    });
    const one = await t.api('GET', `${base}/${deals.Bad.id}`);
    expect(one.body.$errors).toEqual(deals.Bad.$errors);
  });

  it('is #ERROR in the CSV export, not an empty cell', async () => {
    const csv = await t.api('GET', `${base}/export.csv?fields=name,codeNumber&sort=name`);
    expect(
      String(csv.body)
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n'),
    ).toEqual(['name,codeNumber', 'Bad,#ERROR', 'Good,12']);
  });

  it('is not revealed to a role that may not see the derived field', async () => {
    const deals = byName((await rep.api('GET', `${base}?sort=name`)).body.items);
    expect(deals.Bad.$errors).toEqual({ codeNumber: expect.any(String) }); // marginNumber reads the hidden margin
    expect(deals.Bad).not.toHaveProperty('marginNumber');
  });
});
