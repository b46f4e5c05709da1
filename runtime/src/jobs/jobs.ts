import { randomUUID } from 'node:crypto';
import type { Doc, Store } from '@tessera/core/store';
import { systemClock, iso, type Clock } from './clock';
import { JOBS, JOBS_COLLECTION, toJob } from './jobs.collection';
import { DEFAULT_MAX_ATTEMPTS, getJob, insertJob, listJobs, newJob, requeueJob } from './job-queue';
import { runLeased } from './job-run';
import { reapExpired, reapIfExpired } from './reaper';
import type { EnqueueOptions, Job, JobStatus, QueueDefinition } from './jobs.types';

export interface JobsOptions {
  clock?: Clock;
  /** This worker's id in leases (default: random per instance; never a process id). */
  owner?: string;
  /** How long a claim holds without renewal (default 10 s); a dead worker's jobs are taken back after it. */
  leaseMs?: number;
  /** How often free slots look for queued jobs (default 500 ms). */
  pollMs?: number;
  /** How long `stop` waits for running handlers (default 10 s). */
  stopWaitMs?: number;
  /**
   * How often the running worker deletes expired documents of every TTL collection (finished
   * jobs, sessions, …) with `Store.sweepExpired` (default 10 min). Reads hide them already;
   * this gives their space back.
   */
  sweepExpiredMs?: number;
}

/** Thrown by `start` when the queue already runs its `concurrency` jobs in this worker. */
export class QueueFull extends Error {}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one registry holds queues of every payload and state type (no existential types)
type AnyQueue = QueueDefinition<any, any, any>;

/**
 * The durable job queue on the storage port: jobs live in `_jobs`, shared by every process on
 * the store. A worker (one per Jobs instance) claims due jobs of its registered queues with a
 * lease (`Collection.claim`: never two workers for one job), renews it while the handler runs,
 * and completes or fails them; a reaper takes back jobs whose lease ran out.
 */
export class Jobs {
  readonly owner: string;
  readonly clock: Clock;
  readonly leaseMs: number;
  private readonly queues = new Map<string, { def: AnyQueue; running: Set<Promise<unknown>> }>();
  private readonly here = new Map<string, Promise<unknown>>();
  private readonly stopping = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private lastTick: Promise<unknown> = Promise.resolve();

  constructor(
    readonly store: Store,
    private readonly options: JobsOptions = {},
  ) {
    this.owner = options.owner ?? randomUUID();
    this.clock = options.clock ?? systemClock;
    this.leaseMs = options.leaseMs ?? 10_000;
  }

  /** Creates the `_jobs` collection (idempotent). */
  async prepare(): Promise<void> {
    await this.store.ensureCollection(JOBS_COLLECTION);
  }

  register<P, S extends Doc, R>(def: QueueDefinition<P, S, R>): void {
    if (this.queues.has(def.name)) throw new Error(`queue "${def.name}" is registered already`);
    this.queues.set(def.name, { def: def as AnyQueue, running: new Set() });
  }

  /** Adds a job for any worker to claim when due. Same queue + key again: the first job, unchanged. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one registry holds queues of every payload and state type (no existential types)
  async enqueue<P>(def: QueueDefinition<P, any, any>, payload: P, options: EnqueueOptions = {}): Promise<Job<P>> {
    const doc = newJob(
      def.name,
      payload,
      { ...options, maxAttempts: options.maxAttempts ?? def.maxAttempts ?? DEFAULT_MAX_ATTEMPTS },
      this.clock,
    );
    return (await insertJob(this.store, doc)).job;
  }

  /**
   * Creates the job already leased by this worker and runs it now (work that starts from a
   * request: the caller wants its id at once, and may await `done`). Counts against the queue's
   * concurrency (QueueFull when none is left). If this process dies, the lease runs out and the
   * job is retried elsewhere like any other, or dead-lettered once out of attempts.
   */
  async start<P, S extends Doc, R>(
    def: QueueDefinition<P, S, R>,
    payload: P,
    options: EnqueueOptions = {},
  ): Promise<{ job: Job<P, S>; done: Promise<R | undefined> }> {
    const q = this.slot(def.name);
    if (q.running.size >= (q.def.concurrency ?? 1)) throw new QueueFull(`queue "${def.name}" runs ${q.running.size} job(s) already`);
    const lease = { owner: this.owner, leaseUntil: iso(this.clock.now() + this.leaseMs) };
    const doc = newJob(
      def.name,
      payload,
      { ...options, maxAttempts: options.maxAttempts ?? def.maxAttempts ?? DEFAULT_MAX_ATTEMPTS },
      this.clock,
      lease,
    );
    const { job, created } = await insertJob(this.store, doc);
    if (!created) return { job, done: Promise.resolve(undefined) };
    return { job, done: this.track(q, this.env(), def, job) };
  }

