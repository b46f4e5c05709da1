import type { Change } from './change-feed.port';

/**
 * The last `capacity` changes (all apps) for Last-Event-ID replay. Sequence ids only have to
 * increase: the shared feeds skip ids (changes this process dropped, other seconds' ranges). The
 * history is complete after `floor`: every change with a larger id up to `last` is here.
 */
export class ChangeHistory {
  private readonly ring: Array<Change | undefined>;
  private start = 0;
  private count = 0;

  constructor(
    private readonly capacity: number,
    /** Nothing before this id can be replayed (the feed's start, or what was evicted or lost). */
    public floor: number,
    public last = floor,
  ) {
    this.ring = new Array(capacity);
  }

  push(change: Change): void {
    if (this.count === this.capacity) {
      this.floor = this.at(0).seq; // evicted: replays must start after it
      this.ring[this.start] = undefined;
      this.start = (this.start + 1) % this.capacity;
      this.count--;
    }
    this.ring[(this.start + this.count) % this.capacity] = change;
    this.count++;
    this.last = change.seq;
  }

  /** Moves `last` on without a change (one this process dropped), so later ids stay comparable. */
  advance(seq: number): void {
    if (seq > this.last) this.last = seq;
  }

  /** Forgets everything: history before `seq` is gone (a reset). */
  clear(seq: number): void {
    this.ring.fill(undefined);
    this.start = 0;
    this.count = 0;
    this.floor = Math.max(this.last, seq);
    this.last = this.floor;
  }

  /** Every change of the app after `seq`, or null when some of them may be missing (or `seq` was never handed out here). */
  since(appId: string, seq: number): Change[] | null {
    if (!Number.isSafeInteger(seq) || seq > this.last || seq < this.floor) return null;
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.at(mid).seq <= seq) lo = mid + 1;
      else hi = mid;
    }
    const out: Change[] = [];
    for (let i = lo; i < this.count; i++) {
      const c = this.at(i);
      if (c.appId === appId) out.push(c);
    }
    return out;
  }

  private at(i: number): Change {
    return this.ring[(this.start + i) % this.capacity]!;
  }
}
