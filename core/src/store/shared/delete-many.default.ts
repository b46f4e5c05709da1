import type { Filter, Store } from '../store.port';
import { matchingIds } from './ids.collect';
import { checkFilter } from './write.validate';

/** `Collection.deleteMany` from the generic methods: one transaction, ids collected, then deleted one by one. */
export async function defaultDeleteMany(store: Store, collection: string, filter: Filter): Promise<number> {
  checkFilter(filter, 'deleteMany');
  return store.transaction(async (tx) => {
    const c = tx.collection(collection);
    const ids = await matchingIds(c, filter);
    for (const id of ids) await c.delete(id);
    return ids.length;
  });
}
