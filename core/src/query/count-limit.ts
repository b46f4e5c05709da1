import type { CountOptions } from '../store/store.port';
import { InvalidQueryError } from '../store/store.errors';

/** The validated `limit` of a count, or undefined for an exact count. */
export function countLimit(options?: CountOptions): number | undefined {
  const limit = options?.limit;
  if (limit === undefined) return undefined;
  if (!Number.isSafeInteger(limit) || limit < 1) throw new InvalidQueryError('count limit must be a positive integer', '/limit');
  return limit;
}
