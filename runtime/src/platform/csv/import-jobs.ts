import { randomUUID } from 'node:crypto';
import type { Store } from '@tessera/core/store';
import { Jobs, LeaseLost, PermanentJobError, type Job, type JobContext, type QueueDefinition } from '../../jobs';

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

export const MAX_REPORTED_ERRORS = 1000;
const HOUR = 60 * 60_000;

/** The job is no longer running (its lease was taken back as its runner's, or it expired): its runner must stop writing. */
export class ImportStopped extends Error {}

/** The report is the job's state; the job's own id, status and lease say whether it still runs. */
type Report = Omit<ImportJob, 'id'>;

/**
 * CSV imports as jobs of the `csv-import` queue (runtime/src/jobs), so that any runtime process
 * sharing the store can report on them and a restart does not lose them. The rows exist only in
 * the memory of the process that received the file, so a job runs once (maxAttempts 1) where it
 * was started: if that process dies, its lease runs out and the job becomes a dead letter, which
 * is reported `interrupted` with its last committed progress (each batch commits with it). Jobs
 * are kept one hour after they end.
 */
export class ImportJobs {
  /** Runs started here and not yet claimed by their handler, by idempotency key. */
  private readonly starting = new Map<string, (run: ImportRun) => void>();

  readonly queue: QueueDefinition<null, Report, null> = {
    name: 'csv-import',
    concurrency: 8,
    maxAttempts: 1,
    retainMs: HOUR,
    deadRetainMs: HOUR,
    handle: async (ctx) => {
      const hand = ctx.job.key ? this.starting.get(ctx.job.key) : undefined;
      // A re-queued import elsewhere: its rows were never stored.
      if (!hand) throw new PermanentJobError('the CSV of this import is not kept; import the file again');
      this.starting.delete(ctx.job.key!);
      const run = new ImportRun(ctx, () => this.jobs.clock.now());
      hand(run);
      await run.ended;
      return null;
    },
  };

  constructor(readonly jobs: Jobs) {
    jobs.register(this.queue);
  }

  get store(): Store {
    return this.jobs.store;
  }

  async start(init: Pick<ImportJob, 'appId' | 'entity' | 'userId' | 'total' | 'ignoredColumns'>): Promise<ImportRun> {
    const key = randomUUID();
    const report: Report = {
      status: 'running',
      processed: 0,
      created: 0,
      failed: 0,
      errors: [],
      lastLine: 1,
      startedAt: new Date(this.jobs.clock.now()).toISOString(),
      finishedAt: null,
      ...init,
    };
    const handed = new Promise<ImportRun>((resolve) => this.starting.set(key, resolve));
    try {
      await this.jobs.start(this.queue, null, { key, state: report, maxAttempts: 1 });
    } catch (err) {
      this.starting.delete(key);
      throw err;
    }
    return handed;
  }

  /** The job as any process sees it; a running job whose lease ran out (its runner died) becomes `interrupted`. */
  async get(id: string): Promise<ImportJob | undefined> {
    let job = await this.jobs.get<null, Report>(id);
    if (job?.status === 'running' && (await this.jobs.reapIfExpired(id))) job = await this.jobs.get<null, Report>(id);
    if (!job || job.queue !== this.queue.name || !job.state) return undefined;
    return toImportJob(job);
  }
}

function toImportJob(job: Job<null, Report>): ImportJob {
  const report = job.state!;
  if (job.status === 'dead') return { ...report, id: job.id, status: 'interrupted', finishedAt: report.finishedAt ?? job.finishedAt };
  return { ...report, id: job.id, status: job.status === 'done' ? report.status : 'running' };
}

/** One job being run by this process: the report so far and its writes to the store. */
export class ImportRun {
  /** Resolves when the run has written its final state. */
  readonly ended: Promise<void>;
  readonly job: ImportJob;
  private resolveEnded!: () => void;

  constructor(
    private readonly ctx: JobContext<null, Report>,
    private readonly now: () => number,
  ) {
    this.ended = new Promise((resolve) => (this.resolveEnded = resolve));
    this.job = { ...ctx.job.state!, id: ctx.job.id };
  }

  /** A graceful shutdown asked this process's imports to stop after the current batch. */
  get stopRequested(): boolean {
    return this.ctx.signal.aborted;
  }

  addError(error: ImportError): void {
    if (this.job.errors.length < MAX_REPORTED_ERRORS) this.job.errors.push(error);
  }

  /**
   * Writes progress inside `tx`, the transaction that commits the batch: both or neither. Throws
   * ImportStopped (rolling the batch back) when the job is no longer this runner's running job.
   */
  async commit(tx: Store, p: ImportProgress): Promise<void> {
    this.job.errors.sort((a, b) => a.line - b.line); // a batch finds row problems before conflicts: report in file order
    await this.write({ ...this.job, ...p, failed: p.processed - p.created }, tx);
  }

  /** After the commit: the in-memory report follows what is stored. */
  apply(p: ImportProgress): void {
    Object.assign(this.job, p, { failed: p.processed - p.created });
  }

  /** Progress of a batch that inserted nothing (every row failed): its own small transaction. */
  async save(p: ImportProgress): Promise<void> {
    this.job.errors.sort((a, b) => a.line - b.line);
    await this.write({ ...this.job, ...p, failed: p.processed - p.created });
    this.apply(p);
  }

  /** The final state; `failed` counts every row not created when the job could not finish. */
  async finish(status: Exclude<ImportStatus, 'running'>): Promise<void> {
    try {
      const failed = status === 'failed' ? this.job.total - this.job.created : this.job.processed - this.job.created;
      Object.assign(this.job, { status, failed, finishedAt: new Date(this.now()).toISOString() });
      await this.write(this.job);
    } catch (err) {
      if (!(err instanceof ImportStopped)) throw err;
    } finally {
      this.resolveEnded();
    }
  }

  private async write(job: ImportJob, tx?: Store): Promise<void> {
    const { id: _id, ...report } = job;
    try {
      await this.ctx.save(report, { tx, progress: { processed: job.processed, total: job.total } });
    } catch (err) {
      if (err instanceof LeaseLost) throw new ImportStopped(err.message);
      throw err;
    }
  }
}
