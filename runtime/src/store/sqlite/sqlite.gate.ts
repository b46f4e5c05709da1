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
 * Calling the outer store (instead of `tx`) from inside `fn` would wait for `fn` forever. That
 * is not detected up front: doing so needs AsyncLocalStorage, and on Node 20 the first
 * `AsyncLocalStorage.run` switches on promise hooks for the whole process, making every `await`
 * ~3x slower from then on. Instead a wait longer than `waitMs` fails with an error that names the
 * mistake, and the transaction rolls back.
 */
export class SqliteGate {
  private tail: Promise<void> = Promise.resolve();
  private holders = 0;

  constructor(private readonly waitMs = 10_000) {}

  run<T>(op: () => T): T | Promise<T> {
    if (this.holders === 0) return op();
    return this.queued(op);
  }

  private async queued<T>(op: () => T): Promise<T> {
    const deadline = Date.now() + this.waitMs;
    // Re-check after every wake-up: another transaction may have been queued meanwhile.
    while (this.holders > 0) await this.waitFor(this.tail, deadline);
    return op();
  }

  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.waitMs;
    this.holders++;
    const prev = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((r) => (release = r));
    try {
      await this.waitFor(prev, deadline);
      return await fn();
    } finally {
      this.holders--;
      release();
    }
  }

  private waitFor(turn: Promise<void>, deadline: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new StoreError(
              `waited ${this.waitMs} ms for a transaction to end; inside transaction(fn) use the \`tx\` store it passes — the outer store waits until the transaction ends`,
            ),
          ),
        Math.max(0, deadline - Date.now()),
      );
    });
    return Promise.race([turn, timeout]).finally(() => clearTimeout(timer));
  }
}
