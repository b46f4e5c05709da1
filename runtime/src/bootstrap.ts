import fs from 'node:fs';
import path from 'node:path';
import type { Platform } from './platform/platform';
import { randomSecret } from './platform/passwords';
import { recordCollectionName } from './platform/storage-plan';

/** Where the example apps live (examples/<id>/app.json + demo-data.ts). */
export const EXAMPLES_DIR = path.resolve(__dirname, '../../examples');

/**
 * The first admin: from TESSERA_ADMIN_EMAIL / TESSERA_ADMIN_PASSWORD, or a one-time password
 * printed once on the console (never logged). Returns true on a fresh data store.
 */
export async function ensureAdmin(platform: Platform, print: (line: string) => void): Promise<boolean> {
  const existing = await platform.accounts.listUsers();
  if (existing.length > 0) return false;
  const email = platform.config.adminEmail ?? 'admin@example.com';
  const password = platform.config.adminPassword ?? randomSecret(12);
  await platform.accounts.createUser({ email, password, name: 'Administrator', role: 'admin' });
  if (!platform.config.adminPassword) {
    print(`Created the admin account ${email} with the one-time password: ${password}`);
    print('Sign in and change it (PATCH /api/users/:id), or set TESSERA_ADMIN_PASSWORD before the first start.');
  } else {
    print(`Created the admin account ${email}.`);
  }
  return true;
}

/** Imports, publishes and fills an example app unless an app with its id exists already. */
export async function loadExample(platform: Platform, name: string, print: (line: string) => void): Promise<boolean> {
  const dir = path.join(EXAMPLES_DIR, name);
  const definition = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8')) as { id: string };
  if ((await platform.apps.list()).some((a) => a.id === definition.id)) return false;
  await platform.apps.create(definition, null);
  await platform.apps.publish(definition.id, { note: 'Example app', userId: null });
  const dataFile = path.join(dir, 'demo-data.ts');
  let total = 0;
  if (fs.existsSync(dataFile)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { generateDemoData } = require(dataFile) as { generateDemoData: () => Record<string, Array<Record<string, unknown>>> };
    const data = generateDemoData();
    await platform.store.transaction(async (tx) => {
      for (const [entityId, rows] of Object.entries(data)) {
        total += await tx.collection(recordCollectionName(definition.id, entityId)).insertMany(rows);
      }
    });
  }
  print(`Loaded the example app "${definition.id}" with ${total} demo records.`);
  await loadDemoMembers(platform, definition.id, path.join(dir, 'members.json'), print);
  return true;
}

interface DemoMember {
  email: string;
  name: string;
  roles: string[];
  team?: string;
}

/**
 * An example's demo users (`members.json`): platform accounts with the `member` role and their
 * membership in the app, so the app can be tried as a rep or a manager. One password for all of
 * them, from TESSERA_DEMO_PASSWORD or printed once. Existing accounts keep their password.
 */
export async function loadDemoMembers(
  platform: Platform,
  appId: string,
  file: string,
  print: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  if (!fs.existsSync(file)) return;
  const members = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoMember[];
  const password = env.TESSERA_DEMO_PASSWORD || randomSecret(12);
  const created: string[] = [];
  for (const m of members) {
    let user = await platform.accounts.findUserByEmail(m.email);
    if (!user) {
      await platform.accounts.createUser({ email: m.email, name: m.name, password, role: 'member' });
      user = await platform.accounts.findUserByEmail(m.email);
      created.push(m.email);
    }
    const roles = (await platform.apps.getPublished(appId, { fresh: true }))?.definition.roles.map((r) => r.id) ?? [];
    await platform.memberships.put(appId, user!.id, { roles: m.roles, team: m.team ?? null }, roles);
  }
  if (!created.length) return;
  if (env.TESSERA_DEMO_PASSWORD) print(`Created the demo users ${created.join(', ')} (password from TESSERA_DEMO_PASSWORD).`);
  else print(`Created the demo users ${created.join(', ')} with the one-time password: ${password}`);
}

export async function loadExamples(platform: Platform, print: (line: string) => void): Promise<void> {
  if (!platform.config.loadExamples || !fs.existsSync(EXAMPLES_DIR)) return;
  for (const name of fs.readdirSync(EXAMPLES_DIR)) {
    if (fs.existsSync(path.join(EXAMPLES_DIR, name, 'app.json'))) await loadExample(platform, name, print);
  }
}
