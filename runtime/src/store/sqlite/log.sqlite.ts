import type Database from 'better-sqlite3';
import type { ChangeLog, LogEntry, LogReadOptions } from '@tessera/core/store';
import { checkConsumer, checkSeq, encodeEntries, readOptions } from '@tessera/core/store/shared';
import type { LogListeners } from '@tessera/core/store/shared';
import type { Runner } from './sqlite.collection';
import type { StatementCache } from './statement.cache';

/**
 * The store's change log in two tables beside the collections (names starting with "__" cannot
 * be collections):
 * - `__tessera_log`: `seq INTEGER PRIMARY KEY AUTOINCREMENT`. Every writer holds SQLite's write
 *   lock from its first write to its COMMIT (transactions begin IMMEDIATE), so seqs are handed out
 *   in commit order across processes; a rolled-back append also rolls back `sqlite_sequence`, so
 *   there are no gaps, and AUTOINCREMENT never hands out a seq again after `trim`.
 * - `__tessera_log_positions`: consumer -> seq.
 * A new log starts at the clock in microseconds (`sqlite_sequence` is seeded when the table is
 * made): seqs of a database made later are larger than any handed out before it, so a client
 * holding an old live-stream id is told to reset rather than replayed the wrong changes.
 */
const LOG = '"__tessera_log"';
const POSITIONS = '"__tessera_log_positions"';

export function ensureLog(db: Database.Database, floor = Date.now() * 1000): void {
  db.transaction(() => {
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${LOG} ("seq" INTEGER PRIMARY KEY AUTOINCREMENT, "topic" TEXT NOT NULL, "at" TEXT NOT NULL, "data" TEXT NOT NULL)`,
    );
    db.exec(`CREATE INDEX IF NOT EXISTS "__tessera_log_topic" ON ${LOG} ("topic", "seq")`);
    db.exec(`CREATE TABLE IF NOT EXISTS ${POSITIONS} ("consumer" TEXT PRIMARY KEY NOT NULL, "seq" INTEGER NOT NULL)`);
    db.prepare(
      `INSERT INTO sqlite_sequence (name, seq) SELECT '__tessera_log', ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '__tessera_log')`,
    ).run(floor);
  }).immediate();
}

/** Where appends inside a transaction report their seqs, so `onAppend` fires after the commit. */
export interface AppendSink {
  appended(lastSeq: number): void;
}

export class SqliteLog implements ChangeLog {
  constructor(
    private readonly db: Database.Database,
    private readonly cache: StatementCache,
    /** Gated for the store, direct for a `tx`. */
    private readonly run: Runner,
    private readonly listeners: LogListeners,
    /** Set for a `tx`: its appends commit with it. */
    private readonly tx?: AppendSink,
  ) {}

  async append(entries: Array<{ topic: string; data: unknown }>): Promise<LogEntry[]> {
    const rows = encodeEntries(entries);
    if (rows.length === 0) return [];
    return this.run(() => {
      const at = new Date().toISOString();
      const insert = () =>
        rows.map((r) => {
          const seq = Number(
            this.cache.get(`INSERT INTO ${LOG} ("topic", "at", "data") VALUES (?, ?, ?)`).run(r.topic, at, r.json).lastInsertRowid,
          );
          return { seq, topic: r.topic, at, data: r.data };
        });
      if (this.tx) {
        const out = insert();
        this.tx.appended(out[out.length - 1].seq);
        return out;
      }
      // Outside a transaction: one of its own (the gate guarantees none is open on this connection).
      const out = this.db.transaction(insert).immediate();
      this.listeners.notify(out[out.length - 1].seq);
      return out;
    });
  }

  async read(afterSeq: number, options?: LogReadOptions): Promise<LogEntry[]> {
    checkSeq(afterSeq, 'afterSeq');
    const { limit, topics } = readOptions(options);
    const byTopic = topics === null ? '' : ` AND "topic" IN (${topics.map(() => '?').join(', ')})`;
    if (topics?.length === 0) return [];
    return this.run(() => {
      const rows = this.cache
        .get(`SELECT "seq", "topic", "at", "data" FROM ${LOG} WHERE "seq" > ?${byTopic} ORDER BY "seq" LIMIT ?`)
        .all(afterSeq, ...(topics ?? []), limit) as Array<{ seq: number; topic: string; at: string; data: string }>;
      return rows.map((r) => ({ seq: r.seq, topic: r.topic, at: r.at, data: JSON.parse(r.data) as unknown }));
    });
  }

  async lastSeq(): Promise<number> {
    return this.run(() => this.last());
  }

  async firstSeq(): Promise<number> {
    return this.run(() => {
      const min = this.cache.get(`SELECT min("seq") FROM ${LOG}`).pluck().get() as number | null;
      return min ?? this.last() + 1;
    });
  }

  async position(consumer: string): Promise<number> {
    checkConsumer(consumer);
    return this.run(
      () => (this.cache.get(`SELECT "seq" FROM ${POSITIONS} WHERE "consumer" = ?`).pluck().get(consumer) as number | undefined) ?? 0,
    );
  }

  async setPosition(consumer: string, seq: number): Promise<void> {
    checkConsumer(consumer);
    checkSeq(seq);
    await this.run(() => {
      this.cache
        .get(`INSERT INTO ${POSITIONS} ("consumer", "seq") VALUES (?, ?) ON CONFLICT("consumer") DO UPDATE SET "seq" = excluded."seq"`)
        .run(consumer, seq);
    });
  }

  async trim(beforeSeq: number): Promise<number> {
    checkSeq(beforeSeq, 'beforeSeq');
    return this.run(() => this.cache.get(`DELETE FROM ${LOG} WHERE "seq" < ?`).run(beforeSeq).changes);
  }

  onAppend(listener: (lastSeq: number) => void): () => void {
    return this.listeners.add(listener);
  }

  /** The highest seq handed out (AUTOINCREMENT's record of it survives trimming every row). */
  private last(): number {
    return (this.cache.get(`SELECT "seq" FROM sqlite_sequence WHERE "name" = '__tessera_log'`).pluck().get() as number | undefined) ?? 0;
  }
}
