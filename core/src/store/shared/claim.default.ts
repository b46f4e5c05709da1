import type { ClaimOptions, Store, StoredDoc } from '../store.port';
import { checkClaim } from './write.validate';

/**
 * `Collection.claim` from the generic methods: in one transaction, `find` the first `limit`
 * matching documents and `update` each with `expectedVersion`, so a document another claimer
 * changed meanwhile fails the transaction instead of being taken twice (on adapters whose
 * transactions are not serializable; the overrides do it in one atomic step).
 */
export async function defaultClaim(store: Store, collection: string, options: ClaimOptions): Promise<StoredDoc[]> {
  checkClaim(options);
  return store.transaction(async (tx) => {
    const c = tx.collection(collection);
    const page = await c.find({ filter: options.filter, sort: options.sort, limit: options.limit });
    const out: StoredDoc[] = [];
    for (const d of page.items) out.push(await c.update(d.id, options.patch, { expectedVersion: d.version }));
    return out;
  });
}
