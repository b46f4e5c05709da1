/**
 * Hardening 22: a kill during the very first start left the example app unpublished and no demo
 * users, forever (the next start saw the admin and skipped the setup). The first start now
 * records its steps and the next start finishes it: killed (SIGKILL, a real `tessera start`)
 * right after it made the admin, and again right after it loaded the demo records, the data
 * directory ends up exactly as one uninterrupted first start leaves it. An admin whose one-time
 * password may never have been shown gets a new one.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTessera, type Running } from '../src/cli/start';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { openStore } from '../src/store';
import { createPlatform } from '../src/platform/platform';
import { SETUP } from '../src/platform/platform-collections';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'runtime/bin/tessera.js');
const ADMIN = { email: 'admin@resume.test', password: 'resume admin secret' };
const DEMO_PASSWORD = 'demo resume secret';
const ENTITIES = ['company', 'contact', 'lead', 'opportunity', 'activity'];

/** Runs `tessera start` on the data dir and SIGKILLs it as soon as it prints a line matching `at`. */
function killWhenPrinted(dataDir: string, at: RegExp): Promise<string> {
  const child = spawn(process.execPath, [bin, 'start', '--port', '0', '--data-dir', dataDir], {
    cwd: root,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      TESSERA_ADMIN_EMAIL: ADMIN.email,
      TESSERA_ADMIN_PASSWORD: ADMIN.password,
      TESSERA_DEMO_PASSWORD: DEMO_PASSWORD,
      TESSERA_EXAMPLES: 'true',
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let gaveUp = false;
    // A start that never prints the line fails with what it did print, instead of a bare jest timeout.
    const timer = setTimeout(() => {
      gaveUp = true;
      child.kill('SIGKILL');
    }, 90_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (at.test(out)) child.kill('SIGKILL');
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (_code, signal) => {
      clearTimeout(timer);
      if (gaveUp) reject(new Error(`no line matching ${at} within 90 s; it printed:\n${out}`));
      else if (signal === 'SIGKILL') resolve(out);
      else reject(new Error(`exited without being killed:\n${out}`));
    });
  });
}

/** `adminPassword` null: none configured (a one-time password is printed instead). */
const start = (dataDir: string, print: (line: string) => void = () => {}, adminPassword: string | null = ADMIN.password) =>
  startTessera(
    {
      port: 0,
      host: '127.0.0.1',
      dataDir,
      adminEmail: ADMIN.email,
      adminPassword: adminPassword ?? undefined,
      loadExamples: true,
      logLevel: 'silent',
    },
    print,
  );

async function signIn(url: string, email: string, password: string): Promise<number> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return res.status;
}

