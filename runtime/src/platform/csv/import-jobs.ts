import { randomUUID } from 'node:crypto';
import type { Store } from '@tessera/core/store';
import { dropImportFile, loadImportFile, saveImportFile } from './import-files';
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

/** This process is stopping: the import stops after its current batch and is resumed by the next worker. */
export class ImportPaused extends Error {}

/** The report is the job's state; the job's own id, status and lease say whether it still runs. */
type Report = Omit<ImportJob, 'id'>;

/** A job's payload: where its CSV is kept (import-files.ts). */
export interface ImportPayload {
  file: string;
}

/**
 * Runs (or resumes: `run.job.processed` rows are already handled) one import of `csv`. `held`:
 * the write-gate place of the request that started it, when it runs in that process; the runner
 * leaves it when done, or takes its own place when resuming. Ends the job with `run.finish`, or
 * throws ImportPaused to give it back.
 */
export type ImportRunner = (run: ImportRun, csv: string, held: (() => void) | null) => Promise<void>;

/**
 * CSV imports as jobs of the `csv-import` queue (runtime/src/jobs), so that any runtime process
 * sharing the store can report on them and none is lost with the process that received it: the
 * CSV is kept in the store until the job ends (import-files.ts) and every batch commits with the
 * job's progress, so when that process dies (its lease runs out) or stops, another worker (or
 * the same process after its restart) resumes the import after the last committed row. After
 * three attempts that did not end (a file that kills its runner each time) the job is a dead
 * letter, reported `interrupted` with its last committed progress. Jobs are kept one hour after
 * they end.
 */
export class ImportJobs {
  /** Files of runs started here and not yet claimed by their handler, by idempotency key (no need to read them back). */
  private readonly starting = new Map<string, { csv: string; leave: (() => void) | null }>();

  readonly queue: QueueDefinition<ImportPayload, Report, null> = {
    name: 'csv-import',
    concurrency: 8,
    maxAttempts: 3,
    backoff: { baseMs: 1000 },
    retainMs: HOUR,
    deadRetainMs: HOUR,
    handle: async (ctx) => {
      const here = ctx.job.key ? this.starting.get(ctx.job.key) : undefined;
      if (here) this.starting.delete(ctx.job.key!);
      const csv = here?.csv ?? (await loadImportFile(this.store, ctx.job.payload.file));
      if (csv === null) throw new PermanentJobError('the CSV of this import is no longer kept; import the file again');
      const run = new ImportRun(ctx, () => this.jobs.clock.now());
      await this.runner(run, csv, here?.leave ?? null);
      // Ended (done, failed, or taken for dead): the file is not needed again. A pause threw above and keeps it.
      await dropImportFile(this.store, ctx.job.payload.file).catch(() => undefined);
      return null;
    },
  };

  constructor(
    readonly jobs: Jobs,
    private readonly runner: ImportRunner,
  ) {
    jobs.register(this.queue);
  }

  get store(): Store {
    return this.jobs.store;
  }

  /**
   * Keeps the file, then starts the job in this process. `leave`: the request's write-gate place,
   * handed to the runner. Resolves with the job's id once both are stored (the import is then
   * acknowledged: it runs to its end here or elsewhere).
   */
  async start(
    init: Pick<ImportJob, 'appId' | 'entity' | 'userId' | 'total' | 'ignoredColumns'>,
    csv: string,
    leave: (() => void) | null = null,
  ): Promise<string> {
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
    await saveImportFile(this.store, key, csv, this.jobs.clock.now());
    this.starting.set(key, { csv, leave });
    try {
      const { job } = await this.jobs.start(this.queue, { file: key }, { key, state: report });
      return job.id;
    } catch (err) {
      this.starting.delete(key);
      await dropImportFile(this.store, key).catch(() => undefined);
      throw err;
    }
  }

  /** The job as any process sees it; a running job whose lease ran out (its runner died) is given to the next worker, or becomes `interrupted` when out of attempts. */
  async get(id: string): Promise<ImportJob | undefined> {
    let job = await this.jobs.get<ImportPayload, Report>(id);
    if (job?.status === 'running' && (await this.jobs.reapIfExpired(id))) job = await this.jobs.get<ImportPayload, Report>(id);
    if (!job || job.queue !== this.queue.name || !job.state) return undefined;
    return toImportJob(job);
  }
}

function toImportJob(job: Job<ImportPayload, Report>): ImportJob {
  const report = job.state!;
  if (job.status === 'dead') return { ...report, id: job.id, status: 'interrupted', finishedAt: report.finishedAt ?? job.finishedAt };
  return { ...report, id: job.id, status: job.status === 'done' ? report.status : 'running' };
}

/** One job being run by this process: the report so far and its writes to the store. */
export class ImportRun {
  readonly job: ImportJob;

  constructor(
    private readonly ctx: JobContext<ImportPayload, Report>,
    private readonly now: () => number,
  ) {
    this.job = { ...ctx.job.state!, id: ctx.job.id };
  }

  /** A graceful shutdown asked this process's imports to stop after the current batch (or the job is no longer this runner's). */
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
