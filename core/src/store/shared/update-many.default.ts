import type { Doc, Filter, Store } from '../store.port';
import { checkFilter, checkPatch } from './write.validate';
import { matchingIds } from './ids.collect';

/**
 * `Collection.updateMany` from the generic methods (Payload's defaultUpdateJobs pattern): in one
 * transaction, collect the matching ids, then `update` each (which applies `$inc`). As atomic as
 * the adapter's transactions are; adapters with a single-statement form override it.
 */
export async function defaultUpdateMany(store: Store, collection: string, filter: Filter, patch: Doc): Promise<number> {
  checkFilter(filter, 'updateMany');
  checkPatch(patch);
  return store.transaction(async (tx) => {
    const c = tx.collection(collection);
    const ids = await matchingIds(c, filter);
    for (const id of ids) await c.update(id, patch);
    return ids.length;
  });
}
