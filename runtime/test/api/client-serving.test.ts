import { requireClientBuild } from '../e2e/app';
import { startTestServer, type TestServer } from '../helpers/tessera';

let t: TestServer;
beforeAll(async () => {
  requireClientBuild();
  t = await startTestServer();
});
afterAll(() => t.close());

const page = async (path: string) => {
  const res = await fetch(t.url + path, { redirect: 'manual' });
  return { status: res.status, type: res.headers.get('content-type'), cache: res.headers.get('cache-control'), html: await res.text() };
};

describe('serving the app client', () => {
  it("preloads the app's runtime request on every page of an app, so it loads beside the bundles", async () => {
    const res = await page('/apps/b2b-sales/contacts');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/text\/html/);
    expect(res.cache).toBe('no-cache');
    expect(res.html).toContain('<link rel="preload" as="fetch" crossorigin href="/api/apps/b2b-sales/runtime">');
    expect((await page('/apps/b2b-sales')).html).toContain('href="/api/apps/b2b-sales/runtime"');
  });

  it('puts nothing unescaped from the URL into the page', async () => {
    const res = await page('/apps/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E/x');
    expect(res.html).not.toContain('<script>alert');
    expect(res.html).toContain('href="/api/apps/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E/runtime"');
  });

  it('the app list page has no preload, and a missing asset is a 404, not the page', async () => {
    expect((await page('/apps/')).html).not.toContain('rel="preload" as="fetch"');
    const missing = await page('/apps/assets/nope-12345678.js');
    expect(missing.status).toBe(404);
  });
});
