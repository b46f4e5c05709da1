import type { ChangeFeed } from '../platform/live/change-feed.port';
import type { CommitSubscriber } from './commit-subscribers';

/**
 * The live feed as a consumer of commits: each changed record goes to the feed's subscribers
 * (open tables, lists, kanbans) with the record as the API returns it. A publish's migration is
 * left out: the new version is published right after it and every open app reloads then, and a
 * backfill of a million records would otherwise flood every open page and the feed's history.
 *
 * `log` in the transaction is the feed's port (`ChangeFeed.log`): a feed shared by processes keeps
 * its sequence ids there; without it the SQLite feed appends each change in a transaction of its
 * own after the commit, which made a create take about twice as long. A feed that reads the
 * store's change log instead (the entries commit.ts appends) no longer needs it.
 */
export function liveSubscriber(feed: ChangeFeed): CommitSubscriber {
  return {
    async inTransaction(tx, batch) {
      if (batch.cause !== 'migration') await feed.log(tx, batch.changes);
    },
    async afterCommit(batch) {
      if (batch.cause === 'migration') return;
      const records = await batch.records();
      batch.changes.forEach((change, i) => feed.publish({ ...change, kind: 'change', record: records[i], definition: batch.definition }));
    },
  };
}
