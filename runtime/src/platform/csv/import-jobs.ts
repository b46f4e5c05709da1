import os from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Store, StoredDoc } from '@tessera/core/store';
import { NotFoundError, VersionConflictError } from '@tessera/core/store';
import { IMPORTS } from '../platform-collections';

export type ImportStatus = 'running' | 'done' | 'failed' | 'interrupted';

/** One problem of the report: where, which rule (for the user's language) and the English sentence (for API users). */
export interface ImportError {
  /** CSV line the row starts on; 0 for the file as a whole. */
  line: number;
  field?: string;
  /** A `validation.<code>` of the renderer's texts: schemas' `issueCode` codes plus the import's own (see csv-import.ts). */
  code: string;
  params?: Record<string, string | number>;
  message: string;
}

export interface ImportJob {
  id: string;
  appId: string;
  entity: string;
  userId: string;
  status: ImportStatus;
  total: number;
  /** Rows handled (created or reported) in committed batches. */
  processed: number;
  created: number;
  failed: number;
  errors: ImportError[];
  /** Columns that were not imported (system and computed fields, e.g. from an export). */
  ignoredColumns: string[];
  /** CSV line of the last row handled: every row up to it is committed or reported, none after it is. */
  lastLine: number;
  startedAt: string;
  finishedAt: string | null;
}

export interface ImportProgress {
  processed: number;
  created: number;
  lastLine: number;
}

/** Who works on a job: one runner per ImportJobs, i.e. per runtime process. */
interface Runner {
  id: string;
  host: string;
  pid: number;
}

export const MAX_REPORTED_ERRORS = 1000;
const TTL_MS = 60 * 60_000;
/** A runner on another machine that wrote no progress for this long is taken for dead (a batch takes seconds). */
const STALE_MS = 5 * 60_000;
const SWEEP_EVERY_MS = 60_000;
const CLOSE_WAIT_MS = 10_000;

/** Runners alive in this process: tests run several platforms in one process. */
const LIVE_RUNNERS = new Set<string>();

/** The job is no longer running (marked interrupted by a reader, or expired): its runner must stop writing. */
export class ImportStopped extends Error {}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const STORED_ONLY = ['runner', 'expiresAt', 'version', 'createdAt', 'updatedAt'];
function toJob(doc: StoredDoc): ImportJob {
  const out = { ...doc } as Record<string, unknown>;
  for (const key of STORED_ONLY) delete out[key];
  return out as unknown as ImportJob;
}

/**
 * Import jobs, kept in the store (`_imports`) so that any runtime process sharing it can report
 * on them, and a restart does not lose them. Progress is written once per batch, in the batch's
 * own transaction: what a job reports as created is exactly what is committed. A job whose
 * process died while running is reported `interrupted` (its last committed progress stands).
 * Jobs are kept one hour after they end; a running one at most a day.
 */
export class ImportJobs {
  readonly runner: Runner = { id: randomUUID(), host: os.hostname(), pid: process.pid };
  private readonly active = new Map<string, ImportRun>();
  private lastSweep = 0;
  private closing = false;

  constructor(
    readonly store: Store,
    private readonly options: { ttlMs?: number; staleMs?: number; now?: () => number } = {},
  ) {
    LIVE_RUNNERS.add(this.runner.id);
  }

  now(): number {
    return this.options.now?.() ?? Date.now();
  }

  expiry(from: number, running: boolean): string {
    const ttl = this.options.ttlMs ?? TTL_MS;
    // Running jobs are kept far longer: a 50 MB import can take minutes on a busy store.
    return new Date(from + (running ? 24 * ttl : ttl)).toISOString();
  }

  get stopping(): boolean {
    return this.closing;
  }

  async start(init: Pick<ImportJob, 'appId' | 'entity' | 'userId' | 'total' | 'ignoredColumns'>): Promise<ImportRun> {
    await this.sweep();
    const now = this.now();
    const job: ImportJob = {
      id: randomUUID(), status: 'running', processed: 0, created: 0, failed: 0, errors: [], lastLine: 1,
      startedAt: new Date(now).toISOString(), finishedAt: null, ...init,
    };
    await this.store.collection(IMPORTS).insert({ ...job, runner: this.runner, expiresAt: this.expiry(now, true) });
    const run = new ImportRun(this, job);
    this.active.set(job.id, run);
    return run;
  }

  /** The job as any process sees it; a running job whose runner is gone becomes `interrupted`. */
  async get(id: string): Promise<ImportJob | undefined> {
    await this.sweep();
    const doc = await this.store.collection(IMPORTS).get(id);
    if (!doc || (doc.expiresAt as string) < new Date(this.now()).toISOString()) return undefined;
    if (doc.status === 'running' && !this.runnerAlive(doc)) return this.markInterrupted(doc);
    return toJob(doc);
  }

