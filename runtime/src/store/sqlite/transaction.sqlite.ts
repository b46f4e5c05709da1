import type { ChangeLog, Collection, CollectionSpec, Store } from '@tessera/core/store';
import { StoreError } from '@tessera/core/store';
import type { Runner } from './sqlite.collection';
import type { SqliteStore } from './sqlite.store';
import { SqliteLog } from './log.sqlite';

/**
 * The `Store` a transaction's `fn` works with: its operations run directly on the connection (the
 * gate is already held by the batch, see group-commit.sqlite.ts). Nested `tx.transaction` uses a
 * SAVEPOINT; nested calls are run one at a time.
 */
export class SqliteTx implements Store {
  readonly kind = 'sqlite';
  private live = true;
  private nested: Promise<unknown> = Promise.resolve();
  private readonly direct: Runner = (op) => {
    if (!this.live) throw new StoreError('this transaction has ended; its `tx` can no longer be used');
    return op();
  };

  /** The highest seq this transaction appended to the log (0: none); reported after the commit (onAppend). */
  appendedSeq = 0;
  readonly log: ChangeLog;

  constructor(
    private readonly store: SqliteStore,
    private readonly depth: number,
  ) {
    this.log = new SqliteLog(store.db, store.cache, this.direct, store.logListeners, {
      appended: (seq) => (this.appendedSeq = Math.max(this.appendedSeq, seq)),
    });
  }

  end(): void {
    this.live = false;
  }

  ensureCollection(spec: CollectionSpec): Promise<Collection> {
    return this.store.ensureWith(spec, this.direct);
  }

  collection(name: string): Collection {
    return this.store.collectionWith(name, this.direct);
  }

  async listCollections(): Promise<string[]> {
    return this.direct(() => this.store.db.prepare('SELECT name FROM "__tessera_collections" ORDER BY name').pluck().all() as string[]);
  }

  async dropCollection(name: string): Promise<void> {
    return this.direct(() => this.store.dropWith(name));
  }

  transaction<R>(fn: (tx: Store) => Promise<R>): Promise<R> {
    const run = async (): Promise<R> => {
      const sp = `tx_sp_${this.depth + 1}`;
      this.direct(() => this.store.db.exec(`SAVEPOINT ${sp}`));
      const inner = new SqliteTx(this.store, this.depth + 1);
      try {
        const result = await fn(inner);
        this.store.db.exec(`RELEASE ${sp}`);
        this.appendedSeq = Math.max(this.appendedSeq, inner.appendedSeq);
        return result;
      } catch (err) {
        this.store.db.exec(`ROLLBACK TO ${sp}`);
        this.store.db.exec(`RELEASE ${sp}`);
        throw err;
      } finally {
        inner.end();
      }
    };
    const p = this.nested.then(run, run);
    this.nested = p.catch(() => undefined);
    return p;
  }

  sweepExpired(now?: Date): Promise<number> {
    return this.store.sweepWith(now, this.direct);
  }

  async close(): Promise<void> {
    throw new StoreError('close the store, not a transaction');
  }
}