/** What a user sees of the set-up data: the example, its record counts, who can sign in. */
async function setUp(running: Running): Promise<Record<string, unknown>> {
  const admin = (await running.platform.accounts.findUserByEmail(ADMIN.email))!;
  const { key } = await running.platform.accounts.createApiKey(admin.id, 'check');
  const get = async (route: string) => (await fetch(`${running.url}${route}`, { headers: { authorization: `Bearer ${key}` } })).json();
  const records: Record<string, number> = {};
  for (const e of ENTITIES) records[e] = (await get(`/api/apps/b2b-sales/data/${e}?count=exact&limit=1`)).total;
  return {
    apps: (await get('/api/apps')).items.map((a: { id: string; publishedVersion: number }) => [a.id, a.publishedVersion]),
    records,
    members: (await get('/api/apps/b2b-sales/members')).items.map((m: { email: string; roles: string[] }) => [m.email, m.roles]),
    admin: await signIn(running.url, ADMIN.email, ADMIN.password),
    rep: await signIn(running.url, 'rep1@example.com', DEMO_PASSWORD),
    manager: await signIn(running.url, 'manager@example.com', DEMO_PASSWORD),
  };
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-resume-'));
// The demo users' password, for the starts in this process too.
beforeAll(() => (process.env.TESSERA_DEMO_PASSWORD = DEMO_PASSWORD));
afterAll(() => delete process.env.TESSERA_DEMO_PASSWORD);

it('a first start killed after the admin, then after the demo records, is finished by the next start', async () => {
  const reference = tmp();
  const once = await start(reference);
  const expected = await setUp(once);
  await once.stop();
  expect(expected).toMatchObject({ apps: [['b2b-sales', 1]], admin: 200, rep: 200, manager: 200 });

  const dataDir = tmp();
  expect(await killWhenPrinted(dataDir, /Created the admin account/)).toMatch(/Created the admin account/);
  expect(await killWhenPrinted(dataDir, /Loaded the example app/)).toMatch(/first start was cut short/);
  const lines: string[] = [];
  const resumed = await start(dataDir, (l) => lines.push(l));
  try {
    expect(await setUp(resumed)).toEqual(expected); // the demo records once, not twice
    expect(lines.join('\n')).toMatch(/first start was cut short/);
  } finally {
    await resumed.stop();
  }
  // Finished: the next start is an ordinary one.
  const lines2: string[] = [];
  const again = await start(dataDir, (l) => lines2.push(l));
  await again.stop();
  expect(lines2.join('\n')).not.toMatch(/first start|Created|Loaded/);
  for (const d of [reference, dataDir]) fs.rmSync(d, { recursive: true, force: true });
}, 300_000); // four real starts with the example app: one CI run went past 120 s (not reproduced outside CI)

it('an example app made by a start killed before it marked the app as made is still finished', async () => {
  // The window the SIGKILL above can land in when the machine is slow: the app exists, its mark does not.
  const dataDir = tmp();
  const store = await openStore({ dataDir });
  const platform = await createPlatform(loadConfig({}, { dataDir, loadExamples: false }), store, createLogger('silent'));
  await store.collection(SETUP).insert({ id: 'first-start', done: false, steps: { admin: true, 'example:b2b-sales:creating': true } });
  await platform.accounts.createUser({ email: ADMIN.email, password: ADMIN.password, role: 'admin' });
  const definition = JSON.parse(fs.readFileSync(path.join(root, 'examples/b2b-sales/app.json'), 'utf8'));
  await platform.apps.create(definition, null);
  await platform.jobs.stop();
  await platform.feed.close();
  await store.close();

  const lines: string[] = [];
  const running = await start(dataDir, (l) => lines.push(l));
  try {
    expect(lines.join('\n')).toMatch(/Loaded the example app "b2b-sales"/);
    const state = await setUp(running);
    expect(state).toMatchObject({ apps: [['b2b-sales', 1]], admin: 200, rep: 200, manager: 200 });
    expect((state.records as Record<string, number>).company).toBeGreaterThan(0);
  } finally {
    await running.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 60_000);

it('an admin made by a start cut short before its one-time password was shown gets a new one', async () => {
  const dataDir = tmp();
  // What the killed start left: its record of a first start begun, the admin, whose password was never printed.
  const store = await openStore({ dataDir });
  const platform = await createPlatform(loadConfig({}, { dataDir, loadExamples: false }), store, createLogger('silent'));
  await store.collection(SETUP).insert({ id: 'first-start', done: false, steps: {} });
  await platform.accounts.createUser({ email: ADMIN.email, password: 'nobody saw this one', role: 'admin' });
  await platform.jobs.stop();
  await platform.feed.close();
  await store.close();

  const lines: string[] = [];
  const running = await start(dataDir, (l) => lines.push(l), null);
  try {
    const shown = /has a new one-time password: (\S+)/.exec(lines.join('\n'))?.[1];
    expect(shown).toBeDefined();
    expect(await signIn(running.url, ADMIN.email, shown!)).toBe(200);
    expect(await signIn(running.url, ADMIN.email, 'nobody saw this one')).toBe(401);
  } finally {
    await running.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 60_000);
