/**
 * Time as the jobs module sees it. Leases, run-at times, backoff and retention all read this, so
 * a test can move time forward instead of waiting (ManualClock) and the queue stays deterministic.
 */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told to (tests). */
export class ManualClock implements Clock {
  constructor(private at = Date.now()) {}
  now(): number {
    return this.at;
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

export const iso = (ms: number): string => new Date(ms).toISOString();
