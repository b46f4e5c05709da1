/**
 * Hardening 13: a password of ten spaces (or `aaaaaaaaaa`, `1234567890`, `password123`) is
 * refused with a clear error and no account is made; every response, pages and errors
 * included, carries the security headers; the data file and its folder are the server account's
 * alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTessera } from '../../src/cli/start';
import { startTestServer, type TestServer } from '../helpers/tessera';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('passwords', () => {
  it.each([
    ['ten spaces', ' '.repeat(10), /at least 10 characters/],
    ['padding around a short one', '   abc12   ', /at least 10 characters/],
    ['one character', 'aaaaaaaaaaaa', /at least 5 different characters/],
    ['two alternating', '1212121212', /at least 5 different characters/],
    ['a run of keys', '1234567890', /a run of keys/],
    ['the alphabet backwards', 'jihgfedcba', /a run of keys/],
    ['a common one', 'Password123', /most common passwords/],
    ['the email itself', 'weak.user@example.com', /not be the email/],
  ])('refuses %s with a clear error, and makes no account', async (_what, password, message) => {
    const res = await t.api('POST', '/api/users', { email: 'weak.user@example.com', password, role: 'member' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ pointer: '/password', message: expect.stringMatching(message) }]);
    const users = await t.api('GET', '/api/users');
    expect(users.body.items.map((u: { email: string }) => u.email)).not.toContain('weak.user@example.com');
  });

  it('accepts a passphrase, and applies the same rule when a password is changed', async () => {
    const made = await t.api('POST', '/api/users', { email: 'strong.user@example.com', password: 'correct horse battery', role: 'member' });
    expect(made.status).toBe(201);
    const weak = await t.api('PATCH', `/api/users/${made.body.id}`, { password: ' '.repeat(12) });
    expect(weak.status).toBe(400);
    expect(weak.body.errors).toEqual([{ pointer: '/password', message: expect.stringMatching(/at least 10 characters/) }]);
    const login = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'strong.user@example.com', password: 'correct horse battery' }),
    });
    expect(login.status).toBe(200); // the refused change left the password as it was
  });
});

describe('security headers', () => {
  it.each(['/api/health', '/api/apps/no-such-app/data/x', '/apps/', '/builder/', '/no-such-page'])('are on %s', async (url) => {
    const res = await fetch(`${t.url}${url}`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-powered-by')).toBeNull();
    if (url.startsWith('/api/')) {
      expect(csp).toContain("default-src 'none'"); // a JSON body opened as a page can do nothing
    } else {
      expect(csp).toMatch(/script-src 'self'[^;]*;/);
      expect(csp.match(/script-src [^;]*/)![0]).not.toContain('unsafe-inline'); // no injected inline script runs
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });
});

describe('the data folder', () => {
  it('is made readable by the server account only, and an older wide-open database is narrowed at start', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-modes-'));
    const dataDir = path.join(root, 'nested', 'data');
    const options = { port: 0, host: '127.0.0.1', dataDir, loadExamples: false, logLevel: 'silent' as const };
    const first = await startTessera(options, () => {});
    await first.stop();
    const mode = (f: string) => fs.statSync(f).mode & 0o777;
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(path.join(dataDir, 'tessera.db'))).toBe(0o600);

    fs.chmodSync(path.join(dataDir, 'tessera.db'), 0o644); // as a version before this one left it
    const again = await startTessera(options, () => {});
    for (const f of fs.readdirSync(dataDir).filter((n) => n.startsWith('tessera.db')))
      expect([f, mode(path.join(dataDir, f))]).toEqual([f, 0o600]);
    await again.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });
});
