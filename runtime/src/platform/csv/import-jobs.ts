import { randomUUID } from 'node:crypto';

export interface ImportError {
  line: number;
  field?: string;
  message: string;
}

export interface ImportJob {
  id: string;
  appId: string;
  entity: string;
  userId: string;
  status: 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  created: number;
  failed: number;
  errors: ImportError[];
  /** Columns that were not imported (system and computed fields, e.g. from an export). */
  ignoredColumns: string[];
  startedAt: string;
  finishedAt: string | null;
}

export const MAX_REPORTED_ERRORS = 1000;
const TTL_MS = 60 * 60_000;

/**
 * Import jobs of this process, kept one hour after they finish. In memory on purpose: a job is
 * tied to the process that parses its upload; a restart loses running jobs (nothing half-written,
 * since every batch is a transaction), and the client sees 404 and can re-upload.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();

  constructor(private readonly ttlMs = TTL_MS) {}

  start(init: Pick<ImportJob, 'appId' | 'entity' | 'userId' | 'total' | 'ignoredColumns'>): ImportJob {
    this.sweep();
    const job: ImportJob = {
      id: randomUUID(), status: 'running', processed: 0, created: 0, failed: 0, errors: [], startedAt: new Date().toISOString(), finishedAt: null, ...init,
    };
    this.jobs.set(job.id, job);
    return job;
  }

  get(id: string): ImportJob | undefined {
    this.sweep();
    return this.jobs.get(id);
  }

  addError(job: ImportJob, error: ImportError): void {
    if (job.errors.length < MAX_REPORTED_ERRORS) job.errors.push(error);
  }

  finish(job: ImportJob, status: 'done' | 'failed'): void {
    job.status = status;
    job.finishedAt = new Date().toISOString();
  }

  private sweep(now = Date.now()): void {
    for (const [id, job] of this.jobs) {
      const since = Date.parse(job.finishedAt ?? job.startedAt);
      // Running jobs are kept far longer: a 50 MB import can take minutes on a busy store.
      if (now - since > (job.finishedAt ? this.ttlMs : 24 * this.ttlMs)) this.jobs.delete(id);
    }
  }
}
