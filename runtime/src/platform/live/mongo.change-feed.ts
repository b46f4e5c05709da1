import { mongo } from 'mongoose';
import type { Change, ChangeFeed, ChangeListener } from './change-feed.port';
import type { ChangeContext } from './change-context';
import { ChangeFanout } from './change-fanout';
import { recordCollectionName } from '../storage-plan';
import { ClusterTimeIds, mapChangeEvent, PREFIX_LENGTH, RECORD_COLLECTION, WATCH_PIPELINE, type MongoChangeEvent } from './mongo.change-events';

/** An open change stream: what the feed uses of the driver's ChangeStream. */
export interface ChangeCursor extends AsyncIterable<MongoChangeEvent> {
  close(): Promise<void>;
}

/** What the feed uses of the driver's Db (a fake in unit tests). */
export interface ChangeStreamDb {
  watch(pipeline: object[], options: Record<string, unknown>): ChangeCursor;
  command(command: Record<string, unknown>): Promise<Record<string, unknown>>;
  listCollections(filter: object, options: { nameOnly: true }): { toArray(): Promise<Array<{ name: string }>> };
}

export interface MongoFeedOptions {
  capacity?: number;
  /** First wait before reopening a stream that failed; doubles up to 30 s. */
  retryMs?: number;
}

/** Errors after which the stream cannot continue from its resume token: the oplog moved past it. */
const HISTORY_LOST = new Set([136, 260, 280, 286]); // CappedPositionLost, InvalidResumeToken, ChangeStreamFatalError, ChangeStreamHistoryLost

function historyLost(err: unknown): boolean {
  const e = err as { code?: number; errorLabels?: string[]; errorLabelSet?: Set<string> };
  return HISTORY_LOST.has(e?.code ?? -1) || Boolean(e?.errorLabels?.includes('NonResumableChangeStreamError') || e?.errorLabelSet?.has('NonResumableChangeStreamError'));
}

/**
 * The change feed of processes sharing MongoDB: each process watches one change stream over the
 * database (records collections and published versions; needs a replica set) and delivers what it
 * reads to its own subscribers. The insert/update/delete is the publish, so `log` and `publish`
 * do nothing; records are enriched and the definition looked up by each process. Sequence ids
 * come from the cluster time (ClusterTimeIds), the same in every process.
 *
 * The driver resumes by itself after a brief network error or a failover. When it gives up, the
 * stream is reopened after the last change handled (its resume token); when the oplog no longer
 * has that point, reading starts again from now and every subscriber gets `reset`.
 */
export class MongoChangeFeed implements ChangeFeed {
  private fanout: ChangeFanout;
  private ids = new ClusterTimeIds(0);
  private readonly capacity: number;
  private readonly retryMs: number;
  private startSecond = 0;
  private token: unknown;
  private cursor?: ChangeCursor;
  private running?: Promise<void>;
  private closed = false;
  /** Ends the wait before a retry (close() should not wait out a 30 s back-off). */
  private wakeUp = () => {};
  /** Records collection prefix -> app id. */
  private apps = new Map<string, string>();
  private appsReadAt = 0;
  private preImagesWarned = false;

  constructor(
    private readonly db: ChangeStreamDb,
    private readonly ctx: ChangeContext,
    private readonly warn: (obj: object, msg: string) => void = () => {},
    options: MongoFeedOptions = {},
  ) {
    this.capacity = options.capacity ?? 10_000;
    this.retryMs = options.retryMs ?? 1000;
    this.fanout = new ChangeFanout(this.capacity, Date.now() * 1000);
  }

  get lastSeq(): number {
    return this.fanout.lastSeq;
  }

  async log(): Promise<void> {}

  /** Nothing to do: the write itself reaches every process through the change stream. */
  publish(): void {}

  subscribe(appId: string, listener: ChangeListener): () => void {
    return this.fanout.subscribe(appId, listener);
  }

  since(appId: string, seq: number): Change[] | null {
    return this.fanout.since(appId, seq);
  }

  async start(): Promise<void> {
    this.startSecond = await this.clusterSecond();
    this.ids = new ClusterTimeIds(this.startSecond);
    this.fanout = new ChangeFanout(this.capacity, this.ids.last);
    await this.enablePreImages(RECORD_COLLECTION);
    this.running = this.follow();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wakeUp();
    await this.cursor?.close().catch(() => undefined);
    await this.running;
  }

