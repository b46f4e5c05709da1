import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '@tessera/core/store';
import type { Platform } from './platform/platform';
import { randomSecret } from './platform/passwords';
import { recordCollectionName } from './platform/storage-plan';
import { SETUP } from './platform/platform-collections';
import { importMembers } from './platform/members/members-import';

/** Where the example apps live (examples/<id>/app.json + demo-data.ts). */
export const EXAMPLES_DIR = path.resolve(__dirname, '../../examples');

/**
 * What the first start has done, in the store (`_setup`, one document), so a start cut short (a
 * kill, a power cut) is resumed by the next one instead of leaving the example unpublished or an
 * admin nobody knows the password of. Each step is marked once it is complete; the demo records
 * are marked in their own transaction.
 */
const FIRST_START = 'first-start';
type SetupState = { done: boolean; steps: Record<string, true> };

async function setupState(platform: Platform): Promise<SetupState | null> {
  const doc = await platform.store.collection(SETUP).get(FIRST_START);
  return doc ? { done: doc.done === true, steps: (doc.steps as Record<string, true>) ?? {} } : null;
}

async function markStep(store: Store, step: string): Promise<void> {
  const coll = store.collection(SETUP);
  const doc = await coll.get(FIRST_START);
  if (!doc) await coll.insert({ id: FIRST_START, done: false, steps: { [step]: true } });
  else await coll.update(FIRST_START, { steps: { ...(doc.steps as Record<string, true>), [step]: true } });
}

/**
 * The first start: the admin, then the examples. Returns false when the store was set up before
 * (by this version or one without `_setup`, whose accounts already exist). Runs again, from the
 * first unfinished step, until it has finished once.
 */
export async function firstStart(platform: Platform, print: (line: string) => void): Promise<boolean> {
  const state = await setupState(platform);
  if (state?.done) return false;
  if (!state) {
    const done = (await platform.accounts.listUsers()).length > 0; // set up before first starts were recorded
    await platform.store.collection(SETUP).insert({ id: FIRST_START, done, steps: {} });
    if (done) return false;
  } else if (Object.keys(state.steps).length > 0 || (await platform.accounts.listUsers()).length > 0) {
    // A start that began (the record exists) and did not finish; it may have made the admin already.
    print('The first start was cut short; finishing it.');
  }
  const steps = state?.steps ?? {};
  if (!steps.admin) {
    await ensureAdmin(platform, print);
    await markStep(platform.store, 'admin');
  }
  await loadExamples(platform, print, steps);
  await platform.store.collection(SETUP).update(FIRST_START, { done: true });
  return true;
}

/**
 * The first admin: from TESSERA_ADMIN_EMAIL / TESSERA_ADMIN_PASSWORD, or a one-time password
 * printed once on the console (never logged). An admin made by a start that was cut short before
 * it was marked may never have had its password shown: it gets a new one-time password.
 */
async function ensureAdmin(platform: Platform, print: (line: string) => void): Promise<void> {
  const email = platform.config.adminEmail ?? 'admin@example.com';
  const password = platform.config.adminPassword ?? randomSecret(12);
  const existing = await platform.accounts.findUserByEmail(email);
  if (existing) {
    if (platform.config.adminPassword) return;
    await platform.accounts.updateUser(existing.id, { password });
    print(`The admin account ${email} has a new one-time password: ${password}`);
  } else {
    await platform.accounts.createUser({ email, password, name: 'Administrator', role: 'admin' });
    if (platform.config.adminPassword) {
      print(`Created the admin account ${email}.`);
      return;
    }
    print(`Created the admin account ${email} with the one-time password: ${password}`);
  }
  print('Sign in and change it (PATCH /api/users/:id), or set TESSERA_ADMIN_PASSWORD before the first start.');
}

/**
 * Imports, publishes and fills an example app, resuming where a start cut short left it (`steps`
 * says what is done). An app of the same id that this setup did not make is left alone.
 */
export async function loadExample(
  platform: Platform,
  name: string,
  print: (line: string) => void,
  steps: Record<string, true> = {},
): Promise<boolean> {
  const dir = path.join(EXAMPLES_DIR, name);
  const definition = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8')) as { id: string };
  const step = (what: string) => `example:${definition.id}:${what}`;
  if (steps[step('done')]) return false;
  const exists = (await platform.apps.list()).some((a) => a.id === definition.id);
  // `creating` is marked before the app is made: a kill between the two leaves an app this setup
  // made but had not yet marked as made, and it is still this setup's to finish.
  if (exists && !steps[step('created')] && !steps[step('creating')]) return false;
  if (!exists) {
    await markStep(platform.store, step('creating'));
    await platform.apps.create(definition, null);
  }
  await markStep(platform.store, step('created'));
  if (!(await platform.apps.getPublished(definition.id, { fresh: true })))
    await platform.apps.publish(definition.id, { note: 'Example app', userId: null });
  const dataFile = path.join(dir, 'demo-data.ts');
  if (!steps[step('data')] && fs.existsSync(dataFile)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { generateDemoData } = require(dataFile) as { generateDemoData: () => Record<string, Array<Record<string, unknown>>> };
    const data = generateDemoData();
    let total = 0;
    // The records and the mark in one transaction: a kill leaves both or neither.
    await platform.store.transaction(async (tx) => {
      for (const [entityId, rows] of Object.entries(data)) {
        total += await tx.collection(recordCollectionName(definition.id, entityId)).insertMany(rows);
      }
      await markStep(tx, step('data'));
    });
    print(`Loaded the example app "${definition.id}" with ${total} demo records.`);
  }
  // Demo users made by a start cut short may never have had their password shown: they get it again.
  await loadDemoMembers(platform, definition.id, path.join(dir, 'members.json'), print, process.env, { resetExisting: true });
  await markStep(platform.store, step('done'));
  return true;
}

/**
 * An example's demo users (`members.json`, the format `POST /api/apps/:appId/members/import`
 * takes): accounts with the `member` role and their membership in the app, so the app can be
 * tried as a rep or a manager. One password for all of them, from TESSERA_DEMO_PASSWORD or
 * printed once. `resetExisting`: accounts that exist get it too (a first start cut short may
 * never have shown theirs).
 */
export async function loadDemoMembers(
  platform: Platform,
  appId: string,
  file: string,
  print: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
  options: { resetExisting?: boolean } = {},
): Promise<void> {
  if (!fs.existsSync(file)) return;
  const password = env.TESSERA_DEMO_PASSWORD || randomSecret(12);
  const roles = (await platform.apps.getPublished(appId, { fresh: true }))?.definition.roles.map((r) => r.id) ?? [];
  const entries = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  const { created } = await importMembers(platform.accounts, platform.memberships, appId, entries, roles, { password, ...options });
  if (!created.length) return;
  const emails = created.map((c) => c.email).join(', ');
  if (env.TESSERA_DEMO_PASSWORD) print(`Created the demo users ${emails} (password from TESSERA_DEMO_PASSWORD).`);
  else print(`Created the demo users ${emails} with the one-time password: ${password}`);
}

async function loadExamples(platform: Platform, print: (line: string) => void, steps: Record<string, true>): Promise<void> {
  if (!platform.config.loadExamples || !fs.existsSync(EXAMPLES_DIR)) return;
  for (const name of fs.readdirSync(EXAMPLES_DIR)) {
    if (fs.existsSync(path.join(EXAMPLES_DIR, name, 'app.json'))) await loadExample(platform, name, print, steps);
  }
}
