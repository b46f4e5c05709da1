import type { CommittedBatch } from '../../records/commit-subscribers';
import type { ChangeFeed } from './change-feed.port';

/**
 * The live feed's commit subscriber: the changes this process just committed, with their records
 * as the writer's reply shows them (`batch.records()` is worked out once and shared with it), go
 * to the feed's `publish`. Without it every write would be read back from the change log and its
 * record worked out a second time. A migration's changes are not delivered (open apps reload on
 * the published version instead). If the records cannot be worked out, nothing is published and
 * the feed delivers the changes from the log after its grace period.
 */
export async function publishCommitted(feed: ChangeFeed, batch: CommittedBatch): Promise<void> {
  if (batch.cause === 'migration') return;
  const records = await batch.records();
  batch.changes.forEach((change, i) => feed.publish({ ...change, record: records[i], kind: 'change', definition: batch.definition }));
}
