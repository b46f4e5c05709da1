import { EventEmitter } from 'node:events';
import type { Change, ChangeListener } from './change-feed.port';
import { ChangeHistory } from './change-history';

/**
 * What every feed does with a change once its sequence id is final: keep it for replay and hand it
 * to the app's subscribers, in id order. Feeds differ only in where changes and ids come from.
 */
export class ChangeFanout {
  private readonly emitter = new EventEmitter();
  private readonly history: ChangeHistory;

  constructor(capacity: number, startSeq: number) {
    this.history = new ChangeHistory(capacity, startSeq);
    // Every live stream is a listener; the subscriber limits (live.routes.ts) bound them, not Node's warning.
    this.emitter.setMaxListeners(0);
  }

  get lastSeq(): number {
    return this.history.last;
  }

  deliver(change: Change): void {
    this.history.push(change);
    this.emitter.emit(change.appId, change);
  }

  /** A change this process does not deliver (its app or entity is gone) still moves the id on. */
  skip(seq: number): void {
    this.history.advance(seq);
  }

  /** History before `seq` is lost: every open stream is told to reload, and older ids get `reset` on reconnect. */
  reset(seq: number): void {
    this.history.clear(seq);
    const at = this.history.last;
    for (const appId of this.emitter.eventNames())
      this.emitter.emit(appId, { seq: at, appId: String(appId), kind: 'reset' } satisfies Change);
  }

  subscribe(appId: string, listener: ChangeListener): () => void {
    this.emitter.on(appId, listener);
    return () => this.emitter.off(appId, listener);
  }

  since(appId: string, seq: number): Change[] | null {
    return this.history.since(appId, seq);
  }
}
