/** When a failed job runs again: exponential backoff with "full jitter", so retries of many jobs that failed together spread out. */
export interface BackoffOptions {
  /** Delay before the first retry, before jitter (default 1 s). */
  baseMs?: number;
  /** No retry waits longer than this (default 10 min). */
  maxMs?: number;
}

/** Delay after the `attempt`-th failed attempt (1-based): a random point in [d/2, d], d = min(max, base·2^(attempt-1)). */
export function backoffDelay(attempt: number, options: BackoffOptions = {}, random: () => number = Math.random): number {
  const base = options.baseMs ?? 1000;
  const max = options.maxMs ?? 10 * 60_000;
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  // Half fixed, half random: a retry never comes back sooner than half the nominal delay.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
