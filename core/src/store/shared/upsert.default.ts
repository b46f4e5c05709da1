import type { Doc, Store, UpsertOptions, UpsertResult } from '../store.port';
import { UniqueViolationError } from '../store.errors';
import { checkPatch, checkUpsertId } from './write.validate';
import { applyPatch } from './patch.inc';
import { userFields } from './doc.prepare';

/**
 * `Collection.upsert` from the generic methods: in one transaction, `update` when `get` finds
 * the document, else `insert` `{ id, ...insert, ...patch }` (increments counted from 0). An id
 * clash on the insert is retried once: either a concurrent upsert inserted it first (adapters
 * whose transactions are not serializable), then it is an update now, or the id belongs to an
 * expired document reads no longer show, then the retry sweeps expired documents first.
 */
export async function defaultUpsert(
  store: Store,
  collection: string,
  id: string,
  patch: Doc,
  options?: UpsertOptions,
): Promise<UpsertResult> {
  checkUpsertId(id);
  checkPatch(patch);
  const attempt = (retry: boolean) =>
    store.transaction(async (tx): Promise<UpsertResult> => {
      const c = tx.collection(collection);
      if (await c.get(id)) return { doc: await c.update(id, patch), created: false };
      if (retry) await tx.sweepExpired();
      const fields = applyPatch(userFields(options?.insert ?? {}), patch);
      return { doc: await c.insert({ ...fields, id }), created: true };
    });
  try {
    return await attempt(false);
  } catch (err) {
    if (err instanceof UniqueViolationError && err.fields.length === 1 && err.fields[0] === 'id') return attempt(true);
    throw err;
  }
}
