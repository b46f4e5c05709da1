import type { ChangeLog, Collection, CollectionSpec, Store } from '../store.port';
import { StoreError } from '../store.errors';
import { checkCollectionName } from '../shared/spec.validate';
import { StoreGate } from '../shared/store.gate';
import { compareText } from '../../query/sql-value.memory';
import type { Collections, MemoryContext } from './memory.context';
import { MemoryCollection } from './memory.collection';
import { ensureCollection } from './ensure-collection.memory';
import { sweepExpired } from './sweep-expired.memory';
import { copyLog, emptyLog, memoryChangeLog, type LogState } from './change-log.memory';

export interface MemoryStoreOptions {
  /** How long an operation waits for an open transaction before failing (default 10 s), as with SQLite. */
  transactionWaitMs?: number;
}

/** Everything the store holds; a transaction snapshots it and puts it back when `fn` throws. */
interface State {
  collections: Collections;
  log: LogState;
}

function snapshot(s: State): State {
  const collections: Collections = new Map();
  for (const [name, ctx] of s.collections) collections.set(name, { ...ctx, docs: new Map(ctx.docs) });
  return { collections, log: copyLog(s.log) };
}

/** Puts a snapshot back in place (the state object is shared by the store and every handle). */
function restore(s: State, snap: State): void {
  s.collections = snap.collections;
  s.log = snap.log;
}

interface Shared {
  state: State;
  gate: StoreGate;
  listeners: Set<(lastSeq: number) => void>;
  closed: boolean;
}

/**
 * The in-memory adapter: the whole port over maps, for the browser (the builder's preview, the
 * demo data) and tests. It answers every query as the SQLite adapter does (filter.memory.ts,
 * sort.memory.ts) and passes the same contract suite. Operations are synchronous, so each is
 * atomic; transactions hold the gate (everything else waits, as with SQLite's one connection)
 * and restore a snapshot when they throw.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): Store {
  const shared: Shared = {
    state: { collections: new Map(), log: emptyLog() },
    gate: new StoreGate(options.transactionWaitMs),
    listeners: new Set(),
    closed: false,
  };
  return new MemoryStore(shared, null);
}

/** A transaction's handle: its writes run directly (the gate is held) until the transaction ends. */
interface TxState {
  ended: boolean;
  appended: boolean;
}

class MemoryStore implements Store {
  readonly kind = 'memory';
  readonly log: ChangeLog;

  constructor(
    private readonly shared: Shared,
    private readonly tx: TxState | null,
  ) {
    this.log = memoryChangeLog({
      log: () => this.shared.state.log,
      run: (op) => this.run(op),
      appended: () => this.appended(),
      listeners: shared.listeners,
    });
  }

  private check(): void {
    if (this.shared.closed) throw new StoreError('the store is closed');
    if (this.tx?.ended) throw new StoreError('this transaction has ended; its tx store can no longer be used');
  }

  /** One synchronous operation: inside a transaction at once, outside through the gate. */
  run<T>(op: () => T): Promise<T> {
    try {
      if (this.tx) {
        this.check();
        return Promise.resolve(op());
      }
      return Promise.resolve(
        this.shared.gate.run(() => {
          this.check();
          return op();
        }),
      );
    } catch (err) {
      return Promise.reject(err);
    }
  }

  private appended(): void {
    if (this.tx) this.tx.appended = true;
    else this.announce();
  }

  private announce(): void {
    const last = this.shared.state.log.lastSeq;
    for (const l of [...this.shared.listeners]) l(last);
  }

  private context(name: string): MemoryContext {
    const ctx = this.shared.state.collections.get(name);
    if (!ctx) throw new StoreError(`collection "${name}" does not exist; call ensureCollection first`);
    return ctx;
  }

  private handle(name: string): Collection {
    return new MemoryCollection(name, { run: (op) => this.run(op), context: (n) => this.context(n) });
  }

  async ensureCollection(spec: CollectionSpec): Promise<Collection> {
    const name = await this.run(() => ensureCollection(this.shared.state.collections, spec));
    return this.handle(name);
  }

  collection(name: string): Collection {
    checkCollectionName(name);
    if (!this.tx?.ended) this.context(name); // an ended tx's handles fail on use instead

    return this.handle(name);
  }

  listCollections(): Promise<string[]> {
    return this.run(() => [...this.shared.state.collections.keys()].sort(compareText));
  }

  dropCollection(name: string): Promise<void> {
    return this.run(() => {
      checkCollectionName(name);
      this.shared.state.collections.delete(name);
    });
  }

  sweepExpired(now?: Date): Promise<number> {
    return this.run(() => sweepExpired(this.shared.state.collections, now));
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.tx) return this.nested(fn);
    return this.shared.gate.exclusive(async () => {
      this.check();
      const snap = snapshot(this.shared.state);
      const txState: TxState = { ended: false, appended: false };
      const tx = new MemoryStore(this.shared, txState);
      try {
        const result = await fn(tx);
        txState.ended = true;
        if (txState.appended) this.announce();
        return result;
      } catch (err) {
        txState.ended = true;
        restore(this.shared.state, snap);
        throw err;
      }
    });
  }

  /** A transaction inside one: its writes roll back alone when its `fn` throws. */
  private async nested<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    this.check();
    const snap = snapshot(this.shared.state);
    try {
      return await fn(this);
    } catch (err) {
      restore(this.shared.state, snap);
      throw err;
    }
  }

  async close(): Promise<void> {
    if (this.tx) return;
    await this.shared.gate.exclusive(async () => {
      this.shared.closed = true;
    });
  }
}