  /**
   * Stops this process's imports after their current batch (each ends `interrupted`), for a
   * graceful shutdown. Waits at most `CLOSE_WAIT_MS`: a job left running is reported interrupted
   * by the next reader anyway, since its runner is gone.
   */
  async close(): Promise<void> {
    this.closing = true;
    let timer: NodeJS.Timeout | undefined;
    const cap = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)));
    await Promise.race([Promise.all([...this.active.values()].map((run) => run.ended)), cap]);
    clearTimeout(timer);
    LIVE_RUNNERS.delete(this.runner.id);
  }

  ended(run: ImportRun): void {
    this.active.delete(run.job.id);
  }

  private runnerAlive(doc: StoredDoc): boolean {
    const runner = doc.runner as Runner;
    if (runner.id === this.runner.id) return this.active.has(doc.id);
    if (this.now() - Date.parse(doc.updatedAt) > (this.options.staleMs ?? STALE_MS)) return false;
    if (runner.host !== this.runner.host) return true; // another machine: only silence tells
    if (runner.pid === process.pid) return LIVE_RUNNERS.has(runner.id);
    return pidAlive(runner.pid);
  }

  private async markInterrupted(doc: StoredDoc): Promise<ImportJob | undefined> {
    const now = this.now();
    try {
      // Conditional on the version read: if the runner wrote progress meanwhile, it is alive after all.
      const updated = await this.store.collection(IMPORTS).update(doc.id, { status: 'interrupted', finishedAt: new Date(now).toISOString(), expiresAt: this.expiry(now, false) }, { expectedVersion: doc.version });
      return toJob(updated);
    } catch (err) {
      if (err instanceof VersionConflictError) return this.get(doc.id);
      if (err instanceof NotFoundError) return undefined;
      throw err;
    }
  }

  private async sweep(): Promise<void> {
    const now = this.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    const coll = this.store.collection(IMPORTS);
    const old = await coll.find({ filter: { expiresAt: { $lt: new Date(now).toISOString() } }, limit: 1000 });
    for (const doc of old.items) await coll.delete(doc.id).catch(() => undefined); // another process may sweep too
  }
}

/** One job being run by this process: the report so far and its writes to the store. */
export class ImportRun {
  /** Resolves when the run has written its final state. */
  readonly ended: Promise<void>;
  private resolveEnded!: () => void;

  constructor(
    private readonly jobs: ImportJobs,
    readonly job: ImportJob,
  ) {
    this.ended = new Promise((resolve) => (this.resolveEnded = resolve));
  }

  /** A graceful shutdown asked this process's imports to stop after the current batch. */
  get stopRequested(): boolean {
    return this.jobs.stopping;
  }

  addError(error: ImportError): void {
    if (this.job.errors.length < MAX_REPORTED_ERRORS) this.job.errors.push(error);
  }

  /**
   * Writes progress inside `tx`, the transaction that commits the batch: both or neither. Throws
   * ImportStopped (rolling the batch back) when the job is no longer this runner's running job.
   */
  async commit(tx: Store, p: ImportProgress): Promise<void> {
    const coll = tx.collection(IMPORTS);
    const current = await coll.get(this.job.id);
    if (!current || current.status !== 'running' || (current.runner as Runner).id !== this.jobs.runner.id) throw new ImportStopped();
    this.job.errors.sort((a, b) => a.line - b.line); // a batch finds row problems before conflicts: report in file order
    await coll.update(this.job.id, { ...p, failed: p.processed - p.created, errors: this.job.errors });
  }

  /** After the commit: the in-memory report follows what is stored. */
  apply(p: ImportProgress): void {
    Object.assign(this.job, p, { failed: p.processed - p.created });
  }

  /** Progress of a batch that inserted nothing (every row failed): its own small transaction. */
  async save(p: ImportProgress): Promise<void> {
    await this.jobs.store.transaction((tx) => this.commit(tx, p));
    this.apply(p);
  }

  /** The final state; `failed` counts every row not created when the job could not finish. */
  async finish(status: Exclude<ImportStatus, 'running'>): Promise<void> {
    try {
      const now = this.jobs.now();
      const failed = status === 'failed' ? this.job.total - this.job.created : this.job.processed - this.job.created;
      Object.assign(this.job, { status, failed, finishedAt: new Date(now).toISOString() });
      await this.jobs.store.transaction(async (tx) => {
        await this.commit(tx, { processed: this.job.processed, created: this.job.created, lastLine: this.job.lastLine });
        await tx.collection(IMPORTS).update(this.job.id, { status, failed, finishedAt: this.job.finishedAt, expiresAt: this.jobs.expiry(now, false) });
      });
    } catch (err) {
      if (!(err instanceof ImportStopped)) throw err;
    } finally {
      this.jobs.ended(this);
      this.resolveEnded();
    }
  }
}
