/**
 * `npm run bench:store`: the SQLite store adapter in-process (no HTTP), against raw
 * better-sqlite3 doing the same work on a file of its own in the same run: a batched insert of
 * BENCH_STORE_ROWS rows (default 100,000) and that many reads by id. The ratio is what the
 * adapter costs above SQLite (ids, timestamps, the document split from its system fields, the
 * gate, async calls); the raw side creates the same table and indexes (copied from the
 * adapter's file) and writes and reads the same JSON with prepared statements.
 *
 * The figures used to be a timed assertion in the adapter's tests, which failed whenever CI's
 * workers shared the two cores; a benchmark compares against a baseline instead.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../runtime/src/store';
import { CONTACTS } from '../runtime/test/store/contract/fixtures';
import { median } from './lib/median';

const ROWS = Number(process.env.BENCH_STORE_ROWS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

function rows(): Array<Record<string, unknown>> {
  return Array.from({ length: ROWS }, (_, i) => ({
    name: `n${i}`,
    email: `u${i}@x.io`,
    score: i % 1000,
    tags: ['a'],
    meta: { i },
  }));
}

interface Rates {
  insertPerSec: number;
  getPerSec: number;
}

/** The adapter's own DDL for the collection: what the raw side creates, so both keep the same indexes. */
async function adapterDdl(file: string): Promise<string[]> {
  const store = createSqliteStore({ file });
  await store.ensureCollection(CONTACTS);
  const ddl = store.db
    .prepare(
      "SELECT sql FROM sqlite_master WHERE tbl_name = 'contacts' AND type IN ('table', 'index') AND sql IS NOT NULL ORDER BY type DESC",
    )
    .pluck()
    .all() as string[];
  await store.close();
  return ddl;
}

async function tessera(file: string): Promise<Rates> {
  const store = createSqliteStore({ file });
  const c = await store.ensureCollection(CONTACTS);
  const data = rows();
  let t = performance.now();
  await c.insertMany(data);
  const insertPerSec = ROWS / ((performance.now() - t) / 1000);
  const ids = (await c.find({ limit: 1000 })).items.map((d) => d.id);
  t = performance.now();
  for (let i = 0; i < ROWS; i++) await c.get(ids[i % ids.length]);
  const getPerSec = ROWS / ((performance.now() - t) / 1000);
  await store.close();
  return { insertPerSec, getPerSec };
}

/** The table and indexes the adapter made (copied from its file), written and read by hand. */
async function raw(file: string, ddl: string[]): Promise<Rates> {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  for (const sql of ddl) db.exec(sql);
  const insert = db.prepare('INSERT INTO contacts VALUES (?, 1, ?, ?, ?)');
  const get = db.prepare('SELECT id, version, created_at, updated_at, doc FROM contacts WHERE id = ?');
  const data = rows();
  let t = performance.now();
  db.transaction(() => {
    const now = new Date().toISOString();
    data.forEach((r, i) => insert.run(`r${i}`, now, now, JSON.stringify(r)));
  })();
  const insertPerSec = ROWS / ((performance.now() - t) / 1000);
  t = performance.now();
  for (let i = 0; i < ROWS; i++) {
    const row = get.get(`r${i % 1000}`) as { doc: string };
    JSON.parse(row.doc);
    await undefined; // the adapter's reads are async; give the raw side the same microtask
  }
  const getPerSec = ROWS / ((performance.now() - t) / 1000);
  db.close();
  return { insertPerSec, getPerSec };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-bench-store-'));
  const ddl = await adapterDdl(join(dir, 'ddl.db'));
  const ours: Rates[] = [];
  const base: Rates[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      // alternate which goes first, so a machine that slows down mid-run hurts both alike
      if (round % 2 === 0) {
        ours.push(await tessera(join(dir, `t${round}.db`)));
        base.push(await raw(join(dir, `r${round}.db`), ddl));
      } else {
        base.push(await raw(join(dir, `r${round}.db`), ddl));
        ours.push(await tessera(join(dir, `t${round}.db`)));
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const row = (name: string, pick: (r: Rates) => number): string[] => {
    const a = median(ours.map(pick));
    const b = median(base.map(pick));
    return [name, Math.round(a).toLocaleString('en'), Math.round(b).toLocaleString('en'), `${(a / b).toFixed(2)}x`];
  };
  console.log(`SQLite store in-process, ${ROWS.toLocaleString('en')} rows, median of ${ROUNDS} alternating rounds`);
  console.log('| operation | Tessera store /s | raw better-sqlite3 /s | ratio |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const cells of [row('insertMany (one batch)', (r) => r.insertPerSec), row('get by id', (r) => r.getPerSec)]) {
    console.log(`| ${cells.join(' | ')} |`);
  }
}

void main();
