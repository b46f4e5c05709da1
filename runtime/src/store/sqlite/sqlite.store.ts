import Database from 'better-sqlite3';
import type { ChangeLog, Collection, CollectionSpec, Store } from '@tessera/core/store';
import { StoreError } from '@tessera/core/store';
import { checkCollectionName, emptySpec, sanitizeSpec } from '@tessera/core/store/shared';
import { createContext, type SqliteContext } from './sqlite.context';
import { SqliteCollection, type Runner } from './sqlite.collection';
import { StoreGate } from '@tessera/core/store/shared';
import { StatementCache } from './statement.cache';
import { ensureTable, planIndex } from './ensure-collection.sqlite';
import { ensureMeta, forget, listNames, readSpec } from './sqlite.meta';
import { registerRegexp } from './regexp.fn';
import { GroupCommit } from './group-commit.sqlite';
import { quoteIdent } from './sql.fields';
import { dropSearchIndexes, registerSearchWords } from './search-index.sqlite';
import { registerNotANumber } from './patch.sql';
import { ensureLog, SqliteLog } from './log.sqlite';
import { LogListeners } from '@tessera/core/store/shared';
import { sweepExpired } from './ttl.sqlite';
import { atomically } from './atomic.sqlite';
import { nowIso } from '@tessera/core/store/shared';

export interface SqliteStoreOptions {
  /** Database file; ':memory:' for tests. */
  file: string;
  /** How long an operation waits for an open transaction before failing (default 10 s). */
  transactionWaitMs?: number;
  /**
   * How much of the file SQLite may read through a memory map instead of read() calls
   * (default 1 GiB). A list page over a million rows touches thousands of pages; mapped, they
   * cost a memory access instead of a copy into the page cache, which halves such a query.
   * 0 turns it off (e.g. on a network file system, where SQLite advises against mmap).
   */
  mmapBytes?: number;
}

/** The memory map when none is asked for (also TESSERA_SQLITE_MMAP's default). */
export const DEFAULT_MMAP_BYTES = 1024 ** 3;

/**
 * The embedded adapter: one better-sqlite3 connection in WAL mode (readers never block the
 * writer; synchronous=NORMAL is durable across application crashes, and a power loss can only
 * lose the last transactions, never corrupt the file).
 */
export function createSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -32000');
  // Safe with WAL: SQLite maps only the database file, and writes still go through the WAL.
  db.pragma(`mmap_size = ${Math.max(0, Math.floor(options.mmapBytes ?? DEFAULT_MMAP_BYTES))}`);
  registerRegexp(db);
  registerSearchWords(db);
  registerNotANumber(db);
  ensureMeta(db);
  ensureLog(db);
  return new SqliteStore(db, options.transactionWaitMs);
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  readonly gate: StoreGate;
  readonly cache: StatementCache;
  private readonly holders = new Map<string, { ctx: SqliteContext }>();
  private readonly gated: Runner = (op) => this.gate.run(op);
  private readonly commits = new GroupCommit(this);
  /** `onAppend` subscribers, shared with the `tx` facades' logs. */
  readonly logListeners = new LogListeners();
  readonly log: ChangeLog;

  constructor(
    readonly db: Database.Database,
    transactionWaitMs?: number,
  ) {
    this.gate = new StoreGate(transactionWaitMs);
    this.cache = new StatementCache(db);
    this.log = new SqliteLog(db, this.cache, this.gated, this.logListeners);
  }

  /** Shared by the store and its `tx` facades; `run` decides whether to pass the gate. */
  async ensureWith(spec: CollectionSpec, run: Runner): Promise<Collection> {
    const clean = sanitizeSpec(spec);
    return run(() => {
      const indexFields = ensureTable(this.db, clean);
      const holder = this.holders.get(clean.name);
      if (holder) {
        holder.ctx.spec = clean;
        holder.ctx.indexFields = indexFields;
      } else {
        this.holders.set(clean.name, { ctx: createContext(this.db, clean, indexFields, this.cache) });
      }
      return this.collectionWith(clean.name, run);
    });
  }

  collectionWith(name: string, run: Runner): Collection {
    return new SqliteCollection(this.holder(name), run);
  }

  /** Expired documents of every collection, deleted (shared with the `tx` facade). */
  sweepWith(now: Date | undefined, run: Runner): Promise<number> {
    const at = nowIso(now);
    return Promise.resolve(
      run(() =>
        atomically(this.db, () =>
          sweepExpired(
            listNames(this.db).map((n) => this.holder(n).ctx),
            at,
          ),
        ),
      ),
    );
  }

  private holder(name: string): { ctx: SqliteContext } {
    checkCollectionName(name);
    let holder = this.holders.get(name);
    if (!holder) {
      const spec = readSpec(this.db, name);
      if (!spec) throw new StoreError(`collection "${name}" does not exist; call ensureCollection first`);
      const clean = (() => {
        try {
          return sanitizeSpec(spec);
        } catch {
          return emptySpec(name);
        }
      })();
      const indexFields = new Map(clean.indexes.map((ix) => planIndex(name, ix)).map((p) => [p.name, p.fields] as const));
      holder = { ctx: createContext(this.db, clean, indexFields, this.cache) };
      this.holders.set(name, holder);
    }
    return holder;
  }

  dropWith(name: string): void {
    checkCollectionName(name);
    this.db.transaction(() => {
      this.db.exec(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
      dropSearchIndexes(this.db, name);
      forget(this.db, name);
    })();
    this.holders.delete(name);
    this.cache.clear(); // statements on the dropped table would fail anyway
  }

  ensureCollection(spec: CollectionSpec): Promise<Collection> {
    return this.ensureWith(spec, this.gated);
  }

  collection(name: string): Collection {
    return this.collectionWith(name, this.gated);
  }

  async listCollections(): Promise<string[]> {
    return this.gate.run(() => listNames(this.db));
  }

  async dropCollection(name: string): Promise<void> {
    return this.gate.run(() => this.dropWith(name));
  }

  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    return this.commits.run(fn);
  }

  sweepExpired(now?: Date): Promise<number> {
    return this.sweepWith(now, this.gated);
  }

  async close(): Promise<void> {
    await this.gate.exclusive(async () => {
      if (this.db.open) this.db.close();
    });
  }
}
