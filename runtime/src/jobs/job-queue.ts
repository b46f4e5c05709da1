import type { Doc, Filter, Store } from '@tessera/core/store';
import { NotFoundError, UniqueViolationError } from '@tessera/core/store';
import type { Clock } from './clock';
import { iso } from './clock';
import { JOBS, keyedId, toJob } from './jobs.collection';
import type { EnqueueOptions, Job, JobStatus } from './jobs.types';

const QUEUE_NAME = /^[a-z][a-z0-9-]{0,62}$/;
export const DEFAULT_MAX_ATTEMPTS = 5;

/** The fields of a new job; `running` ones (started here) carry their lease already. */
export function newJob(
  queue: string,
  payload: unknown,
  o: EnqueueOptions & { maxAttempts: number },
  clock: Clock,
  lease?: { owner: string; leaseUntil: string },
): Doc {
  if (!QUEUE_NAME.test(queue)) throw new Error(`a queue name is lowercase letters, digits and hyphens, not "${queue}"`);
  if (o.key !== undefined && (typeof o.key !== 'string' || o.key.length < 1 || o.key.length > 200))
    throw new Error('an idempotency key has 1 to 200 characters');
  if (!Number.isInteger(o.maxAttempts) || o.maxAttempts < 1 || o.maxAttempts > 100)
    throw new Error('maxAttempts must be an integer from 1 to 100');
  const now = clock.now();
  return {
    ...(o.key !== undefined ? { id: keyedId(queue, o.key) } : {}),
    queue,
    payload: payload ?? null,
    key: o.key ?? null,
    runAt: iso(o.runAt ? o.runAt.getTime() : now),
    status: lease ? 'running' : 'queued',
    attempts: lease ? 1 : 0,
    maxAttempts: o.maxAttempts,
    owner: lease?.owner ?? null,
    leaseUntil: lease?.leaseUntil ?? null,
    progress: null,
    state: o.state ?? null,
    lastError: null,
    result: null,
    startedAt: lease ? iso(now) : null,
    finishedAt: null,
    expiresAt: null,
  };
}

/** Inserts the job; with an idempotency key already used, returns the existing job instead (`created: false`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one registry holds queues of every payload and state type (no existential types)
export async function insertJob(store: Store, doc: Doc): Promise<{ job: Job<any, any>; created: boolean }> {
  try {
    return { job: toJob(await store.collection(JOBS).insert(doc)), created: true };
  } catch (err) {
    if (!(err instanceof UniqueViolationError) || typeof doc.id !== 'string') throw err;
    const existing = await store.collection(JOBS).get(doc.id);
    if (!existing) throw err;
    return { job: toJob(existing), created: false };
  }
}

/** The job, unless it expired by the queue's clock (the store's TTL sweeps it later). */
export async function getJob<P = unknown, S = Doc>(store: Store, clock: Clock, id: string): Promise<Job<P, S> | null> {
  const doc = await store.collection(JOBS).get(id);
  if (!doc || (typeof doc.expiresAt === 'string' && doc.expiresAt <= iso(clock.now()))) return null;
  return toJob<P, S>(doc);
}

export async function listJobs(store: Store, q: { queue?: string; status?: JobStatus; limit?: number } = {}): Promise<Job[]> {
  const filter: Filter = {};
  if (q.queue) filter.queue = q.queue;
  if (q.status) filter.status = q.status;
  const page = await store.collection(JOBS).find({ filter, sort: [{ field: 'createdAt', dir: 'asc' }], limit: q.limit ?? 100 });
  return page.items.map((d) => toJob<unknown, Doc>(d));
}

/** A dead letter goes back to the queue with fresh attempts; its state (resume point) is kept. */
export async function requeueJob(store: Store, clock: Clock, id: string): Promise<Job> {
  const n = await store
    .collection(JOBS)
    .updateMany(
      { id, status: 'dead' },
      { status: 'queued', attempts: 0, runAt: iso(clock.now()), finishedAt: null, lastError: null, expiresAt: null },
    );
  if (n === 0) throw new NotFoundError(JOBS, id); // missing, or not a dead letter
  return (await getJob(store, clock, id))!;
}
