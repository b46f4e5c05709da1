import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rbacApp } from '../helpers/members';
import { openSse, type SseEvent, type SseStream } from '../helpers/sse';

/**
 * Two real runtime processes (`tessera start`) on one SQLite data directory: what one writes
 * reaches the other's live streams, filtered for each subscriber, with ids both understand.
 */
const root = path.resolve(__dirname, '../../..');
const bin = path.join(root, 'runtime/bin/tessera.js');
const ADMIN = { email: 'admin@mp.test', password: 'multi process admin' };
const PASSWORD = 'member password 1';

interface Proc {
  child: ChildProcess;
  url: string;
}

/** Starts `tessera start` on the data dir and resolves once it listens (port 0: the OS picks one). */
function startProcess(dataDir: string): Promise<Proc> {
  const child = spawn(process.execPath, [bin, 'start', '--port', '0', '--data-dir', dataDir], {
    cwd: root,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      TESSERA_ADMIN_EMAIL: ADMIN.email,
      TESSERA_ADMIN_PASSWORD: ADMIN.password,
      TESSERA_EXAMPLES: 'false',
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Tessera listening (http:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => reject(new Error(`tessera exited with ${code} before listening:\n${out}\n${err}`)));
  });
}

function stopProcess(p: Proc | undefined): Promise<void> {
  if (!p || p.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    p.child.once('exit', () => resolve());
    p.child.kill('SIGTERM');
  });
}

