/**
 * A publish runs as a durable job (queue `publish`, runtime/src/jobs): its storage migration
 * (indexes, renamed data, new defaults; storage-migration.ts) in batches that each commit with
 * the job's progress, then the new version is recorded. If the process dies midway, the job's
 * lease runs out and a worker (the restarted process, or another sharing the store) takes it
 * over: every step carries on where it stopped and the version is recorded once. A publish that
 * fails (a conflict, a store error) is not retried: its caller got the error, and publishing
 * again (with the same renames) finishes what it moved. Entities whose data a publish moves are
 * fenced for API writes meanwhile (write-gate.ts).
 */
import type { AppDefinition } from '@tessera/core';
import type { Store } from '@tessera/core/store';
import { Conflict, Unavailable } from '../../domain-errors';
import { JOBS, LeaseExpired, QueueFull, type Job, type Jobs, type QueueDefinition } from '../../jobs';
import type { Commit, CommitContext } from '../../records/commit';
import type { RenamePlan } from '../renames/renames.check';
import type { Rename } from '../renames/renames.input';
import type { RenameEntry } from '@tessera/core/wire';
import type { RenameReport } from '../renames/renames.migrate';
import { countMigrationWork, migrateAppStorage } from '../storage-migration';
import { yieldToLoop, type MigrationBatches } from './migration-batches';
import { fencedEntities, type WriteGate } from './write-gate';
import { raiseFence, releaseFence } from './write-fences';

export interface PublishPayload {
  appId: string;
  definition: AppDefinition;
  /** The published version this one follows (null: the first publish). */
  previousVersion: number | null;
  plan: RenamePlan;
  /** As given (when any were, the version keeps the migration report). */
  renames: Rename[];
  /** The draft's rename log this publish read: emptied when the version is recorded (entries saved since are kept). */
  consumedRenames: RenameEntry[];
  note: string;
  userId: string | null;
  revision: number;
}

/** Records handled so far, over every attempt (the job's progress). */
interface PublishState {
  [key: string]: unknown;
  processed: number;
}

export interface PublishingDeps<V> {
  store: Store;
  jobs: Jobs;
  gate: WriteGate;
  commit: Commit;
  definitionOf(appId: string, version: number): Promise<AppDefinition>;
  /** Records the version (once per job: a resumed job whose version exists gets that one). */
  record(p: PublishPayload, migrated: RenameReport, jobId: string): Promise<V>;
  /** When the app's current version was published (a failed move after it is unfinished). */
  publishedAt(appId: string): Promise<string | null>;
}

const UNFINISHED = { $in: ['queued', 'running'] };
const moves = (plan: RenamePlan) => plan.entities.length + plan.fields.length > 0;

export class Publishing<V> {
  readonly queue: QueueDefinition<PublishPayload, PublishState, V>;

  constructor(private readonly deps: PublishingDeps<V>) {
    this.queue = {
      name: 'publish',
      concurrency: 4,
      maxAttempts: 5,
      deadRetainMs: 30 * 24 * 60 * 60_000,
      // Only a worker's death is retried; any other failure was answered to the publisher.
      retry: (err) => err instanceof LeaseExpired,
      handle: (ctx) => this.migrateAndRecord(ctx.job, ctx),
    };
    deps.jobs.register(this.queue);
  }

  private async migrateAndRecord(
    job: Job<PublishPayload, PublishState>,
    ctx: Parameters<QueueDefinition<PublishPayload, PublishState, V>['handle']>[0],
  ): Promise<V> {
    const { store, gate, commit } = this.deps;
    const p = job.payload;
    const previous = p.previousVersion === null ? null : await this.deps.definitionOf(p.appId, p.previousVersion);
    const lift = await gate.fence(p.appId, job.id, p.plan);
    // Other processes sharing the store: their writes to these entities are refused until the move is done (write-fences.ts).
    const fencesOthers = moves(p.plan);
    if (fencesOthers) await raiseFence(store, p.appId, job.id, this.deps.jobs.owner, fencedEntities(p.plan));
    let processed = job.state?.processed ?? 0;
    try {
      const total = processed + (await countMigrationWork(store, p.definition, previous, p.plan));
      await ctx.progress({ processed, total });
      const context: CommitContext = { appId: p.appId, definition: p.definition, caller: null, cause: 'migration' };
      const batches: MigrationBatches = {
        store,
        batch: async (records, write) => {
          if (ctx.signal.aborted) throw new Unavailable('the server is stopping; the publish carries on when it starts again');
          const next = processed + records;
          const { value } = await commit(context, async (w) => {
            const out = await write(w);
            await ctx.save({ processed: next }, { tx: w.tx, progress: { processed: next, total: Math.max(total, next) } });
            return out;
          });
          processed = next;
          await yieldToLoop();
          return value;
        },
      };
      const migrated = await migrateAppStorage(batches, p.definition, previous, p.plan);
      const version = await this.deps.record(p, migrated, job.id);
      lift('done');
      if (fencesOthers) await releaseFence(store, p.appId, job.id);
      return version;
    } catch (err) {
      const moved = processed > 0 && moves(p.plan);
      lift('failed', moved);
      // Half-moved data stays fenced everywhere until a publish finishes it; otherwise nothing to wait for.
      if (fencesOthers && !moved && !(err instanceof LeaseExpired)) await releaseFence(store, p.appId, job.id, 0).catch(() => undefined);
      throw err;
    }
  }

