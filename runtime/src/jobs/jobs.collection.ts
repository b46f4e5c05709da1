import { createHash } from 'node:crypto';
import type { CollectionSpec, StoredDoc } from '@tessera/core/store';
import type { Job } from './jobs.types';

export const JOBS = '_jobs';

/** Claims filter on queue + status + runAt, the reaper on status + leaseUntil; done jobs expire. */
export const JOBS_COLLECTION: CollectionSpec = {
  name: JOBS,
  fields: [
    { name: 'queue', kind: 'string' },
    { name: 'status', kind: 'string' },
    { name: 'runAt', kind: 'date' },
    { name: 'leaseUntil', kind: 'date' },
    { name: 'expiresAt', kind: 'date', indexed: true },
  ],
  indexes: [{ fields: ['queue', 'status', 'runAt'] }, { fields: ['status', 'leaseUntil'] }],
  expireField: 'expiresAt',
};

/** A keyed job's id is derived from queue and key, so a second enqueue collides instead of duplicating. */
export function keyedId(queue: string, key: string): string {
  return `k${createHash('sha256').update(`${queue}\n${key}`).digest('hex').slice(0, 31)}`;
}

export function toJob<P, S>(doc: StoredDoc): Job<P, S> {
  const { version: _v, expiresAt: _e, ...job } = doc;
  return job as unknown as Job<P, S>;
}
