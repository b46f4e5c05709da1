import type { Store, StoredDoc } from '@tessera/core/store';

/** Records per batch of a storage migration: one transaction each, then the event loop gets a turn. */
export const MIGRATION_BATCH = 500;

/** What one batch changed, for its audit entries, change records and the job's progress. */
export interface BatchChanges {
  /** Which step of the migration (a stable name: progress is counted per step, across resumed attempts). */
  step: string;
  /** The entity (id in the new definition) the records belong to after the batch. */
  entity: string;
  updated?: Array<{ before: StoredDoc; after: StoredDoc }>;
  /** Records moved to `entity` from `from` (an entity rename): same ids, versions and fields. */
  moved?: { from: string; docs: StoredDoc[] };
}

/**
 * How a migration's batches are committed: `commit` runs inside each batch's transaction, so
 * the batch, its audit entries and change records, and the job's progress (which also checks
 * that the job is still this worker's) commit together or not at all.
 */
export interface MigrationBatches {
  store: Store;
  commit(tx: Store, batch: BatchChanges): Promise<void>;
}

/** Between batches: requests waiting on the event loop are answered before the next batch runs. */
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
