import { randomUUID } from 'node:crypto';
import type { LogEntry, Store } from '@tessera/core/store';
import { changeKey, type Change, type ChangeFeed, type ChangeInput, type ChangeListener, type RecordChange } from './change-feed.port';
import type { ChangeContext } from './change-context';
import { ChangeFanout } from './change-fanout';
import { LogTrimmer } from './log-trimmer';
import {
  FEED_TOPICS,
  originOf,
  publishedEntry,
  PUBLISHED_TOPIC,
  recordEntry,
  type PublishedEntryData,
  type RecordEntryData,
} from './log.change-entry';

export interface LogFeedOptions {
  /** Changes kept in memory for Last-Event-ID replay. */
  capacity?: number;
  /** How often the log is read for other processes' changes. */
  pollMs?: number;
  /** Log entries older than this are trimmed; a process that falls further behind sends `reset`. */
  retentionMs?: number;
  trimEveryMs?: number;
  /** How long an entry this process logged waits for its `publish` before it is delivered from the log. */
  publishGraceMs?: number;
  /** Named durable readers of the log: what they have not processed is not trimmed (see LogTrimmer). */
  consumers?: () => readonly string[];
  /** The age past which entries are trimmed even if a consumer has not reached them. */
  maxRetentionMs?: number;
}

const BATCH = 100;
/** An entry whose delivery keeps failing (its record cannot be resolved) is skipped after this many tries. */
const MAX_TRIES = 3;

/**
 * The one change feed, on the store's durable change log (`Store.log`), for every adapter and
 * any number of processes sharing the store. Writers append each change to the log inside their
 * transaction (`log`, through `tx.log`); after the commit, `publish` delivers it to this
 * process's subscribers at once, with the seq the log gave it. Every `pollMs`, and when the
 * store reports a local append (`onAppend`) this feed did not make, the log is read after the
 * last seq delivered; other writers' changes are resolved here (definition, enriched record).
 * Delivery is in seq order, which is commit order for every process, so ids mean the same
 * everywhere: a client may reconnect to any process with its Last-Event-ID. `since` answers
 * from the changes this process delivered since it started (live.routes.ts replays and
 * subscribes in one synchronous step); older ids, or ids before entries trimmed unread, get null.
 */
