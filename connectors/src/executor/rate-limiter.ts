/**
 * Spaces calls per connection to stay under the manifest's rate limit (`requests` per
 * `perSeconds`): each call reserves the next free slot, so concurrent callers queue rather than
 * burst. Kept in memory per process: a limit is the API's, several processes share it roughly.
 */
import type { CallPolicy } from '@tessera/core';

export class RateLimiter {
  private readonly next = new Map<string, number>();

  /** Milliseconds to wait before this call may go (0 when no limit or a free slot). */
  reserve(key: string, limit: CallPolicy['rateLimit'], now: number): number {
    if (!limit) return 0;
    const interval = (limit.perSeconds * 1000) / limit.requests;
    const slot = Math.max(now, this.next.get(key) ?? 0);
    this.next.set(key, slot + interval);
    if (this.next.size > 10_000) this.next.delete(this.next.keys().next().value as string);
    return slot - now;
  }
}
