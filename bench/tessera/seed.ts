/**
 * Seeds a Tessera data directory for the records benchmark: the bench app (same fields, unique
 * email and indexes as the baseline) published, `n` contacts, and an API key. Rows go straight
 * into the store in batches (as an import would), not through HTTP.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../runtime/src/config';
import { createLogger } from '../../runtime/src/logger';
import { openStore } from '../../runtime/src/store';
import { createPlatform } from '../../runtime/src/platform/platform';
import { recordCollectionName } from '../../runtime/src/platform/storage-plan';
import { contactRow } from '../data/contacts';

export interface TesseraSeed {
  apiKey: string;
  ms: number;
}

export async function seedTessera(dataDir: string, n: number, onProgress?: (done: number) => void): Promise<TesseraSeed> {
  const started = performance.now();
  fs.rmSync(dataDir, { recursive: true, force: true });
  const config = loadConfig({}, { dataDir, loadExamples: false });
  const store = await openStore({ dataDir });
  let platform: Awaited<ReturnType<typeof createPlatform>> | undefined;
  try {
    platform = await createPlatform(config, store, createLogger('warn'));
    const admin = await platform.accounts.createUser({ email: 'bench@example.com', password: 'bench password', role: 'admin' });
    const definition = JSON.parse(fs.readFileSync(path.join(__dirname, '../data/contacts-app.json'), 'utf8'));
    await platform.apps.create(definition, admin.id);
    await platform.apps.publish('bench', { note: 'benchmark', userId: admin.id });
    const contacts = store.collection(recordCollectionName('bench', 'contact'));
    const BATCH = 20_000;
    for (let from = 0; from < n; from += BATCH) {
      const rows = [];
      for (let i = from; i < Math.min(n, from + BATCH); i++) {
        const { createdAt: _c, ...row } = contactRow(i);
        rows.push({ ...row, createdBy: admin.id });
      }
      await contacts.insertMany(rows);
      onProgress?.(Math.min(n, from + BATCH));
    }
    const { key } = await platform.accounts.createApiKey(admin.id, 'bench');
    return { apiKey: key, ms: performance.now() - started };
  } finally {
    // As `tessera start` stops: the change feed follows the store's log until closed.
    await platform?.jobs.stop();
    await platform?.feed.close();
    await store.close();
  }
}
