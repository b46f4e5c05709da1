import { randomUUID } from 'node:crypto';
import type { Store } from '@tessera/core/store';
import type { SqliteStore } from '../../store/sqlite/sqlite.store';
import { changeKey, type Change, type ChangeFeed, type ChangeInput, type ChangeListener, type RecordChange } from './change-feed.port';
import type { ChangeContext } from './change-context';
import { ChangeFanout } from './change-fanout';
import { entryOf, SqliteChangeLog, type LogEntry, type LogRow } from './sqlite.change-log';

export interface SqliteFeedOptions {
  /** Changes kept for Last-Event-ID replay. */
  capacity?: number;
  /** How often the log is read for other processes' changes. */
  pollMs?: number;
  /** Log rows older than this are pruned; a process that falls further behind sends `reset`. */
  retentionMs?: number;
  pruneEveryMs?: number;
  /** How long a row this process logged waits for its `publish` before it is delivered from the log. */
  publishGraceMs?: number;
}

const BATCH = 100;
/** A row whose delivery keeps failing (its record cannot be resolved) is skipped after this many tries. */
const MAX_TRIES = 3;

/**
 * The change feed of processes sharing one SQLite file. Writers append each change to the change
 * log inside their transaction (`log`); after the commit, `publish` delivers it to this process's
 * subscribers at once, with the sequence id the log gave it. Every `pollMs` (and at once when a
 * local change finds an id missing before its own) each process reads the log after the last id
 * it delivered and delivers the other processes' changes, resolving their records and definition
 * here. Delivery is in sequence id order, which is commit order in every process, so ids mean the
 * same everywhere: a client may reconnect to any process with its Last-Event-ID.
 */
export class SqliteChangeFeed implements ChangeFeed {
  /** Tags this feed's rows: they are delivered by `publish`, not read back from the log. */
  readonly origin = randomUUID();
  private readonly changeLog: SqliteChangeLog;
  private fanout: ChangeFanout;
  private readonly opts: Required<SqliteFeedOptions>;
  /** Sequence ids `log` gave to changes not yet published, by changeKey (with when, to forget rolled-back ones). */
  private readonly staged = new Map<string, { seq: number; at: number }>();
  /** The same ids: a gap at one of them is this process's own change, whose publish is on the way (no need to read the log). */
  private readonly stagedSeqs = new Set<number>();
  /** Local changes waiting for an earlier id (another process's change, or a local one still being published). */
  private readonly ahead = new Map<number, Change>();
  private readonly tries = new Map<number, number>();
  private polling: Promise<void> | null = null;
  /** Changes being logged in a transaction of their own (published versions): `close` waits for them. */
  private readonly appending = new Set<Promise<void>>();
  private pollAgain = false;
  private pollQueued = false;
  private timer?: NodeJS.Timeout;
  private lastPrune = Date.now();
  private closed = false;

  constructor(
    private readonly store: SqliteStore,
    private readonly ctx: ChangeContext,
    private readonly warn: (obj: object, msg: string) => void = () => {},
    options: SqliteFeedOptions = {},
  ) {
    this.opts = { capacity: 10_000, pollMs: 200, retentionMs: 120_000, pruneEveryMs: 30_000, publishGraceMs: 2_000, ...options };
    this.changeLog = new SqliteChangeLog(store.db);
    this.fanout = new ChangeFanout(this.opts.capacity, Date.now() * 1000);
  }

  get lastSeq(): number {
    return this.fanout.lastSeq;
  }

  /** Creates the log (with its `start` row) if needed; this process delivers what comes after its newest row. */
  async start(): Promise<void> {
    const startSeq = await this.store.transaction(async () => {
      this.changeLog.ensure();
      return this.changeLog.maxSeq() ?? this.changeLog.append(this.origin, '', { kind: 'start' });
    });
    this.fanout = new ChangeFanout(this.opts.capacity, startSeq);
    this.timer = setInterval(() => this.tick(), this.opts.pollMs);
    this.timer.unref();
  }

  async close(): Promise<void> {
    await Promise.all(this.appending);
    this.closed = true;
    clearInterval(this.timer);
    await this.polling;
  }

  async log(_tx: Store, changes: RecordChange[]): Promise<void> {
    // The rows must be part of the caller's transaction: on this store that is whatever is open on its connection.
    if (!this.store.db.inTransaction) throw new Error('ChangeFeed.log must be called inside a store transaction');
    const at = Date.now();
    for (const { appId, ...change } of changes) {
      const seq = this.changeLog.append(this.origin, appId, { kind: 'change', ...change });
      this.staged.set(changeKey({ appId, ...change }), { seq, at });
      this.stagedSeqs.add(seq);
    }
  }

  publish(input: ChangeInput): void {
    const key = input.kind === 'change' ? changeKey(input) : '';
    const staged = this.staged.get(key);
    if (!staged) {
      // A new published version, or a writer that did not log.
      const appending = this.appendAndPublish(input).finally(() => this.appending.delete(appending));
      this.appending.add(appending);
      return;
    }
    this.staged.delete(key);
    this.stagedSeqs.delete(staged.seq);
    this.accept({ ...input, seq: staged.seq });
  }

  subscribe(appId: string, listener: ChangeListener): () => void {
    return this.fanout.subscribe(appId, listener);
  }

  since(appId: string, seq: number): Change[] | null {
    return this.fanout.since(appId, seq);
  }

