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
});