  /**
   * Claims one queued job by id (due or not) and runs it here: work that a caller needs done
   * before it goes on (a publish cut short, finished by the next publish). null when the job is
   * not queued (another worker took it meanwhile).
   */
  async runNow<P, S extends Doc, R>(def: QueueDefinition<P, S, R>, id: string): Promise<{ done: Promise<R | undefined> } | null> {
    const q = this.slot(def.name);
    const now = this.clock.now();
    const [doc] = await this.store.collection(JOBS).claim({
      filter: { id, queue: def.name, status: 'queued' },
      limit: 1,
      patch: { status: 'running', owner: this.owner, leaseUntil: iso(now + this.leaseMs), attempts: { $inc: 1 }, startedAt: iso(now) },
    });
    return doc ? { done: this.track(q, this.env(), def, toJob(doc)) } : null;
  }

  /** The job's run in this worker, if it runs here now (resolves with its result). */
  runningHere<R = unknown>(id: string): Promise<R | undefined> | undefined {
    return this.here.get(id) as Promise<R | undefined> | undefined;
  }

  get<P = unknown, S = Doc>(id: string): Promise<Job<P, S> | null> {
    return getJob<P, S>(this.store, this.clock, id);
  }

  list(q: { queue?: string; status?: JobStatus; limit?: number } = {}): Promise<Job[]> {
    return listJobs(this.store, q);
  }

  deadLetters(queue?: string): Promise<Job[]> {
    return listJobs(this.store, { queue, status: 'dead' });
  }

  requeue(id: string): Promise<Job> {
    return requeueJob(this.store, this.clock, id);
  }

  /** A running job whose lease ran out is taken back now (true), as the reaper would. */
  reapIfExpired(id: string): Promise<boolean> {
    return reapIfExpired(this.store, this.clock, id, (queue) => this.queues.get(queue)?.def);
  }

  /** One reaper pass; returns how many jobs were taken back. */
  reap(): Promise<number> {
    return reapExpired(this.store, this.clock, (queue) => this.queues.get(queue)?.def);
  }

  /** One claim pass over the registered queues: fills free slots with due jobs. Returns how many started. */
  tick(): Promise<number> {
    // One pass at a time: two overlapping passes would both count the same free slots.
    const pass = this.lastTick.then(() => this.claimDue());
    this.lastTick = pass.catch(() => 0);
    return pass;
  }

  private async claimDue(): Promise<number> {
    if (this.stopping.signal.aborted) return 0;
    let started = 0;
    for (const q of this.queues.values()) {
      const free = (q.def.concurrency ?? 1) - q.running.size;
      if (free <= 0) continue;
      const now = this.clock.now();
      const docs = await this.store.collection(JOBS).claim({
        filter: { queue: q.def.name, status: 'queued', runAt: { $lte: iso(now) } },
        sort: [{ field: 'runAt', dir: 'asc' }],
        limit: free,
        patch: { status: 'running', owner: this.owner, leaseUntil: iso(now + this.leaseMs), attempts: { $inc: 1 }, startedAt: iso(now) },
      });
      for (const doc of docs) void this.track(q, this.env(), q.def, toJob(doc)).catch(() => undefined); // failures are on the job
      started += docs.length;
    }
    return started;
  }

  /** Starts polling (claims and reaping) until `stop`. */
  run(): void {
    if (this.timer) return;
    const pollMs = this.options.pollMs ?? 500;
    let lastReap = 0;
    let lastSweep = this.clock.now();
    const sweepMs = this.options.sweepExpiredMs ?? 600_000;
    const loop = async () => {
      if (this.ticking) return;
      this.ticking = true;
      try {
        if (this.clock.now() - lastReap >= this.leaseMs / 2) {
          lastReap = this.clock.now();
          await this.reap();
        }
        if (this.clock.now() - lastSweep >= sweepMs) {
          lastSweep = this.clock.now();
          await this.store.sweepExpired(new Date(this.clock.now()));
        }
        await this.tick();
      } catch {
        // the store may be busy or closing; the next poll tries again
      } finally {
        this.ticking = false;
      }
    };
    this.timer = setInterval(() => void loop(), pollMs);
    this.timer.unref?.();
  }

  /**
   * Graceful stop: no new claims, every handler's signal is aborted (it should stop after its
   * current step), and running jobs are awaited (at most `stopWaitMs`). A handler that stops by
   * throwing gives its job back without using an attempt; one still running when the wait ends
   * keeps its lease until it runs out, and is then reaped.
   */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.stopping.abort();
    const running = [...this.queues.values()].flatMap((q) => [...q.running]);
    let cap: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled(running), new Promise((r) => (cap = setTimeout(r, this.options.stopWaitMs ?? 10_000)))]);
    clearTimeout(cap);
  }

  get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  private slot(name: string) {
    const q = this.queues.get(name);
    if (!q) throw new Error(`queue "${name}" is not registered`);
    return q;
  }

  private env() {
    return { store: this.store, clock: this.clock, owner: this.owner, leaseMs: this.leaseMs, stopping: this.stopping.signal };
  }

  private track<R>(
    q: { running: Set<Promise<unknown>> },
    env: ReturnType<Jobs['env']>,
    def: AnyQueue,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one registry holds queues of every payload and state type (no existential types)
    job: Job<any, any>,
  ): Promise<R | undefined> {
    const p = runLeased(env, def, job) as Promise<R | undefined>;
    q.running.add(p);
    this.here.set(job.id, p);
    const forget = () => {
      q.running.delete(p);
      this.here.delete(job.id);
    };
    p.then(forget, forget);
    return p;
  }
}
