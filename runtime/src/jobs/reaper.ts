import type { Store } from '@tessera/core/store';
import { VersionConflictError, NotFoundError } from '@tessera/core/store';
import type { Clock } from './clock';
import { iso } from './clock';
import { JOBS, toJob } from './jobs.collection';
import { failurePatch } from './lease';
import { LeaseExpired, type QueueDefinition } from './jobs.types';

type DefOf = (queue: string) => Pick<QueueDefinition, 'backoff' | 'deadRetainMs' | 'retry'> | undefined;

/**
 * Takes back jobs whose lease expired: their worker died (on this host or another) or hung
 * longer than a lease. Nothing here knows about processes: a lease not renewed in time is the
 * only sign of death, which works the same across machines. Each take-back is conditional on
 * the version read, so a worker that renews at the same moment wins and keeps its job, and two
 * reapers never both act. The job counts the expired attempt: queued again after a backoff, or
 * a dead letter once its attempts are used up.
 */
export async function reapExpired(store: Store, clock: Clock, defOf: DefOf, limit = 100): Promise<number> {
  const expired = await store.collection(JOBS).find({ filter: { status: 'running', leaseUntil: { $lt: iso(clock.now()) } }, limit });
  let n = 0;
  for (const doc of expired.items) if (await reapDoc(store, clock, doc.id, doc.version, defOf(doc.queue as string))) n++;
  return n;
}

/** One job, if its lease expired (read-time checks: a reader need not wait for the next sweep). */
export async function reapIfExpired(store: Store, clock: Clock, id: string, defOf: DefOf): Promise<boolean> {
  const doc = await store.collection(JOBS).get(id);
  if (!doc || doc.status !== 'running' || (doc.leaseUntil as string) >= iso(clock.now())) return false;
  return reapDoc(store, clock, id, doc.version, defOf(doc.queue as string));
}

async function reapDoc(store: Store, clock: Clock, id: string, version: number, def: ReturnType<DefOf>): Promise<boolean> {
  const coll = store.collection(JOBS);
  const doc = await coll.get(id);
  if (!doc || doc.version !== version) return false;
  try {
    await coll.update(id, failurePatch(clock, toJob(doc), new LeaseExpired(), def), { expectedVersion: version });
    return true;
  } catch (err) {
    if (err instanceof VersionConflictError || err instanceof NotFoundError) return false;
    throw err;
  }
}
