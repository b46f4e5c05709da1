import { contactsApp, startTestServer, type TestServer } from '../helpers/tessera';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

type App = { entities: Array<{ id: string; fields: Array<Record<string, unknown>>; indexes?: unknown[] }> };

async function publish(def: unknown) {
  const draft = await t.api('GET', '/api/apps/evolve');
  const saved = await t.api('PUT', '/api/apps/evolve', def, { 'if-match': `"${draft.body.revision}"` });
  expect(saved.status).toBe(200);
  return t.api('POST', '/api/apps/evolve/publish', {});
}

describe('publishing a changed definition migrates storage without losing records', () => {
  it("adds fields with defaults and indexes to existing records, and keeps removed entities' data", async () => {
    await t.api('POST', '/api/apps', contactsApp('evolve'));
    await t.api('POST', '/api/apps/evolve/publish', {});
    for (let i = 0; i < 30; i++) await t.api('POST', '/api/apps/evolve/data/contact', { lastName: `L${i}`, email: `p${i}@x.io` });

    const v2 = contactsApp('evolve') as App;
    v2.entities[1].fields.push({
      id: 'tier',
      type: 'enum',
      options: [{ value: 'bronze' }, { value: 'gold' }],
      default: 'bronze',
      indexed: true,
    });
    v2.entities[1].fields.push({ id: 'since', type: 'datetime', default: { $expr: '$now()' } });
    v2.entities[1].indexes = [{ fields: ['tier', 'lastName'] }];
    const started = Date.now();
    const pub = await publish(v2);
    expect(pub.status).toBe(201);
    // The backfill is one execution: every existing record gets the same `$now()`, the time it ran.
    const since = new Set(
      (await t.api('GET', '/api/apps/evolve/data/contact?limit=100')).body.items.map((c: { since: string }) => c.since),
    );
    expect(since.size).toBe(1);
    const at = Date.parse([...since][0] as string);
    expect(at).toBeGreaterThanOrEqual(started);
    expect(at).toBeLessThanOrEqual(Date.now());

    const all = await t.api('GET', '/api/apps/evolve/data/contact?limit=100&count=true');
    expect(all.body.total).toBe(30);
    expect(all.body.items.every((c: { tier: string }) => c.tier === 'bronze')).toBe(true);
    const gold = await t.api('GET', `/api/apps/evolve/data/contact?filter=${encodeURIComponent('{"tier":"gold"}')}`);
    expect(gold.body.items).toEqual([]);

    // v3 drops the contact entity: its data stays and comes back with a rollback.
    const v3 = contactsApp('evolve') as App;
    v3.entities = v3.entities.filter((e) => e.id === 'company');
    (v3.entities[0].fields as Array<{ type: string }>).splice(1, 2); // its rollups pointed at contact
    expect((await publish(v3)).status).toBe(201);
    expect((await t.api('GET', '/api/apps/evolve/data/contact')).status).toBe(404);
    expect((await t.api('POST', '/api/apps/evolve/rollback', { version: 2 })).status).toBe(201);
    expect((await t.api('GET', '/api/apps/evolve/data/contact?count=true')).body.total).toBe(30);
  });

  it('refuses a new unique constraint that existing data violates, and publishes nothing', async () => {
    for (let i = 0; i < 2; i++) await t.api('POST', '/api/apps/evolve/data/contact', { lastName: 'Twin' });
    const before = (await t.api('GET', '/api/apps/evolve/versions')).body.items.length;
    const v = contactsApp('evolve') as App;
    v.entities[1].fields.push({
      id: 'tier',
      type: 'enum',
      options: [{ value: 'bronze' }, { value: 'gold' }],
      default: 'bronze',
      indexed: true,
    });
    (v.entities[1].fields.find((f) => f.id === 'lastName') as Record<string, unknown>).unique = true;
    const res = await publish(v);
    expect(res.status).toBe(409);
    expect((await t.api('GET', '/api/apps/evolve/versions')).body.items.length).toBe(before);
    expect((await t.api('GET', '/api/apps/evolve/data/contact?count=true')).body.total).toBe(32);
  });
});
