/**
 * The baseline's SQLite schema: one table with real columns (what a developer writes by hand when
 * the data model is known up front), in contrast to Tessera's JSON documents with expression indexes.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

export type Db = Database.Database;

const TABLES = `
  CREATE TABLE IF NOT EXISTS contacts (
    id         TEXT PRIMARY KEY,
    first_name TEXT NOT NULL,
    last_name  TEXT NOT NULL,
    email      TEXT NOT NULL,
    phone      TEXT,
    status     TEXT NOT NULL,
    company    TEXT,
    score      REAL,
    version    INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS api_keys (
    key_hash   TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
`;

/**
 * The same indexes bench/data/contacts-app.json asks Tessera for (email unique, status, lastName,
 * [status, lastName]), so both sides pay the same write amplification on POST. The last-name
 * indexes end with `id` because lists are sorted by (last_name, id): without it SQLite sorts every
 * row sharing a last name in a temp b-tree (~4,000 rows per page at 1M rows with a status filter),
 * which no one writing this server by hand would leave in.
 */
const INDEXES = `
  CREATE UNIQUE INDEX IF NOT EXISTS contacts_email ON contacts (email);
  CREATE INDEX IF NOT EXISTS contacts_status ON contacts (status);
  CREATE INDEX IF NOT EXISTS contacts_last_name ON contacts (last_name, id);
  CREATE INDEX IF NOT EXISTS contacts_status_last_name ON contacts (status, last_name, id);
`;

/** Opens (creating if needed) a baseline database: WAL, synchronous=NORMAL, tables and indexes. */
export function openBaselineDb(file: string, options: { indexes?: boolean } = {}): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  createTables(db);
  if (options.indexes !== false) createIndexes(db);
  return db;
}

export function createTables(db: Db): void {
  db.exec(TABLES);
}

export function createIndexes(db: Db): void {
  db.exec(INDEXES);
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function insertApiKey(db: Db, key: string, name = 'bench'): void {
  db.prepare('INSERT OR IGNORE INTO api_keys (key_hash, name, created_at) VALUES (?, ?, ?)').run(
    hashApiKey(key),
    name,
    new Date().toISOString(),
  );
}
