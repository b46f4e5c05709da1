import type { Doc, Store, UpsertOptions, UpsertResult } from '@tessera/core/store';
import { UniqueViolationError } from '@tessera/core/store';
import { checkPatch, checkUpsertId } from './claim.validate';
import { applyPatch } from './patch.inc';
import { userFields } from './doc.prepare';

/**
 * `Collection.upsert` from the generic methods: in one transaction, `update` when `get` finds
 * the document, else `insert` `{ id, ...insert, ...patch }` (increments counted from 0). When a
 * concurrent upsert inserted the id first (adapters whose transactions are not serializable),
 * the insert's id clash is retried once as an update.
 */
export async function defaultUpsert(store: Store, collection: string, id: string, patch: Doc, options?: UpsertOptions): Promise<UpsertResult> {
  checkUpsertId(id);
  checkPatch(patch);
  const attempt = () => store.transaction(async (tx): Promise<UpsertResult> => {
    const c = tx.collection(collection);
    if (await c.get(id)) return { doc: await c.update(id, patch), created: false };
    const fields = applyPatch(userFields(options?.insert ?? {}), patch);
    return { doc: await c.insert({ ...fields, id }), created: true };
  });
  try {
    return await attempt();
  } catch (err) {
    if (err instanceof UniqueViolationError && err.fields.length === 1 && err.fields[0] === 'id') return attempt();
    throw err;
  }
}
