import type { Change, ChangeFeed, ChangeInput, ChangeListener } from './change-feed.port';
import { ChangeFanout } from './change-fanout';

/**
 * The in-process change feed: changes are numbered as they are published and kept in a ring of
 * the last `capacity` for Last-Event-ID replay. Sequence ids start at the process start time in
 * microseconds, so ids of a restarted process are larger than any id an earlier process handed
 * out (given a clock that does not run backwards): a client reconnecting after a restart sends an
 * id older than the ring and gets a `reset` instead of a silently wrong replay. Used when the
 * store is neither SQLite nor MongoDB (and as the reference in the contract suite).
 */
export class MemoryChangeFeed implements ChangeFeed {
  private readonly fanout: ChangeFanout;

  constructor(capacity = 10_000, startSeq = Date.now() * 1000) {
    this.fanout = new ChangeFanout(capacity, startSeq);
  }

  get lastSeq(): number {
    return this.fanout.lastSeq;
  }

  async log(): Promise<void> {}

  publish(input: ChangeInput): Change {
    const change = { ...input, seq: this.fanout.lastSeq + 1 } as Change;
    this.fanout.deliver(change);
    return change;
  }

  subscribe(appId: string, listener: ChangeListener): () => void {
    return this.fanout.subscribe(appId, listener);
  }

  since(appId: string, seq: number): Change[] | null {
    return this.fanout.since(appId, seq);
  }

  async start(): Promise<void> {}

  async close(): Promise<void> {}
}
