/**
 * Hardening 8, 10 and 12, with the exact attacks from the checkpoint: the sign-in back-off cannot
 * be dodged by padding the email or by naming another client address in X-Forwarded-For; a page
 * on another port of the same host cannot make a signed-in browser change anything (a bodiless
 * POST included); one email rule everywhere.
 */
import { startTessera } from '../../src/cli/start';
import { ADMIN, startTestServer, type TestServer } from '../helpers/tessera';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${t.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });

async function sessionCookie(): Promise<string> {
  const res = await login(ADMIN.email, ADMIN.password);
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0];
}

describe('the sign-in back-off', () => {
  it('counts " Victim@Test.local " and victim@test.local as one account', async () => {
    const variants = [
      'victim@test.local',
      ' victim@test.local',
      'VICTIM@test.local ',
      '  Victim@Test.Local',
      'victim@test.local  ',
      '\tvictim@test.local',
    ];
    const statuses: number[] = [];
    for (const [i, email] of [...variants, ...variants].entries()) statuses.push((await login(email, `wrong ${i} guess`)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(6)).toEqual(Array(6).fill(429));
  });

  it('does not believe X-Forwarded-For unless a proxy is configured', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push((await login('xff@test.local', `wrong ${i}`, { 'x-forwarded-for': `203.0.113.${i}` })).status);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('cross-site requests with the session cookie', () => {
  it('refuses a bodiless POST from another port of the same host, and the session stays', async () => {
    const cookie = await sessionCookie();
    const attack = await fetch(`${t.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie, 'sec-fetch-site': 'same-site', origin: 'http://127.0.0.1:9999', 'content-length': '0' },
    });
    expect(attack.status).toBe(403);
    expect((await attack.json()).detail).toMatch(/another site/);
    expect((await fetch(`${t.url}/api/auth/me`, { headers: { cookie } })).status).toBe(200);
    const key = await fetch(`${t.url}/api/api-keys`, { method: 'POST', headers: { cookie, origin: 'http://127.0.0.1:9999' } });
    expect(key.status).toBe(403);
    expect((await key.json()).detail).toMatch(/another origin/);
  });

  it('lets this origin’s pages and API keys through', async () => {
    const cookie = await sessionCookie();
    const own = new URL(t.url);
    const mine = await fetch(`${t.url}/api/api-keys`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', origin: own.origin },
      body: JSON.stringify({ name: 'from the page' }),
    });
    expect(mine.status).toBe(201);
    // An API key is never attached by a browser on its own: no origin check.
    expect((await t.api('POST', '/api/api-keys', { name: 'script' }, { 'sec-fetch-site': 'cross-site' })).status).toBe(201);
    const out = await fetch(`${t.url}/api/auth/logout`, { method: 'POST', headers: { cookie, 'sec-fetch-site': 'same-origin' } });
    expect(out.status).toBe(204);
  });
});

describe('one email rule', () => {
  it('refuses an address the sign-in and email fields would refuse, at first start and through the API', async () => {
    const first = await startTessera(
      { port: 0, host: '127.0.0.1', dataDir: `${t.dataDir}-first`, adminEmail: 'admin@localhost', loadExamples: false, logLevel: 'silent' },
      () => {},
    ).catch((err: Error) => err);
    if (!(first instanceof Error)) await first.stop(); // (it must not have started)
    expect(first).toEqual(new Error('TESSERA_ADMIN_EMAIL "admin@localhost" is not an email address (like admin@example.com)'));
    const res = await t.api('POST', '/api/users', { email: 'admin@localhost', password: 'a long enough password', role: 'member' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ pointer: '/email', message: 'not an email address' }]);
  });
});
