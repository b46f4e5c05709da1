/**
 * Slows password guessing: after 5 failures for one (ip, email) the next attempt must wait,
 * doubling up to 15 minutes. In memory, per process: enough for one instance; a shared limiter
 * belongs in the store once several instances serve one domain.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(
    private readonly free = 5,
    private readonly maxWaitMs = 15 * 60_000,
  ) {}

  /** Milliseconds to wait before another attempt is allowed (0 = go ahead). */
  check(key: string, now = Date.now()): number {
    const f = this.failures.get(key);
    return f && f.until > now ? f.until - now : 0;
  }

  fail(key: string, now = Date.now()): void {
    const f = this.failures.get(key) ?? { count: 0, until: 0 };
    f.count += 1;
    if (f.count > this.free) f.until = now + Math.min(this.maxWaitMs, 1000 * 2 ** (f.count - this.free));
    if (this.failures.size > 100_000) this.failures.clear();
    this.failures.set(key, f);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }
}
