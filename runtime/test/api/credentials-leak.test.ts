/**
 * A distinctive secret goes through everything a credential goes through (put, list, replace,
 * bad bodies, a refused caller, delete, a key rotation) on a real `tessera start` process logging
 * at debug level; then its log output, every response and live event, the audit trail, the change
 * log, `tessera export` and the raw SQLite files are searched for it. It is nowhere.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ADMIN, apiFor, contactsApp, startOn, type ApiFn } from '../helpers/tessera';
import { startChild, type ChildServer } from '../helpers/tessera-child';
import { openSse } from '../helpers/sse';
import { createSqliteStore } from '../../src/store/sqlite/sqlite.store';
import { AUDIT } from '../../src/platform/platform-collections';
import { Credentials } from '../../src/platform/credentials/credentials';
import { Keyring } from '../../src/platform/credentials/keyring';
import { parseSecretKey } from '../../src/platform/credentials/secret-key';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');
const bin = path.join(root, 'runtime/bin/tessera.js');

const APP = 'vault-leak';
const SECRET = 'Leak-Canary-7Qx9-never-anywhere';
const KEY1 = randomBytes(32).toString('base64');
const KEY2 = randomBytes(32).toString('hex');

async function tessera(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, ...env } });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

let dataDir: string;
let child: ChildServer | undefined;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-leak-'));
  const running = await startOn(dataDir, () => {}, { secret: KEY1 });
  const { platform } = running;
  const admin = (await platform.accounts.findUserByEmail(ADMIN.email))!;
  await platform.apps.create(contactsApp(APP), admin.id);
  await platform.apps.publish(APP, { note: 'v1', userId: admin.id });
  await running.stop();
});
afterAll(async () => {
  await child?.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a credential secret is never leaked', () => {
  it('appears in no response, live event, log line, audit entry, change log entry, export or store file', async () => {
    child = await startChild(dataDir, 0, { LOG_LEVEL: 'debug', TESSERA_SECRET: KEY1, TESSERA_ADMIN_EMAIL: ADMIN.email });
    const login = await fetch(`${child.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const key = await fetch(`${child.url}/api/api-keys`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: child.url },
      body: JSON.stringify({ name: 'leak test' }),
    });
    const api: ApiFn = apiFor(child.url, ((await key.json()) as { key: string }).key);
    const seen: string[] = [];
    const call: ApiFn = async (...args) => {
      const res = await api(...args);
      seen.push(`${res.status} ${JSON.stringify(res.body)} ${JSON.stringify([...res.headers])}`);
      return res;
    };
    const stream = await openSse(`${child.url}/api/apps/${APP}/live`, { cookie });
    expect(stream.status).toBe(200);

    const creds = `/api/apps/${APP}/credentials`;
    expect((await call('PUT', `${creds}/shop`, { type: 'apiKey', key: SECRET })).status).toBe(201);
    expect((await call('PUT', `${creds}/erp`, { type: 'basic', username: 'svc', password: SECRET })).status).toBe(201);
    expect((await call('PUT', `${creds}/tickets`, { type: 'bearer', token: SECRET })).status).toBe(201);
    expect(
      (await call('PUT', `${creds}/wechat`, { type: 'oauth2', clientId: 'wx', clientSecret: SECRET, refreshToken: SECRET })).status,
    ).toBe(201);
    expect((await call('GET', creds)).body.items).toHaveLength(4);
    expect((await call('PUT', `${creds}/shop`, { type: 'apiKey', key: `${SECRET}-v2` })).status).toBe(200);
    for (const bad of [
      { type: 'apiKey', key: SECRET, extra: SECRET },
      { type: SECRET, key: SECRET },
      { type: 'basic', username: SECRET },
      { type: 'bearer', token: [SECRET] },
      `{"type":"bearer","token":${SECRET}}`,
    ])
      expect((await call('PUT', `${creds}/bad`, bad)).status).toBe(400);
    // (A reference is a name, shown in URLs, logs and connections: it is not a place for a secret.)
    expect((await call('PUT', `${creds}/9bad`, { type: 'bearer', token: SECRET })).status).toBe(400);
    expect((await call('DELETE', `${creds}/tickets`)).status).toBe(204);
    // Around them, the app's ordinary traffic: a record write (a change log entry, a live event), the app and its API document.
    expect((await call('POST', `/api/apps/${APP}/data/company`, { name: 'Acme' })).status).toBe(201);
    await stream.next((e) => e.event === 'change', 5000);
    for (const route of [`/api/apps/${APP}`, `/api/apps/${APP}/versions/1`, `/api/apps/${APP}/openapi.json`, `/api/apps/${APP}/runtime`])
      await call('GET', route);
    stream.close();

    const rotated = await child
      .kill()
      .then(() =>
        tessera(['secrets', 'rotate', '--batch', '2'], { TESSERA_DATA_DIR: dataDir, TESSERA_SECRET: KEY2, TESSERA_SECRET_PREVIOUS: KEY1 }),
      );
    expect(rotated.code).toBe(0);
    expect(rotated.out).toMatch(/Re-encrypted 2 of 3 credentials\nRe-encrypted 3 of 3 credentials\n/);
    expect(rotated.out).toMatch(/No credential uses another key: the previous keys .* can be removed/);
    const exported = await tessera(['export', APP], { TESSERA_DATA_DIR: dataDir, TESSERA_SECRET: KEY2 });
    const draft = await tessera(['export', APP, '--draft'], { TESSERA_DATA_DIR: dataDir, TESSERA_SECRET: KEY2 });
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.out)).toMatchObject({ id: APP });

    const log = child.output();
    expect(log).toMatch(new RegExp(`"url":"/api/apps/${APP}/credentials/erp"`)); // the log really was captured
    expect(log).toMatch(/"level":20|"level":30/);

    const store = createSqliteStore({ file: path.join(dataDir, 'tessera.db') });
    try {
      const audit = (await store.collection(AUDIT).find({ filter: { appId: APP }, limit: 1000 })).items;
      expect(
        audit
          .filter((a) => a.entity === '_credentials')
          .map((a) => `${a.action} ${a.recordId}`)
          .sort(),
      ).toEqual(['create erp', 'create shop', 'create tickets', 'create wechat', 'delete tickets', 'update shop']);
      const changeLog = await store.log.read(0, { limit: 10_000 });
      expect(changeLog.length).toBeGreaterThan(0);
      // After the rotation the old key can go: the new one alone reads every credential.
      const vault = new Credentials(store, () => ({ ok: true, keyring: Keyring.of(parseSecretKey(KEY2)), source: 'env' }));
      expect(await vault.getCredential(APP, 'wechat')).toMatchObject({ clientSecret: SECRET, refreshToken: SECRET });
      expect(await vault.getCredential(APP, 'shop')).toEqual({ type: 'apiKey', key: `${SECRET}-v2` });

      const places: Record<string, string> = {
        responses: seen.join('\n'),
        'live events': JSON.stringify(stream.events),
        'server log': log,
        'audit entries': JSON.stringify(audit),
        'change log': JSON.stringify(changeLog),
        'tessera export': exported.out + draft.out,
        'secrets rotate': rotated.out,
      };
      for (const f of fs.readdirSync(dataDir)) {
        const bytes = fs.readFileSync(path.join(dataDir, f));
        places[`file ${f}`] = bytes.toString('latin1') + bytes.toString('utf16le');
      }
      expect(Object.keys(places)).toEqual(expect.arrayContaining(['file tessera.db']));
      const leaks = Object.entries(places).filter(([, text]) => text.includes(SECRET) || text.includes('Leak-Canary'));
      expect(leaks.map(([where]) => where)).toEqual([]);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('refuses to start with a weak TESSERA_SECRET, saying why', async () => {
    await expect(startChild(dataDir, 0, { TESSERA_SECRET: 'password123' })).rejects.toThrow(
      /TESSERA_SECRET is not a valid key \(11 characters\): it must be 32 random bytes/,
    );
  }, 30_000);
});
