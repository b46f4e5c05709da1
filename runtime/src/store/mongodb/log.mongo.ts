import type { ChangeLog, LogEntry, LogReadOptions } from '@tessera/core/store';
import { checkConsumer, checkSeq, encodeEntries, readOptions } from '@tessera/core/store/shared';
import type { LogListeners } from '@tessera/core/store/shared';
import type { Session } from './mongo.context';
import type mongoose from 'mongoose';

/**
 * The change log on MongoDB, in three collections whose names no user collection can take:
 * - `__tessera_counters` `{ _id: 'log', seq }`: an append increments it inside its transaction.
 *   The increment write-locks the counter until the commit, so a concurrent appender conflicts
 *   and is re-run by `withTransaction` after it: appenders are serialised, seqs are in commit
 *   order without gaps (an aborted transaction's increment is undone).
 * - `__tessera_log` `{ _id: seq, topic, at, data }`, data as JSON text (any JSON, whatever its
 *   keys look like, and read back exactly as written).
 * - `__tessera_log_positions` `{ _id: consumer, seq }`.
 * The counter starts at the clock in microseconds (see ensureMongoLog), like SQLite's log.
 */
export const LOG = '__tessera_log';
export const COUNTERS = '__tessera_counters';
export const POSITIONS = '__tessera_log_positions';
const COUNTER_ID = 'log';

type Db = NonNullable<mongoose.Connection['db']>;
interface LogDoc {
  _id: number;
  topic: string;
  at: string;
  data: string;
}
interface CounterDoc {
  _id: string;
  seq: number;
}
interface PositionDoc {
  _id: string;
  seq: number;
}

export async function ensureMongoLog(db: Db, floor = Date.now() * 1000): Promise<void> {
  try {
    await db.collection<CounterDoc>(COUNTERS).updateOne({ _id: COUNTER_ID }, { $setOnInsert: { seq: floor } }, { upsert: true });
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err; // another process made it first
  }
  await db.collection<LogDoc>(LOG).createIndex({ topic: 1, _id: 1 }, { name: 'topic_seq' });
}

/** The query of `read`, exported for server-less tests. */
export function readQuery(afterSeq: number, topics: string[] | null): Record<string, unknown> {
  return topics === null ? { _id: { $gt: afterSeq } } : { _id: { $gt: afterSeq }, topic: { $in: topics } };
}

export class MongoLog implements ChangeLog {
  constructor(
    private readonly db: Db,
    /** Set on a `tx` handle: appends and positions join its transaction. */
    private readonly session: Session | undefined,
    /** Runs `op` in the `tx`'s session, or in a transaction of its own. */
    private readonly inTransaction: <T>(op: (session: Session) => Promise<T>) => Promise<T>,
    private readonly listeners: LogListeners,
    /** Set on a `tx` handle: told the last seq appended, notified after the commit. */
    private readonly sink?: { appended(seq: number): void },
  ) {}

  private get entries() {
    return this.db.collection<LogDoc>(LOG);
  }

  async append(entries: Array<{ topic: string; data: unknown }>): Promise<LogEntry[]> {
    const rows = encodeEntries(entries);
    if (rows.length === 0) return [];
    const out = await this.inTransaction(async (session) => {
      const counter = await this.db
        .collection<CounterDoc>(COUNTERS)
        .findOneAndUpdate({ _id: COUNTER_ID }, [{ $set: { seq: { $add: [{ $ifNull: ['$seq', Date.now() * 1000] }, rows.length] } } }], {
          upsert: true,
          returnDocument: 'after',
          session,
        });
      const first = counter!.seq - rows.length + 1;
      const at = new Date().toISOString();
      const docs = rows.map((r, i) => ({ _id: first + i, topic: r.topic, at, data: r.json }));
      await this.entries.insertMany(docs, { session });
      return docs.map((d, i) => ({ seq: d._id, topic: d.topic, at, data: rows[i].data }));
    });
    const last = out[out.length - 1].seq;
    if (this.sink) this.sink.appended(last);
    else this.listeners.notify(last);
    return out;
  }

  async read(afterSeq: number, options?: LogReadOptions): Promise<LogEntry[]> {
    checkSeq(afterSeq, 'afterSeq');
    const { limit, topics } = readOptions(options);
    if (topics?.length === 0) return [];
    const docs = await this.entries.find(readQuery(afterSeq, topics), { session: this.session }).sort({ _id: 1 }).limit(limit).toArray();
    return docs.map((d) => ({ seq: d._id, topic: d.topic, at: d.at, data: JSON.parse(d.data) as unknown }));
  }

  async lastSeq(): Promise<number> {
    const c = await this.db.collection<CounterDoc>(COUNTERS).findOne({ _id: COUNTER_ID }, { session: this.session });
    return c?.seq ?? 0;
  }

  async firstSeq(): Promise<number> {
    const first = await this.entries
      .find({}, { session: this.session, projection: { _id: 1 } })
      .sort({ _id: 1 })
      .limit(1)
      .toArray();
    return first.length ? first[0]._id : (await this.lastSeq()) + 1;
  }

  async position(consumer: string): Promise<number> {
    checkConsumer(consumer);
    const p = await this.db.collection<PositionDoc>(POSITIONS).findOne({ _id: consumer }, { session: this.session });
    return p?.seq ?? 0;
  }

  async setPosition(consumer: string, seq: number): Promise<void> {
    checkConsumer(consumer);
    checkSeq(seq);
    await this.db
      .collection<PositionDoc>(POSITIONS)
      .updateOne({ _id: consumer }, { $set: { seq } }, { upsert: true, session: this.session });
  }

  async trim(beforeSeq: number): Promise<number> {
    checkSeq(beforeSeq, 'beforeSeq');
    return (await this.entries.deleteMany({ _id: { $lt: beforeSeq } }, { session: this.session })).deletedCount;
  }

  onAppend(listener: (lastSeq: number) => void): () => void {
    return this.listeners.add(listener);
  }
}
