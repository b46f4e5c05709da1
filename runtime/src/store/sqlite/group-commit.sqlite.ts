import { mapStoreError } from './sqlite.errors';
import type { Store } from '@tessera/core/store';
import { SqliteTx } from './transaction.sqlite';
import type { SqliteStore } from './sqlite.store';
import { waitedTooLong } from '@tessera/core/store/shared';

interface Pending {
  fn: (tx: Store) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

/** A batch commits after this many transactions or this long, so reads queued behind it are not starved. */
const MAX_BATCH = 128;
const MAX_BATCH_MS = 25;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Group commit: concurrent `transaction(fn)` calls share one SQLite transaction.
 *
 * Why: each COMMIT writes every page the transaction dirtied to the WAL — for a record create
 * that is the table's leaf, one leaf per index and the audit log's pages, ~10 frames for one
 * small row. Under load most of a create's cost was its own COMMIT. Here the transactions that
 * arrive while one is open run one after another inside the same BEGIN … COMMIT, each in its own
 * SAVEPOINT, so they share the dirty pages and the COMMIT:
 * - a failing `fn` rolls back to its savepoint only; its caller gets the error, the others go on;
 * - nobody's promise settles before the COMMIT that made its writes durable; if the COMMIT itself
 *   fails, every transaction of the batch gets that error and none of them was written;
 * - the transactions still run strictly one at a time and see each other's writes in order, as
 *   if committed serially (which they are, in one step).
 * When the queue is empty the batch gives the event loop one turn (requests already read join in)
 * and commits; an idle server therefore pays one `setImmediate` per transaction, no timer.
 */
export class GroupCommit {
  private readonly pending: Pending[] = [];
  private scheduled = false;

  constructor(private readonly store: SqliteStore) {}

  run<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    void this.store.gate.exclusive(() => this.batch());
  }

  /** Runs with the gate held: one BEGIN … COMMIT around as many pending transactions as allowed. */
  private async batch(): Promise<void> {
    const { cache, db } = this.store;
    const done: { item: Pending; result: unknown }[] = [];
    let appended = 0;
    const started = performance.now();
    let yielded = false;
    try {
      cache.get('BEGIN IMMEDIATE').run();
    } catch (err) {
      this.scheduled = false;
      for (const item of this.pending.splice(0)) item.reject(mapStoreError(err));
      return;
    }
    // Transactions queued behind a batch that takes this long are failed, like the gate's queue:
    // most likely an `fn` awaits `store.transaction` (the outer store) and would wait forever.
    const watchdog = setTimeout(() => {
      for (const item of this.pending.splice(0)) item.reject(waitedTooLong(this.store.gate.waitMs));
    }, this.store.gate.waitMs);
    while (done.length < MAX_BATCH && performance.now() - started < MAX_BATCH_MS) {
      const item = this.pending.shift();
      if (!item) {
        if (yielded) break;
        yielded = true;
        await yieldToEventLoop();
        continue;
      }
      const tx = new SqliteTx(this.store, 0);
      cache.get('SAVEPOINT gc').run();
      try {
        const result = await item.fn(tx);
        cache.get('RELEASE gc').run();
        done.push({ item, result });
        appended = Math.max(appended, tx.appendedSeq);
      } catch (err) {
        cache.get('ROLLBACK TO gc').run();
        cache.get('RELEASE gc').run();
        item.reject(mapStoreError(err));
      } finally {
        tx.end();
      }
    }
    clearTimeout(watchdog);
    // Later arrivals start the next batch through the gate, behind the operations already queued.
    this.scheduled = false;
    if (this.pending.length > 0) this.schedule();
    try {
      cache.get('COMMIT').run();
    } catch (err) {
      if (db.inTransaction) cache.get('ROLLBACK').run();
      for (const { item } of done) item.reject(mapStoreError(err));
      return;
    }
    for (const { item, result } of done) item.resolve(result);
    if (appended > 0) this.store.logListeners.notify(appended);
  }
}
