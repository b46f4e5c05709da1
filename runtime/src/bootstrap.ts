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
  return true;
}

export async function loadExamples(platform: Platform, print: (line: string) => void): Promise<void> {
  if (!platform.config.loadExamples || !fs.existsSync(EXAMPLES_DIR)) return;
  for (const name of fs.readdirSync(EXAMPLES_DIR)) {
    if (fs.existsSync(path.join(EXAMPLES_DIR, name, 'app.json'))) await loadExample(platform, name, print);
  }
}
