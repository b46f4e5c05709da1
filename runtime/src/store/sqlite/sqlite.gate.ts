import { AsyncLocalStorage } from 'node:async_hooks';
import { StoreError } from '../store.errors';

/**
 * Serializes transactions against everything else on the one SQLite connection.
 *
 * better-sqlite3 is synchronous, so a single operation is already atomic within the process.
 * A `transaction(fn)` with an async `fn` is not: between its awaits other code could run
 * statements on the same connection, and they would silently join (or read) the open
 * transaction. So while a transaction is open or queued, every other operation of the store
 * waits for it (FIFO). With no transaction open, operations run immediately and synchronously:
 * the hot path pays one counter check.
 *
 * Calling the outer store from inside `fn` would wait for `fn` forever; AsyncLocalStorage
 * detects that and throws instead of deadlocking.
 */
export class SqliteGate {
  private tail: Promise<void> = Promise.resolve();
  private holders = 0;
  private active: object | null = null;
  private readonly als = new AsyncLocalStorage<object>();

  run<T>(op: () => T): T | Promise<T> {
    if (this.holders === 0) return op();
    this.refuseReentry();
    return this.tail.then(op);
  }

  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (this.holders > 0) this.refuseReentry();
    this.holders++;
    const prev = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((r) => (release = r));
    try {
      await prev;
      const token = {};
      this.active = token;
      return await this.als.run(token, fn);
    } finally {
      this.active = null;
      this.holders--;
      release();
    }
  }

  private refuseReentry(): void {
    if (this.active !== null && this.als.getStore() === this.active) {
      throw new StoreError('inside transaction(fn) use the `tx` store it passes; the outer store waits until the transaction ends');
    }
  }
}
