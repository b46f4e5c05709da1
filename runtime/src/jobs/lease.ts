import type { Doc, Store } from '@tessera/core/store';
import { backoffDelay } from './backoff';
import type { Clock } from './clock';
import { iso } from './clock';
import { JOBS } from './jobs.collection';
import { LeaseLost, PermanentJobError, type Job, type QueueDefinition } from './jobs.types';

export const DEFAULT_RETAIN_MS = 60 * 60_000;

/**
 * A write that lands only while `owner` still holds the job's lease: the filter is the check, so
 * it is atomic (one `updateMany`), also inside a caller's transaction. Anything else throws
 * LeaseLost and, inside a transaction, rolls back the work it was meant to commit with.
 */
export async function writeHeld(store: Store, id: string, owner: string, patch: Doc): Promise<void> {
  const n = await store.collection(JOBS).updateMany({ id, owner, status: 'running' }, patch);
  if (n === 0) throw new LeaseLost(id);
}

export function leasePatch(clock: Clock, leaseMs: number): Doc {
  return { leaseUntil: iso(clock.now() + leaseMs) };
}

export async function completeHeld(
  store: Store,
  clock: Clock,
  job: Job,
  owner: string,
  result: unknown,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one registry holds queues of every payload and state type (no existential types)
  def: QueueDefinition<any, any, any>,
): Promise<void> {
  const now = clock.now();
  await writeHeld(store, job.id, owner, {
    status: 'done',
    owner: null,
    leaseUntil: null,
    result: result ?? null,
    finishedAt: iso(now),
    expiresAt: iso(now + (def.retainMs ?? DEFAULT_RETAIN_MS)),
  });
}

/** A failed attempt: retried after a backoff, or a dead letter once attempts are used up (or the error is permanent). */
export async function failHeld(
  store: Store,
  clock: Clock,
  job: Job,
  owner: string,
  err: unknown,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one registry holds queues of every payload and state type (no existential types)
  def: QueueDefinition<any, any, any>,
): Promise<void> {
  await writeHeld(store, job.id, owner, failurePatch(clock, job, err, def));
}

export function failurePatch(
  clock: Clock,
  job: Pick<Job, 'attempts' | 'maxAttempts'>,
  err: unknown,
  def?: Pick<QueueDefinition, 'backoff' | 'deadRetainMs' | 'retry'>,
): Doc {
  const now = clock.now();
  const lastError = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
  if (err instanceof PermanentJobError || job.attempts >= job.maxAttempts || def?.retry?.(err) === false) {
    const expiresAt = def?.deadRetainMs !== undefined ? iso(now + def.deadRetainMs) : null;
    return { status: 'dead', owner: null, leaseUntil: null, lastError, finishedAt: iso(now), expiresAt };
  }
  return { status: 'queued', owner: null, leaseUntil: null, lastError, runAt: iso(now + backoffDelay(job.attempts, def?.backoff)) };
}

/** Gives the job back untouched (graceful stop): queued, runnable now, this attempt not counted. */
export async function releaseHeld(store: Store, id: string, owner: string): Promise<void> {
  await writeHeld(store, id, owner, { status: 'queued', owner: null, leaseUntil: null, attempts: { $inc: -1 } });
}
