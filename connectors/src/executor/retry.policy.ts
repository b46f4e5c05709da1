/**
 * When to try a call again and how long to wait: 429, 502, 503, 504 and failures to reach the API,
 * with exponential backoff and full jitter, or the API's own Retry-After when it gives one.
 * A method that is not idempotent is retried only with an idempotency key: otherwise a retry
 * after a lost answer could create the order twice.
 */
const RETRY_STATUS = new Set([429, 502, 503, 504]);
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);
const RETRY_OUTBOUND = new Set(['NETWORK', 'CONNECT_TIMEOUT', 'DNS']);
/** The longest a call waits for an API that asked to be left alone; beyond it the caller is told. */
export const MAX_RETRY_WAIT_MS = 30_000;
const BASE_DELAY_MS = 200;

export function mayRetry(method: string, hasIdempotencyKey: boolean): boolean {
  return IDEMPOTENT.has(method) || hasIdempotencyKey;
}

export const retriableStatus = (status: number) => RETRY_STATUS.has(status);
export const retriableOutbound = (code: string) => RETRY_OUTBOUND.has(code);

/** Retry-After in milliseconds (seconds or an HTTP date), or undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const s = header.trim();
  if (/^\d+$/.test(s)) return Number(s) * 1000;
  const at = Date.parse(s);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Full jitter: uniformly in [0, base · 2^attempt], attempt counted from 0. */
export function backoffMs(attempt: number, random: () => number): number {
  return Math.round(random() * BASE_DELAY_MS * 2 ** Math.min(attempt, 8));
}
