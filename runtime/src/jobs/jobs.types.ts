import type { Doc, Store } from '@tessera/core/store';
import type { BackoffOptions } from './backoff';

/**
 * queued: waiting for its run-at time and a free worker; running: leased by one worker;
 * done: finished (kept for `retainMs`, then expired); dead: failed `maxAttempts` times or given
 * up, kept until re-queued (a dead letter).
 */
export type JobStatus = 'queued' | 'running' | 'done' | 'dead';

export interface JobProgress {
  processed: number;
  total: number;
}

/** A job as stored in `_jobs` and as every process sharing the store sees it. */
export interface Job<P = unknown, S = Doc> {
  id: string;
  queue: string;
  status: JobStatus;
  payload: P;
  /** Idempotency key: enqueueing the same key on the same queue again returns the first job. */
  key: string | null;
  /** ISO time before which the job is not claimed (timers, retry backoff). */
  runAt: string;
  /** Attempts started so far (a claim counts one). */
  attempts: number;
  maxAttempts: number;
  /** The worker holding the lease, and until when; null unless running. */
  owner: string | null;
  leaseUntil: string | null;
  progress: JobProgress | null;
  /** What the handler chose to keep on the job (a report, a resume point); survives retries. */
  state: S | null;
  lastError: string | null;
  result: unknown;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface EnqueueOptions {
  /** Not before this time (a timer). Default: now. */
  runAt?: Date;
  /** Idempotency key (1..200 characters): one job per key and queue. */
  key?: string;
  /** Default: the queue's, else 5. */
  maxAttempts?: number;
  /** Initial handler state. */
  state?: Doc;
}

/** What a handler gets: its job, and writes that succeed only while it still holds the lease. */
export interface JobContext<P = unknown, S = Doc> {
  readonly job: Job<P, S>;
  /** Extends the lease (the worker also does this on a timer while the handler runs). */
  heartbeat(): Promise<void>;
  /** Progress for long work; inside `tx` it commits with the work it reports. */
  progress(p: JobProgress, tx?: Store): Promise<void>;
  /** Replaces the handler's state on the job (and extends the lease), with progress if given; inside `tx` it commits with it. */
  save(state: S, options?: { tx?: Store; progress?: JobProgress }): Promise<void>;
  /** Aborted when the worker stops (graceful stop) or the lease was lost: stop after the current step. */
  readonly signal: AbortSignal;
}

/** A queue's handler and its limits, registered with `Jobs.register`. */
export interface QueueDefinition<P = unknown, S = Doc, R = unknown> {
  name: string;
  handle(ctx: JobContext<P, S>): Promise<R>;
  /** At most this many jobs of the queue at once in one worker (default 1). */
  concurrency?: number;
  maxAttempts?: number;
  backoff?: BackoffOptions;
  /** How long done jobs are kept (default 1 h). */
  retainMs?: number;
  /** How long dead letters are kept (default: until re-queued or removed). */
  deadRetainMs?: number;
  /** Whether a failed attempt is tried again (while attempts are left). Default: unless PermanentJobError. */
  retry?: (err: unknown) => boolean;
}

/** Thrown by a lease-checked write when the job is no longer this worker's running job (reaped, re-queued). */
export class LeaseLost extends Error {
  constructor(readonly jobId: string) {
    super(`job ${jobId} is no longer held by this worker`);
  }
}

/** The failure the reaper records for a job whose worker stopped renewing its lease (it died or hung). */
export class LeaseExpired extends Error {
  constructor() {
    super('the lease expired: the worker stopped or hung');
  }
}

/** Thrown by a handler to fail without retries (straight to the dead letters). */
export class PermanentJobError extends Error {}
