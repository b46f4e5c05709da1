import type { Store } from '@tessera/core/store';
import type { RecordWrites } from '../../records/commit';

/** Records per batch of a storage migration: one transaction each, then the event loop gets a turn. */
export const MIGRATION_BATCH = 500;

/**
 * How a storage migration writes: each batch is one commit of the write pipeline
 * (records/commit.ts: the records, their audit entries and change log entries) that also carries
 * the publish job's progress (which checks the job is still this worker's), so all of it commits
 * or none; between batches the event loop answers other requests.
 */
export interface MigrationBatches {
  store: Store;
  /** One batch handling `records` records (for progress) through `write`. */
  batch<T>(records: number, write: (w: RecordWrites) => Promise<T>): Promise<T>;
}

/** Between batches: requests waiting on the event loop are answered before the next batch runs. */
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
