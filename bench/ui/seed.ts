/**
 * Seeds a Tessera data directory for the UI benchmark: an admin, the b2b-sales example exactly as
 * a first start loads it (definition published, ~200 demo records, demo members with a known
 * password), then `n` more contacts written straight into the store in batches. Relations stay
 * valid: companies are the 20 demo companies, owners the three demo members (rep1 gets a third).
 */
import fs from 'node:fs';
import { loadConfig } from '../../runtime/src/config';
import { createLogger } from '../../runtime/src/logger';
import { openStore } from '../../runtime/src/store';
import { createPlatform } from '../../runtime/src/platform/platform';
import { recordCollectionName } from '../../runtime/src/platform/storage-plan';
import { loadExample } from '../../runtime/src/bootstrap';
import { contactRow } from '../data/contacts';

export const APP = 'b2b-sales';
export const ADMIN = { email: 'bench@example.com', password: 'bench password' };
export const DEMO_PASSWORD = 'bench demo password';
export const OWNERS = ['rep1@example.com', 'rep2@example.com', 'manager@example.com'] as const;

const STATUSES = ['new', 'engaged', 'customer', 'inactive'];
const TITLES = ['CEO', 'CFO', 'CTO', 'VP Sales', 'Buyer', 'Engineering Lead', 'Office Manager', 'Product Owner', 'IT Director', 'Analyst'];
const TAGS = ['decision_maker', 'champion', 'technical', 'finance', 'newsletter'];

/** Bench contact `i`: names, phone and a unique email from the records benchmark's generator, the rest fitted to the example app. */
export function benchContact(i: number): Record<string, unknown> {
  const c = contactRow(i);
  const h = (i * 2654435761) >>> 0;
  return {
    id: `ctb_${String(i).padStart(7, '0')}`,
    firstName: c.firstName,
    lastName: c.lastName,
    email: c.email.replace('@example.com', '@bench.example'),
    phone: c.phone,
    title: TITLES[h % TITLES.length],
    company: `co_${String(((h >>> 4) % 20) + 1).padStart(4, '0')}`,
    status: STATUSES[(h >>> 8) % STATUSES.length],
    tags: h % 3 ? [TAGS[(h >>> 12) % TAGS.length]] : [],
    owner: OWNERS[i % 3],
    lastContactedAt: new Date(Date.UTC(2025, 0, 1) + (h % 31_536_000) * 1000).toISOString(),
    vip: h % 17 === 0,
  };
}

export async function seedUiBench(dataDir: string, n: number, onProgress?: (done: number) => void): Promise<{ ms: number }> {
  const started = performance.now();
  fs.rmSync(dataDir, { recursive: true, force: true });
  const config = loadConfig({}, { dataDir, loadExamples: true });
  const store = await openStore({ dataDir });
  let platform: Awaited<ReturnType<typeof createPlatform>> | undefined;
  try {
    platform = await createPlatform(config, store, createLogger('warn'));
    await platform.accounts.createUser({ email: ADMIN.email, password: ADMIN.password, role: 'admin', name: 'Bench admin' });
    process.env.TESSERA_DEMO_PASSWORD = DEMO_PASSWORD; // the demo members' password, read when they are created
    await loadExample(platform, APP, () => undefined);
    const contacts = store.collection(recordCollectionName(APP, 'contact'));
    const BATCH = 20_000;
    for (let from = 0; from < n; from += BATCH) {
      const rows = [];
      for (let i = from; i < Math.min(n, from + BATCH); i++) rows.push(benchContact(i));
      await contacts.insertMany(rows);
      onProgress?.(Math.min(n, from + BATCH));
    }
    return { ms: performance.now() - started };
  } finally {
    // The platform's change feed polls the file: stopped, or it would keep polling in the benchmark's process.
    await platform?.jobs.stop();
    await platform?.feed.close();
    await store.close();
  }
}
