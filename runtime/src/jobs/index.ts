export { Jobs, QueueFull, type JobsOptions } from './jobs';
export { ManualClock, systemClock, type Clock } from './clock';
export { backoffDelay, type BackoffOptions } from './backoff';
export { JOBS, JOBS_COLLECTION } from './jobs.collection';
export {
  LeaseExpired,
  LeaseLost,
  PermanentJobError,
  type EnqueueOptions,
  type Job,
  type JobContext,
  type JobProgress,
  type JobStatus,
  type QueueDefinition,
} from './jobs.types';
