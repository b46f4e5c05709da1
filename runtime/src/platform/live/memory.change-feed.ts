import { EventEmitter } from 'node:events';
import type { Change, ChangeFeed, ChangeInput, ChangeListener } from './change-feed.port';

/**
 * The in-process change feed: an EventEmitter per app plus a ring buffer of the last `capacity`
 * changes (all apps) for Last-Event-ID replay. Sequence ids start at the process start time in
 * microseconds, so ids of a restarted process are larger than any id an earlier process handed
 * out (given a clock that does not run backwards): a client reconnecting after a restart sends an
 * id older than the buffer and gets a `reset` instead of a silently wrong replay.
 */
export class MemoryChangeFeed implements ChangeFeed {
  private readonly emitter = new EventEmitter();
  private readonly ring: Array<Change | undefined>;
  private next: number;
  /** Sequence id of the oldest change still in the ring. */
  private oldest: number;

  constructor(private readonly capacity = 10_000, startSeq = Date.now() * 1000) {
    this.ring = new Array(capacity);
    this.next = startSeq + 1;
    this.oldest = this.next;
    // Every live stream is a listener; the subscriber limits (live.routes.ts) bound them, not Node's warning.
    this.emitter.setMaxListeners(0);
  }

  get lastSeq(): number {
    return this.next - 1;
  }

  publish(input: ChangeInput): Change {
    const change = { ...input, seq: this.next++ } as Change;
    this.ring[change.seq % this.capacity] = change;
    if (change.seq - this.oldest >= this.capacity) this.oldest = change.seq - this.capacity + 1;
    this.emitter.emit(change.appId, change);
    return change;
  }

  subscribe(appId: string, listener: ChangeListener): () => void {
    this.emitter.on(appId, listener);
    return () => this.emitter.off(appId, listener);
  }

  since(appId: string, seq: number): Change[] | null {
    if (!Number.isSafeInteger(seq) || seq > this.lastSeq) return null; // from another process life, or made up
    if (seq < this.oldest - 1) return null; // the changes right after it were overwritten
    const out: Change[] = [];
    for (let s = seq + 1; s <= this.lastSeq; s++) {
      const c = this.ring[s % this.capacity];
      if (c && c.seq === s && c.appId === appId) out.push(c);
    }
    return out;
  }
}
