import type Database from 'better-sqlite3';
import type { RecordChange } from './change-feed.port';

/**
 * What one log row says happened. Record changes carry the stored document, not the enriched one;
 * `start` rows are written once into an empty log, so it is never empty (see SqliteChangeLog).
 */
export type LogEntry = ({ kind: 'change' } & Omit<RecordChange, 'appId'>) | { kind: 'published'; version: number } | { kind: 'start' };

export interface LogRow {
  seq: number;
  /** The feed (process) that wrote it. */
  origin: string;
  appId: string;
  /** Epoch ms when it was written (inside its transaction). */
  at: number;
  /** The LogEntry as JSON: parsed only for rows this process has not delivered itself (see entryOf). */
  body: string;
}

export const entryOf = (row: LogRow): LogEntry => JSON.parse(row.body) as LogEntry;

const TABLE = '"__tessera_live_changes"';

/**
 * The change log that processes sharing one SQLite file read each other's changes from: a plain
 * table beside the store's collections, written on the store's own connection inside the
 * transaction that changes the records.
 *
 * `seq` is the rowid, assigned as max + 1 while the transaction holds SQLite's write lock (the
 * store begins every transaction IMMEDIATE), so sequence ids are in commit order across
 * processes and have no gaps: a rolled-back insert frees its id for the next one. That is what
 * lets a reader keep one high-water mark, and what the port's collections could not give without
 * a read before every insert. A new log starts at `floor` (the clock in microseconds, like the
 * in-process feed), so its ids are larger than any id handed out before it existed. It is never
 * empty (a `start` row; pruning keeps the newest row), so ids never restart and every reader
 * starts from an id that is in the log.
 */
export class SqliteChangeLog {
  private statements?: ReturnType<SqliteChangeLog['prepare']>;

  constructor(
    private readonly db: Database.Database,
    private readonly floor = Date.now() * 1000,
  ) {}

  /** Creates the table when missing (idempotent; several processes may race here). */
  ensure(): void {
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (seq INTEGER PRIMARY KEY, origin TEXT NOT NULL, app TEXT NOT NULL, at INTEGER NOT NULL, body TEXT NOT NULL)`);
  }

  private prepare() {
    return {
      // VALUES with a scalar max(): an INSERT … SELECT from its own table copies the result first (4x slower).
      append: this.db.prepare(`INSERT INTO ${TABLE} (seq, origin, app, at, body) VALUES (coalesce((SELECT max(seq) FROM ${TABLE}), ?) + 1, ?, ?, ?, ?)`),
      after: this.db.prepare(`SELECT seq, origin, app, at, body FROM ${TABLE} WHERE seq > ? ORDER BY seq LIMIT ?`),
      max: this.db.prepare(`SELECT max(seq) AS seq FROM ${TABLE}`).pluck(),
      prune: this.db.prepare(`DELETE FROM ${TABLE} WHERE at < ? AND seq < (SELECT max(seq) FROM ${TABLE})`),
    };
  }

  private get sql() {
    return (this.statements ??= this.prepare());
  }

  /** Appends one entry and returns its sequence id. Only inside a store transaction (the caller checks). */
  append(origin: string, appId: string, entry: LogEntry): number {
    return Number(this.sql.append.run(this.floor, origin, appId, Date.now(), JSON.stringify(entry)).lastInsertRowid);
  }

  /** Committed rows after `seq`, oldest first. */
  after(seq: number, limit: number): LogRow[] {
    const rows = this.sql.after.all(seq, limit) as Array<{ seq: number; origin: string; app: string; at: number; body: string }>;
    return rows.map((r) => ({ seq: r.seq, origin: r.origin, appId: r.app, at: r.at, body: r.body }));
  }

  /** The newest sequence id, or null for an empty log. */
  maxSeq(): number | null {
    return (this.sql.max.get() as number | null) ?? null;
  }

  /** Deletes rows written before `before` (epoch ms), except the newest. Returns how many. */
  prune(before: number): number {
    return this.sql.prune.run(before).changes;
  }
}
