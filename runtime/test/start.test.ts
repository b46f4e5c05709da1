import { startTestServer, ADMIN } from './helpers/tessera';

describe('first start', () => {
  it('creates the admin and imports the b2b-sales example with its demo records', async () => {
    const t = await startTestServer({ loadExamples: true });
    try {
      const apps = await t.api('GET', '/api/apps');
      expect(apps.body.items).toEqual([expect.objectContaining({ id: 'b2b-sales', publishedVersion: 1 })]);
      let total = 0;
      for (const entity of ['company', 'contact', 'lead', 'opportunity', 'activity']) {
        const res = await t.api('GET', `/api/apps/b2b-sales/data/${entity}?count=true&limit=1`);
        expect(res.status).toBe(200);
        total += res.body.total;
      }
      expect(total).toBeGreaterThanOrEqual(150);
      const login = await fetch(`${t.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      expect(login.status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('creates the demo users of examples/b2b-sales/members.json with their memberships', async () => {
    process.env.TESSERA_DEMO_PASSWORD = 'demo password 42';
    const t = await startTestServer({ loadExamples: true });
    try {
      const members = await t.api('GET', '/api/apps/b2b-sales/members');
      expect(members.body.items.map((m: { email: string; roles: string[]; team: string }) => [m.email, m.roles, m.team])).toEqual([
        ['manager@example.com', ['manager'], 'east'],
        ['rep1@example.com', ['rep'], 'east'],
        ['rep2@example.com', ['rep'], 'west'],
      ]);
      const login = await fetch(`${t.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'rep1@example.com', password: 'demo password 42' }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0];
      const deals = await fetch(`${t.url}/api/apps/b2b-sales/data/opportunity?limit=1000`, { headers: { cookie } });
      const items = (await deals.json()).items as Array<{ owner: string }>;
      expect(items.length).toBeGreaterThan(0);
      expect(new Set(items.map((d) => d.owner))).toEqual(new Set(['rep1@example.com']));
      const activities = await t.api('GET', '/api/apps/b2b-sales/data/activity?count=true&limit=1');
      const mgr = await t.running.platform.accounts.findUserByEmail('manager@example.com');
      const { key } = await t.running.platform.accounts.createApiKey(mgr!.id, 'test');
      const team = await t.as(key)('GET', '/api/apps/b2b-sales/data/activity?limit=1000');
      const owners = new Set(team.body.items.map((a: { owner: string }) => a.owner));
      expect(owners.has('rep2@example.com')).toBe(false); // west is not the manager's team
      expect(team.body.items.length).toBeLessThan(activities.body.total);
    } finally {
      delete process.env.TESSERA_DEMO_PASSWORD;
      await t.close();
    }
  });
});