export class LogChangeFeed implements ChangeFeed {
  /** Tags this feed's entries: they are delivered by `publish`, not read back from the log. */
  readonly origin = randomUUID();
  private fanout: ChangeFanout;
  private readonly opts: Required<LogFeedOptions>;
  /** Seqs `log` gave to changes not yet published, by changeKey (with when, to forget rolled-back ones). */
  private readonly staged = new Map<string, { seq: number; at: number }>();
  /** The same seqs: a gap at one of them is this process's own change, whose publish is on the way. */
  private readonly stagedSeqs = new Set<number>();
  /** Local changes waiting for an earlier seq (another writer's change, or a local one still being published). */
  private readonly ahead = new Map<number, Change>();
  private readonly tries = new Map<number, number>();
  private readonly trimmer: LogTrimmer;
  private polling: Promise<void> | null = null;
  /** Changes being logged in a transaction of their own (published versions): `close` waits for them. */
  private readonly appending = new Set<Promise<void>>();
  private pollAgain = false;
  private pollQueued = false;
  private timer?: NodeJS.Timeout;
  private offAppend = () => {};
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly ctx: ChangeContext,
    private readonly warn: (obj: object, msg: string) => void = () => {},
    options: LogFeedOptions = {},
  ) {
    this.opts = {
      capacity: 10_000,
      pollMs: 200,
      retentionMs: 600_000,
      trimEveryMs: 30_000,
      publishGraceMs: 2_000,
      consumers: () => [],
      maxRetentionMs: 7 * 24 * 3600_000,
      ...options,
    };
    this.fanout = new ChangeFanout(this.opts.capacity, Date.now() * 1000);
    const { retentionMs, trimEveryMs: everyMs, consumers, maxRetentionMs } = this.opts;
    this.trimmer = new LogTrimmer(store.log, { retentionMs, everyMs, consumers, maxRetentionMs });
  }

  get lastSeq(): number {
    return this.fanout.lastSeq;
  }

  /** This process delivers what comes after the log's last seq now. */
  async start(): Promise<void> {
    this.fanout = new ChangeFanout(this.opts.capacity, await this.store.log.lastSeq());
    this.offAppend = this.store.log.onAppend((seq) => this.appended(seq));
    this.timer = setInterval(() => this.tick(), this.opts.pollMs);
    this.timer.unref();
  }

  async close(): Promise<void> {
    await Promise.all(this.appending);
    this.closed = true;
    this.offAppend();
    clearInterval(this.timer);
    await this.polling;
    await this.trimmer.running;
  }

  async log(tx: Store, changes: Array<RecordChange & { cause?: string }>): Promise<LogEntry[]> {
    // The entries must be part of the caller's transaction, which only its `tx` handle writes in.
    if (tx === this.store) throw new Error('ChangeFeed.log must be called inside a store transaction (with its tx)');
    if (changes.length === 0) return [];
    // A migration's changes are never delivered (see fromLog): they are not this feed's to publish.
    const own = (c: { cause?: string }) => c.cause !== 'migration';
    const entries = await tx.log.append(changes.map((c) => recordEntry(c, own(c) ? this.origin : undefined)));
    const at = Date.now();
    entries.forEach((e, i) => {
      if (!own(changes[i])) return;
      this.staged.set(changeKey(changes[i]), { seq: e.seq, at });
      this.stagedSeqs.add(e.seq);
    });
    return entries;
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
    const entry =
      input.kind === 'published'
        ? publishedEntry(input.appId, input.version, this.origin)
        : recordEntry(
            {
              appId: input.appId,
              type: input.type,
              entity: input.entity,
              id: input.id,
              version: input.version,
              record: input.record,
              before: input.before,
            },
            this.origin,
          );
    try {
      const [logged] = await this.store.log.append([entry]);
      this.accept({ ...input, seq: logged.seq });
    } catch (err) {
      this.warn({ err: String(err), appId: input.appId }, 'live: could not log a change');
    }
  }

  /** A local change with its final seq: delivered now if every earlier seq was, otherwise once they are. */
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
    // An earlier seq is missing and is not one of ours about to be published: another writer's entry, read it now.
    if (this.ahead.size > 0 && !this.stagedSeqs.has(this.fanout.lastSeq + 1)) this.schedulePoll();
  }

  /** The store committed an append in this process: read the log unless every new seq is this feed's own. */
  private appended(seq: number): void {
    const from = this.fanout.lastSeq + 1;
    if (seq - from > BATCH) return this.schedulePoll();
    for (let s = from; s <= seq; s++) if (!this.stagedSeqs.has(s) && !this.ahead.has(s)) return this.schedulePoll();
  }

  private tick(): void {
    if (this.closed) return clearInterval(this.timer);
    // Staged seqs whose transaction rolled back are never published; a minute is far beyond any commit + publish.
    for (const [key, { at }] of this.staged) if (Date.now() - at > 60_000) this.staged.delete(key);
    for (const seq of this.stagedSeqs) if (seq <= this.fanout.lastSeq) this.stagedSeqs.delete(seq);
    for (const seq of this.ahead.keys()) if (seq <= this.fanout.lastSeq) this.ahead.delete(seq);
    void this.poll();
    this.trimmer.tick(this.fanout.lastSeq, (err) => this.warn({ err: String(err) }, 'live: trimming the change log failed'));
  }

  private schedulePoll(): void {
    if (this.pollQueued) return;
    this.pollQueued = true;
    setImmediate(() => {
      this.pollQueued = false;
      void this.poll();
    });
  }

  /** Reads the log after the last delivered seq; one reader at a time, re-run when asked meanwhile. */
  private poll(): Promise<void> {
    if (this.closed) return Promise.resolve();
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
        if (!this.closed) this.warn({ err: String(err) }, 'live: reading the change log failed');
      } finally {
        this.polling = null;
      }
    })();
    return this.polling;
  }

  private async readLog(): Promise<void> {
    for (;;) {
      // Outside any transaction: only committed entries.
      const entries = await this.store.log.read(this.fanout.lastSeq, { limit: BATCH });
      for (const entry of entries) {
        if (entry.seq <= this.fanout.lastSeq) continue; // published locally meanwhile
        // The log has no gaps: one means entries were trimmed before this process read them.
        if (entry.seq > this.fanout.lastSeq + 1) this.fanout.reset(entry.seq - 1);
        if (!(await this.take(entry))) return;
        this.drain();
      }
      if (entries.length < BATCH || this.closed) return;
    }
  }

  /** Delivers or skips one entry; false when it is this feed's and its `publish` is still on the way. */
  private async take(entry: LogEntry): Promise<boolean> {
    const local = this.ahead.get(entry.seq);
    if (local) {
      this.ahead.delete(entry.seq);
      this.fanout.deliver(local);
      return true;
    }
    if (originOf(entry) === this.origin && Date.now() - Date.parse(entry.at) < this.opts.publishGraceMs) return false; // its drain() goes on from here
    let change: Change | null;
    try {
      change = await this.fromLog(entry);
    } catch (err) {
      const tries = (this.tries.get(entry.seq) ?? 0) + 1;
      this.tries.set(entry.seq, tries);
      if (tries < MAX_TRIES) throw err;
      this.warn({ err: String(err), seq: entry.seq }, 'live: skipping a change that cannot be delivered');
      change = null;
    }
    this.tries.delete(entry.seq);
    if (entry.seq !== this.fanout.lastSeq + 1) return true; // its local publish came while resolving
    if (change) this.fanout.deliver(change);
    else this.fanout.skip(entry.seq);
    return true;
  }

  /** Another writer's entry as this process delivers it: its app's definition here, its record enriched here. Other topics: null. */
  private async fromLog(entry: LogEntry): Promise<Change | null> {
    if (!FEED_TOPICS.includes(entry.topic)) return null;
    const { seq } = entry;
    if (entry.topic === PUBLISHED_TOPIC) {
      const { appId, version } = entry.data as PublishedEntryData;
      await this.ctx.published(appId);
      return { seq, appId, kind: 'published', version };
    }
    const { origin: _origin, cause, ...change } = entry.data as RecordEntryData & { cause?: string };
    // A publish's migration (a backfill, a move to a renamed entity or field) can change 50,000
    // records at once; open apps reload on the `published` change that follows it instead.
    if (cause === 'migration') return null;
    const resolved = await this.ctx.resolve(change.appId, change.entity, [change.record], change.type !== 'deleted');
    if (!resolved) return null; // the app or entity is gone
    return { ...change, seq, kind: 'change', record: resolved.records[0], definition: resolved.definition };
  }
}