  /** Reads the stream until closed, reopening it after errors. */
  private async follow(): Promise<void> {
    let wait = this.retryMs;
    while (!this.closed) {
      const position = this.token !== undefined ? { startAfter: this.token } : { startAtOperationTime: new mongo.Timestamp({ t: this.startSecond, i: 0 }) };
      try {
        this.cursor = this.db.watch(WATCH_PIPELINE, { fullDocument: 'updateLookup', fullDocumentBeforeChange: 'whenAvailable', ...position });
        for await (const ev of this.cursor) {
          await this.handle(ev);
          wait = this.retryMs;
        }
      } catch (err) {
        if (this.closed) break;
        if (historyLost(err)) {
          this.warn({ err: String(err) }, 'live: the change stream lost its place in the oplog; subscribers reload');
          this.token = undefined;
          this.startSecond = await this.clusterSecond().catch(() => Math.floor(Date.now() / 1000));
          this.fanout.reset(this.ids.restart(this.startSecond));
        } else {
          this.warn({ err: String(err) }, 'live: the change stream failed; reopening');
        }
        await new Promise<void>((resolve) => {
          this.wakeUp = resolve;
          setTimeout(resolve, wait).unref();
        });
        wait = Math.min(wait * 2, 30_000);
      } finally {
        await this.cursor?.close().catch(() => undefined);
      }
    }
  }

  private async handle(ev: MongoChangeEvent): Promise<void> {
    // Numbered before anything is dropped: every process numbers the same events.
    const seq = this.ids.next(ev.clusterTime?.t ?? 0);
    let change: Change | null = null;
    try {
      change = await this.toChange(ev, seq);
    } catch (err) {
      this.warn({ err: String(err), seq }, 'live: skipping a change that cannot be delivered');
    }
    this.token = ev._id;
    if (change) this.fanout.deliver(change);
    else this.fanout.skip(seq);
  }

  private async toChange(ev: MongoChangeEvent, seq: number): Promise<Change | null> {
    const mapped = mapChangeEvent(ev);
    if (!mapped) return null;
    if (mapped.kind === 'published') {
      this.apps.set(recordCollectionName(mapped.appId, ''), mapped.appId); // its records may follow at once
      await this.ctx.published(mapped.appId);
      await this.enablePreImages(new RegExp(`^${recordCollectionName(mapped.appId, '')}`)); // new entities, new collections
      return { seq, appId: mapped.appId, kind: 'published', version: mapped.version };
    }
    const appId = await this.appOf(mapped.collection);
    if (!appId) return null;
    const entity = mapped.collection.slice(PREFIX_LENGTH);
    const { change } = mapped;
    const resolved = await this.ctx.resolve(appId, entity, [change.record], change.type !== 'deleted');
    if (!resolved) return null;
    return { ...change, seq, appId, entity, kind: 'change', record: resolved.records[0], definition: resolved.definition };
  }

  /** The app owning a records collection; the app list is re-read (at most every 5 s) when a prefix is new. */
  private async appOf(collection: string): Promise<string | null> {
    const prefix = collection.slice(0, PREFIX_LENGTH);
    if (!this.apps.has(prefix) && Date.now() - this.appsReadAt > 5000) {
      this.appsReadAt = Date.now();
      this.apps = new Map((await this.ctx.appIds()).map((id) => [recordCollectionName(id, ''), id]));
    }
    return this.apps.get(prefix) ?? null;
  }

  /**
   * Deletes need the record as it was (its owner decides who is told): MongoDB 6+ keeps pre-images
   * for collections that ask. Without them a delete reaches only subscribers who may read every row.
   */
  private async enablePreImages(names: RegExp): Promise<void> {
    try {
      const collections = await this.db.listCollections({}, { nameOnly: true }).toArray();
      for (const { name } of collections) {
        if (names.test(name)) await this.db.command({ collMod: name, changeStreamPreAndPostImages: { enabled: true } });
      }
    } catch (err) {
      if (this.preImagesWarned) return;
      this.preImagesWarned = true;
      this.warn({ err: String(err) }, 'live: cannot enable change stream pre-images (MongoDB 6+); deletes reach only subscribers who may read every row');
    }
  }

  /** The cluster's current second (from `hello`), so numbering starts where other processes' does. */
  private async clusterSecond(): Promise<number> {
    const hello = (await this.db.command({ hello: 1 })) as { operationTime?: { t?: number }; $clusterTime?: { clusterTime?: { t?: number } } };
    const t = hello.operationTime?.t ?? hello.$clusterTime?.clusterTime?.t;
    return typeof t === 'number' ? t : Math.floor(Date.now() / 1000);
  }
}
