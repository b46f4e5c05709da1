/**
 * Hardening 23: integers beyond 2^53 are not the numbers that were sent (1152921504606847200
 * arrives as 1152921504606846976) and compared wrongly. They are refused with a clear error, in
 * records, filters and CSV cells, and nothing is written.
 */
import { startTestServer, type TestServer } from '../helpers/tessera';
import { publishApp, rbacApp } from '../helpers/members';

let t: TestServer;
const base = '/api/apps/exact/data/deal';
beforeAll(async () => {
  t = await startTestServer();
  await publishApp(t, rbacApp('exact'));
});
afterAll(() => t.close());

it('refuses an unsafe integer in a number field with a 422 at the field, and writes nothing', async () => {
  const before = (await t.api('GET', `${base}?count=exact&limit=1`)).body.total;
  const res = await t.api('POST', base, { name: 'Huge', margin: 1152921504606847200 });
  expect(res.status).toBe(422);
  expect(res.body.errors).toEqual([{ pointer: '/margin', message: expect.stringContaining(String(Number.MAX_SAFE_INTEGER)) }]);
  expect((await t.api('GET', `${base}?count=exact&limit=1`)).body.total).toBe(before);
  expect((await t.api('POST', base, { name: 'Largest exact', margin: Number.MAX_SAFE_INTEGER })).status).toBe(201);
});

it('refuses an unsafe integer in a filter with a 400 that points at it', async () => {
  const filter = encodeURIComponent(JSON.stringify({ margin: { $gte: 1152921504606847200 } }));
  const res = await t.api('GET', `${base}?filter=${filter}`);
  expect(res.status).toBe(400);
  expect(res.body.errors).toEqual([{ pointer: '/filter/margin/$gte', message: expect.stringMatching(/cannot be compared exactly/) }]);
});