async function call(url: string, method: string, route: string, auth: Record<string, string>, body?: unknown) {
  const res = await fetch(url + route, {
    method,
    headers: { ...auth, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

/** Signs in (on either process: sessions live in the shared store) and returns an API key. */
async function apiKey(url: string, email: string, password: string): Promise<Record<string, string>> {
  const login = await call(url, 'POST', '/api/auth/login', {}, { email, password });
  if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
  const cookie = { cookie: login.headers.get('set-cookie')!.split(';')[0] };
  const key = await call(url, 'POST', '/api/api-keys', cookie, { name: 'multi-process test' });
  return { authorization: `Bearer ${key.body.key}` };
}

let dir: string;
let a: Proc | undefined;
let b: Proc | undefined;
let admin: Record<string, string>, rep1: Record<string, string>, auditor: Record<string, string>;
const open: SseStream[] = [];
const deals = '/api/apps/mp/data/deal';

async function live(p: Proc, auth: Record<string, string>, headers: Record<string, string> = {}): Promise<SseStream> {
  const s = await openSse(`${p.url}/api/apps/mp/live`, { ...auth, ...headers });
  open.push(s);
  await s.next((e) => e.event === 'retry'); // the stream is subscribed once its first frame arrives
  return s;
}
const named = (name: string) => (e: SseEvent) => e.event === 'change' && e.data?.record?.name === name;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-mp-'));
  a = await startProcess(dir); // first: creates the admin
  b = await startProcess(dir);
  admin = await apiKey(a.url, ADMIN.email, ADMIN.password);
  expect((await call(a.url, 'POST', '/api/apps', admin, rbacApp('mp'))).status).toBe(201);
  expect((await call(a.url, 'POST', '/api/apps/mp/publish', admin, {})).status).toBe(201);
  for (const [email, roles] of [
    ['rep1@mp.test', ['rep']],
    ['auditor@mp.test', ['auditor']],
  ] as const) {
    const user = await call(a.url, 'POST', '/api/users', admin, { email, password: PASSWORD, name: email.split('@')[0], role: 'member' });
    expect((await call(a.url, 'PUT', `/api/apps/mp/members/${user.body.id}`, admin, { roles, team: null })).status).toBe(200);
  }
  rep1 = await apiKey(b.url, 'rep1@mp.test', PASSWORD);
  auditor = await apiKey(b.url, 'auditor@mp.test', PASSWORD);
}, 60_000);

afterEach(() => open.splice(0).forEach((s) => s.close()));

afterAll(async () => {
  await Promise.all([stopProcess(a), stopProcess(b)]);
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('live updates across two runtime processes on one SQLite file', () => {
  it('a record written on A reaches subscribers on B, filtered by what each may read', async () => {
    const r1 = await live(b!, rep1);
    const au = await live(b!, auditor);
    await call(a!.url, 'POST', deals, admin, { name: 'Not for rep1', margin: 0.3, notes: 'n', owner: 'rep2@mp.test' });
    const created = await call(a!.url, 'POST', deals, admin, {
      name: 'From A',
      amount: 10,
      margin: 0.5,
      notes: 'private',
      owner: 'rep1@mp.test',
    });
    expect(created.status).toBe(201);

    const mine = await r1.next(named('From A'));
    expect(mine.data).toMatchObject({
      type: 'created',
      entity: 'deal',
      id: created.body.id,
      version: 1,
      record: { owner: 'rep1@mp.test', notes: 'private', weighted: 20 },
    });
    expect(mine.data.record).not.toHaveProperty('margin');
    const seen = await au.next(named('From A'));
    expect(seen.data.record).not.toHaveProperty('margin');
    expect(seen.data.record).not.toHaveProperty('notes');
    await au.next(named('Not for rep1'));
    expect(r1.events.some(named('Not for rep1'))).toBe(false); // delivered in order: it came before "From A"
    expect(JSON.stringify([...r1.events, ...au.events])).not.toMatch(/margin/);
  });

  it("updates, moves out of a rep's rows and deletes on B reach A; a publish on A reaches B", async () => {
    const onA = await live(a!, rep1);
    const onB = await live(b!, rep1);
    const deal = await call(b!.url, 'POST', deals, admin, { name: 'From B', owner: 'rep1@mp.test' });
    await onA.next(named('From B'));
    await call(b!.url, 'PATCH', `${deals}/${deal.body.id}`, rep1, { amount: 7 });
    expect((await onA.next((e) => e.data?.type === 'updated' && e.data.id === deal.body.id)).data.record).toMatchObject({
      amount: 7,
      weighted: 14,
    });
    await call(b!.url, 'PATCH', `${deals}/${deal.body.id}`, admin, { owner: 'rep2@mp.test' });
    const left = await onA.next((e) => e.data?.type === 'deleted' && e.data.id === deal.body.id);
    expect(left.data).toEqual({ type: 'deleted', entity: 'deal', id: deal.body.id, version: 3 });

    const gone = await call(a!.url, 'POST', deals, admin, { name: 'Gone soon', owner: 'rep1@mp.test' });
    await call(a!.url, 'DELETE', `${deals}/${gone.body.id}`, admin);
    const del = await onB.next((e) => e.data?.type === 'deleted' && e.data.id === gone.body.id);
    expect(del.data.record).toBeUndefined();

    expect((await call(a!.url, 'POST', '/api/apps/mp/publish', admin, {})).status).toBe(201);
    expect((await onB.next((e) => e.event === 'published')).data).toEqual({ version: 2 });

    // Both processes gave every event the same id.
    const ids = (s: SseStream) =>
      s.events
        .filter((e) => e.event === 'change' || e.event === 'published')
        .map((e) => `${e.id} ${e.data.type ?? 'published'} ${e.data.id ?? ''}`);
    await onA.next((e) => e.event === 'published');
    expect(ids(onA)).toEqual(ids(onB));
  });

  it('a client reconnecting with Last-Event-ID catches up on what it missed, on either process', async () => {
    const first = await live(b!, rep1);
    await call(a!.url, 'POST', deals, admin, { name: 'Seen', owner: 'rep1@mp.test' });
    const last = await first.next(named('Seen'));
    first.close();
    await call(a!.url, 'POST', deals, admin, { name: 'Missed 1', owner: 'rep1@mp.test' });
    await call(b!.url, 'POST', deals, admin, { name: 'Hidden from rep1', owner: 'rep2@mp.test' });
    await call(a!.url, 'POST', deals, admin, { name: 'Missed 2', owner: 'rep1@mp.test' });

    for (const p of [b!, a!]) {
      const again = await live(p, rep1, { 'last-event-id': last.id! });
      await again.next(named('Missed 2'));
      const names = again.events.filter((e) => e.event === 'change').map((e) => e.data.record.name);
      expect(names).toEqual(['Missed 1', 'Missed 2']);
      again.close();
    }
    const stale = await live(b!, rep1, { 'last-event-id': '1' });
    await stale.next((e) => e.event === 'reset');
  });

  it('a version published from the command line (a third process) reaches the running processes', async () => {
    const onB = await live(b!, rep1);
    const file = path.join(dir, 'mp.json');
    fs.writeFileSync(file, JSON.stringify({ ...rbacApp('mp'), name: 'Published from the CLI' }));
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'import', file, '--publish', '--data-dir', dir], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    const version = Number(/Published "mp" version (\d+)/.exec(stdout)![1]);
    expect((await onB.next((e) => e.event === 'published')).data).toEqual({ version });
    expect((await call(b!.url, 'GET', '/api/apps/mp', admin)).body.name).toBe('Published from the CLI');
  });
});
