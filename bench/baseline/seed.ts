/**
 * Seeds a fresh baseline database with `contactRow(0 … n-1)` and one API key.
 * Runnable: `tsx bench/baseline/seed.ts --file /tmp/baseline.db --rows 1000000 --key secret`.
 */
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { contactRow } from '../data/contacts';
import { createIndexes, createTables, insertApiKey } from './db';

export interface SeedResult {
  rows: number;
  ms: number;
}

/** Replaces `file` (and its -wal/-shm) with a database holding `n` contacts. */
export function seedBaseline(file: string, n: number, apiKey: string): SeedResult {
  const started = performance.now();
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  const db = new Database(file);
  // A fresh file that is deleted if seeding fails needs no journal; WAL is switched on at the end,
  // which is the mode the server runs in.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  try {
    createTables(db);
    const insert = db.prepare(
      `INSERT INTO contacts (id, first_name, last_name, email, phone, status, company, score, version, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    );
    db.transaction(() => {
      for (let i = 0; i < n; i++) {
        const r = contactRow(i);
        insert.run(r.id, r.firstName, r.lastName, r.email, r.phone, r.status, r.company, r.score, r.createdAt, r.createdAt);
      }
    })();
    // Building indexes once after the load is several times faster than maintaining them per row.
    createIndexes(db);
    insertApiKey(db, apiKey);
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
  return { rows: n, ms: Math.round(performance.now() - started) };
}

if (require.main === module) {
  const { values } = parseArgs({
    options: { file: { type: 'string' }, rows: { type: 'string', default: '1000000' }, key: { type: 'string' } },
  });
  if (!values.file || !values.key) {
    console.error('usage: seed.ts --file <db> --rows <n> --key <api key>');
    process.exit(2);
  }
  const result = seedBaseline(values.file, Number(values.rows), values.key);
  console.log(`seeded ${result.rows} rows in ${result.ms} ms`);
}
