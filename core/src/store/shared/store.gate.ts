import { StoreError } from '../store.errors';

interface Waiter {
  start(): void;
  fail(err: Error): void;
}

/**
 * Serializes transactions against everything else on one synchronous store (the SQLite
 * connection, the in-memory store).
 *
 * better-sqlite3 is synchronous (and so is the memory store), so a single operation is already atomic within the process.
 * A `transaction(fn)` with an async `fn` is not: between its awaits other code could run
 * statements on the same connection, and they would silently join (or read) the open
 * transaction. So while a transaction is open, every other operation of the store waits in one
 * FIFO queue; with none open (and nobody queued) operations run at once, synchronously.
 *
 * Calling the outer store (instead of `tx`) from inside `fn` would wait for `fn` forever. That
 * is not detected up front: doing so needs AsyncLocalStorage, and on Node 20 the first
 * `AsyncLocalStorage.run` switches on promise hooks for the whole process, making every `await`
 * ~3x slower from then on. Instead, when a transaction has held the connection for `waitMs`,
 * everything queued behind it fails with an error that names the mistake (one timer per
 * transaction, none per waiting operation: writes under load queue a lot).
 */
export class StoreGate {
  private busy = false;
  private readonly queue: Waiter[] = [];

  constructor(readonly waitMs = 10_000) {}

  run<T>(op: () => T): T | Promise<T> {
    if (!this.busy && this.queue.length === 0) return op();
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        start: () => {
          try {
            resolve(op());
          } catch (err) {
            reject(err);
          }
        },
        fail: reject,
      });
    });
  }

  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.busy = true;
        const watchdog = setTimeout(() => this.failQueued(), this.waitMs);
        let result: Promise<T>;
        try {
          result = fn();
        } catch (err) {
          result = Promise.reject(err);
        }
        result.then(resolve, reject).finally(() => {
          clearTimeout(watchdog);
          this.busy = false;
          this.drain();
        });
      };
      if (!this.busy && this.queue.length === 0) start();
      else this.queue.push({ start, fail: reject });
    });
  }

  /** Starts queued work in order until a transaction takes the connection again. */
  private drain(): void {
    while (!this.busy && this.queue.length > 0) this.queue.shift()!.start();
  }

  private failQueued(): void {
    const err = waitedTooLong(this.waitMs);
    for (const waiter of this.queue.splice(0)) waiter.fail(err);
  }
}

export function waitedTooLong(waitMs: number): StoreError {
  return new StoreError(
    `waited ${waitMs} ms for a transaction to end; inside transaction(fn) use the \`tx\` store it passes — the outer store waits until the transaction ends`,
  );
}