  /** Runs a publish as a job of this process and waits for its version. */
  async run(payload: PublishPayload): Promise<V> {
    let done: Promise<V | undefined>;
    try {
      ({ done } = await this.deps.jobs.start(this.queue, payload));
    } catch (err) {
      if (err instanceof QueueFull)
        throw new Unavailable('too many publishes are running in this process; try again shortly', { details: { retryAfter: 5 } });
      throw err;
    }
    const version = await done;
    if (version === undefined)
      throw new Conflict(`the publish of "${payload.appId}" stopped here and is being finished by another process`);
    return version;
  }

  /**
   * Before a new publish of the app, an unfinished one is completed first: one running in this
   * process, or in another that is alive, is waited for (at most three leases); one cut short by
   * a dead worker is taken over and finished here. Returns the last one completed (a caller that
   * was sending the same publish again is done), or null.
   */
  async finishInterrupted(appId: string): Promise<{ payload: PublishPayload; version: V } | null> {
    const { store, jobs } = this.deps;
    const found = await store.collection(JOBS).find({
      filter: { queue: this.queue.name, status: UNFINISHED, 'payload.appId': appId },
      sort: [{ field: 'createdAt', dir: 'asc' }],
      limit: 10,
    });
    let last: { payload: PublishPayload; version: V } | null = null;
    const busy = () => new Conflict(`"${appId}" is being published right now; try again when it is done`);
    for (const { id } of found.items) {
      const deadline = Date.now() + 3 * jobs.leaseMs;
      for (;;) {
        const job = await jobs.get<PublishPayload, PublishState>(id);
        if (!job || job.status === 'dead') break;
        if (job.status === 'done') {
          last = { payload: job.payload, version: job.result as V };
          break;
        }
        const here = jobs.runningHere<V>(id);
        if (here) {
          await here.catch(() => undefined);
          continue;
        }
        if (job.status === 'queued' || (await jobs.reapIfExpired(id))) {
          const run = await jobs.runNow(this.queue, id);
          if (run) await run.done.catch(() => undefined); // its failure is on the job (dead): this publish goes on
          continue;
        }
        if (Date.now() > deadline) throw busy();
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    return last;
  }

  /**
   * At startup, before the server listens: the entities of publishes that were cut short are
   * fenced until their job ends (here or in another process), and those of failed moves until a
   * publish finishes them, so no write lands in the old shape in the meantime.
   */
  async fenceUnfinished(): Promise<void> {
    const { store, gate, jobs } = this.deps;
    const open = await store.collection(JOBS).find({ filter: { queue: this.queue.name, status: UNFINISHED }, limit: 100 });
    for (const doc of open.items) {
      const p = doc.payload as PublishPayload;
      if (!moves(p.plan)) continue;
      const lift = await gate.fence(p.appId, doc.id, p.plan);
      const watch = setInterval(() => {
        void jobs.get<PublishPayload, PublishState>(doc.id).then(
          (job) => {
            if (job && (job.status === 'queued' || job.status === 'running')) return;
            clearInterval(watch);
            lift(job?.status === 'done' ? 'done' : 'failed', (job?.state?.processed ?? 0) > 0);
          },
          () => undefined,
        );
      }, 1000);
      watch.unref?.();
    }
    const dead = await store
      .collection(JOBS)
      .find({ filter: { queue: this.queue.name, status: 'dead' }, sort: [{ field: 'createdAt', dir: 'desc' }], limit: 100 });
    for (const doc of dead.items) {
      const p = doc.payload as PublishPayload;
      const processed = (doc.state as PublishState | null)?.processed ?? 0;
      if (!moves(p.plan) || processed === 0) continue;
      const publishedAt = await this.deps.publishedAt(p.appId);
      if (!publishedAt || publishedAt < doc.createdAt) gate.markStuck(p.appId, doc.id, p.plan);
    }
  }
}
