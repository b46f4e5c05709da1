import type { CollectionSpec, Store } from '@tessera/core/store';
import { Unavailable } from '../../domain-errors';

/**
 * The write gate (write-gate.ts) holds this process's writes while a publish moves data; these
 * fences tell every other process sharing the store. While a move runs, a record write to a
 * fenced entity from another process is refused (503, Retry-After) inside its own transaction,
 * so it can never land in the old shape on a record already moved (the move would drop it). The
 * fence stays `GRACE_MS` after the new version is recorded: long enough for every process to
 * read the new definition (apps.ts re-reads it every second), so nobody writes the old shape
 * after the move either. The process running the move is not refused: its own gate holds and
 * re-routes its writes. A move that failed half-way keeps its fence (as its gate stays shut)
 * until a publish finishes it.
 */
export const WRITE_FENCES = '_write_fences';

export const WRITE_FENCES_COLLECTION: CollectionSpec = {
  // id = app id: { jobId, owner (the process that moves), entities, releasedUntil }
  name: WRITE_FENCES,
  fields: [{ name: 'releasedUntil', kind: 'date' }],
  expireField: 'releasedUntil', // a released fence disappears by itself after its grace
};

const GRACE_MS = 5_000;

export async function raiseFence(store: Store, appId: string, jobId: string, owner: string, entities: Set<string>): Promise<void> {
  await store.collection(WRITE_FENCES).upsert(appId, { jobId, owner, entities: [...entities], releasedUntil: null });
}

/** After the version is recorded (grace: see above), or at once when a move failed before touching data. */
export async function releaseFence(store: Store, appId: string, jobId: string, graceMs = GRACE_MS): Promise<void> {
  const coll = store.collection(WRITE_FENCES);
  const fence = await coll.get(appId);
  if (fence?.jobId === jobId) await coll.update(appId, { releasedUntil: new Date(Date.now() + graceMs).toISOString() });
}

/** Inside a write's transaction: refuses it when another process is moving (or just moved) one of these entities. */
export async function checkFence(tx: Store, appId: string, entities: Iterable<string>, owner: string): Promise<void> {
  const fence = await tx.collection(WRITE_FENCES).get(appId);
  if (!fence || fence.owner === owner) return;
  const fenced = new Set(fence.entities as string[]);
  for (const entity of entities) {
    if (!fenced.has(entity)) continue;
    throw new Unavailable(`the data of "${entity}" is being moved by a publish on another server; try again shortly`, {
      details: { retryAfter: 2 },
    });
  }
}