  private async appendAndPublish(input: ChangeInput): Promise<void> {
    const entry: LogEntry =
      input.kind === 'published'
        ? { kind: 'published', version: input.version }
        : { kind: 'change', type: input.type, entity: input.entity, id: input.id, version: input.version, record: input.record, before: input.before };
    const appId = input.appId;
    try {
      const seq = await this.store.transaction(async () => this.changeLog.append(this.origin, appId, entry));
      this.accept({ ...input, seq });
    } catch (err) {
      this.warn({ err: String(err), appId }, 'live: could not log a change');
    }
  }

  /** A local change with its final id: delivered now if every earlier id was, otherwise once they are. */
  private accept(change: Change): void {
    if (change.seq <= this.fanout.lastSeq) return; // already delivered from the log
    this.ahead.set(change.seq, change);
    this.drain();
  }

  private drain(): void {
    let next: Change | undefined;
    while ((next = this.ahead.get(this.fanout.lastSeq + 1))) {
      this.ahead.delete(next.seq);
      this.fanout.deliver(next);
    }
    // An earlier id is missing and is not one of ours about to be published: another process's change, read it now.
    if (this.ahead.size > 0 && !this.stagedSeqs.has(this.fanout.lastSeq + 1)) this.schedulePoll();
  }

  private tick(): void {
    if (this.closed || !this.store.db.open) return clearInterval(this.timer);
    // Staged ids whose transaction rolled back are never published; a minute is far beyond any commit + publish.
    for (const [key, { at }] of this.staged) if (Date.now() - at > 60_000) this.staged.delete(key);
    for (const seq of this.stagedSeqs) if (seq <= this.fanout.lastSeq) this.stagedSeqs.delete(seq);
    for (const seq of this.ahead.keys()) if (seq <= this.fanout.lastSeq) this.ahead.delete(seq);
    void this.poll();
    if (Date.now() - this.lastPrune >= this.opts.pruneEveryMs) {
      this.lastPrune = Date.now();
      this.store.transaction(async () => this.changeLog.prune(Date.now() - this.opts.retentionMs)).catch((err) => this.warn({ err: String(err) }, 'live: pruning the change log failed'));
    }
  }

  private schedulePoll(): void {
    if (this.pollQueued) return;
    this.pollQueued = true;
    setImmediate(() => {
      this.pollQueued = false;
      void this.poll();
    });
  }

  /** Reads the log after the last delivered id; one reader at a time, re-run when asked meanwhile. */
  private poll(): Promise<void> {
    if (this.closed || !this.store.db.open) return Promise.resolve();
    if (this.polling) {
      this.pollAgain = true;
      return this.polling;
    }
    this.polling = (async () => {
      try {
        do {
          this.pollAgain = false;
          await this.readLog();
        } while (this.pollAgain && !this.closed);
      } catch (err) {
        if (!this.closed && this.store.db.open) this.warn({ err: String(err) }, 'live: reading the change log failed');
      } finally {
        this.polling = null;
      }
    })();
    return this.polling;
  }

  private async readLog(): Promise<void> {
    for (;;) {
      // Through the gate: never inside a transaction of this connection, whose rows may still roll back.
      const rows = await this.store.gate.run(() => this.changeLog.after(this.fanout.lastSeq, BATCH));
      for (const row of rows) {
        if (row.seq <= this.fanout.lastSeq) continue; // published locally meanwhile
        if (row.seq > this.fanout.lastSeq + 1) this.fanout.reset(row.seq - 1); // pruned before this process read it
        if (!(await this.take(row))) return;
        this.drain();
      }
      if (rows.length < BATCH || this.closed) return;
    }
  }

  /** Delivers or skips one row; false when it is this process's and its `publish` is still on the way. */
  private async take(row: LogRow): Promise<boolean> {
    const local = this.ahead.get(row.seq);
    if (local) {
      this.ahead.delete(row.seq);
      this.fanout.deliver(local);
      return true;
    }
    if (row.origin === this.origin && Date.now() - row.at < this.opts.publishGraceMs) return false; // its drain() goes on from here
    let change: Change | null;
    try {
      change = await this.fromLog(row);
    } catch (err) {
      const tries = (this.tries.get(row.seq) ?? 0) + 1;
      this.tries.set(row.seq, tries);
      if (tries < MAX_TRIES) throw err;
      this.warn({ err: String(err), seq: row.seq, appId: row.appId }, 'live: skipping a change that cannot be delivered');
      change = null;
    }
    this.tries.delete(row.seq);
    if (row.seq !== this.fanout.lastSeq + 1) return true; // its local publish came while resolving
    if (change) this.fanout.deliver(change);
    else this.fanout.skip(row.seq);
    return true;
  }

  /** Another process's change as this process delivers it: its app's definition here, its record enriched here. */
  private async fromLog(row: LogRow): Promise<Change | null> {
    const { appId, seq } = row;
    const entry = entryOf(row);
    if (entry.kind === 'start') return null;
    if (entry.kind === 'published') {
      await this.ctx.published(appId);
      return { seq, appId, kind: 'published', version: entry.version };
    }
    const resolved = await this.ctx.resolve(appId, entry.entity, [entry.record], entry.type !== 'deleted');
    if (!resolved) return null; // the app or entity is gone
    return { ...entry, seq, appId, record: resolved.records[0], definition: resolved.definition };
  }
}
