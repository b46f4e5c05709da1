import mongoose, { type Connection } from 'mongoose';
import type { ChangeLog, Collection, CollectionSpec, Store } from '@tessera/core/store';
import { StoreError } from '@tessera/core/store';
import { checkCollectionName, sanitizeSpec, type SanitizedSpec } from '@tessera/core/store/shared';
import { LogListeners } from '@tessera/core/store/shared';
import { ensureMongoCollection } from './ensure-collection.mongo';
import { MongoCollection } from './mongo.collection';
import type { NativeCollection, Session } from './mongo.context';
import { ensureMongoLog, MongoLog } from './log.mongo';
import { inSession } from './transaction.mongo';
import { expiredQuery } from './ttl.mongo';

export interface MongoStoreOptions {
  uri: string;
  /** Database name when the URI has none (tests use one per run). */
  dbName?: string;
}

/**
 * The production adapter. Transactions use sessions (`withTransaction`), which need a replica
 * set or a sharded cluster; MongoDB may re-run the transaction callback on transient errors, so
 * `fn` must be safe to repeat apart from its writes through `tx`.
 */
export async function createMongoStore(options: MongoStoreOptions): Promise<MongoStore> {
  const conn = await mongoose.createConnection(options.uri, { dbName: options.dbName, autoIndex: false, autoCreate: false }).asPromise();
  await ensureMongoLog(conn.db!);
  return new MongoStore(conn);
}

interface Known {
  spec: SanitizedSpec | null;
  indexFields: Map<string, string[]>;
}

/** What a store and its `tx` facades share: the collections ensured in this process, the log's listeners. */
interface Shared {
  known: Map<string, Known>;
  listeners: LogListeners;
}

/** Collections of the adapter itself (the log): not listed. */
const INTERNAL = /^(system\.|__tessera_)/;

export class MongoStore implements Store {
  readonly kind = 'mongodb';
  readonly log: ChangeLog;
  private readonly known: Map<string, Known>;

  /** `session`, `shared` and `sink` are passed only for the `tx` facade. */
  constructor(
    readonly connection: Connection,
    private readonly session?: Session,
    private readonly shared: Shared = { known: new Map(), listeners: new LogListeners() },
    sink?: { appended(seq: number): void },
  ) {
    this.known = shared.known;
    const db = connection.db;
    if (!db) throw new StoreError('the MongoDB connection is closed');
    this.log = new MongoLog(db, session, (op) => inSession(session, () => connection.startSession(), op), shared.listeners, sink);
  }

  async ensureCollection(spec: CollectionSpec): Promise<Collection> {
    const clean = sanitizeSpec(spec);
    const indexFields = await ensureMongoCollection(this.connection, clean);
    this.known.set(clean.name, { spec: clean, indexFields });
    return this.collection(clean.name);
  }

  collection(name: string): Collection {
    checkCollectionName(name);
    const known = this.known.get(name) ?? { spec: null, indexFields: new Map() };
    const db = this.connection.db;
    if (!db) throw new StoreError('the MongoDB connection is closed');
    return new MongoCollection({
      name,
      coll: db.collection(name) as unknown as NativeCollection,
      session: this.session,
      indexFields: known.indexFields,
      arrayFields: known.spec?.arrayFields ?? new Set(),
      searchFields: known.spec?.search ?? [],
      expireField: known.spec?.expireField,
      startSession: () => this.connection.startSession(),
    });
  }

  async listCollections(): Promise<string[]> {
    const all = await this.connection.db!.listCollections({}, { nameOnly: true }).toArray();
    return all
      .map((c) => c.name)
      .filter((n) => !INTERNAL.test(n))
      .sort();
  }

  async dropCollection(name: string): Promise<void> {
    checkCollectionName(name);
    try {
      await this.connection.db!.dropCollection(name);
    } catch (err) {
      if ((err as { code?: number }).code !== 26) throw err; // 26: namespace not found
    }
    this.known.delete(name);
    if (this.connection.models[name]) this.connection.deleteModel(name);
  }

  /** Nested calls on a `tx` join the outer transaction (MongoDB has no savepoints). */
  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.session) return fn(this);
    const session = await this.connection.startSession();
    let appended = 0;
    try {
      let result!: T;
      await session.withTransaction(async () => {
        appended = 0; // the callback may run again after a transient error
        result = await fn(
          new MongoStore(this.connection, session, this.shared, { appended: (seq) => (appended = Math.max(appended, seq)) }),
        );
      });
      if (appended > 0) this.shared.listeners.notify(appended);
      return result;
    } finally {
      await session.endSession();
    }
  }

  /**
   * Deletes expired documents of the collections this process has ensured (MongoDB keeps no
   * specs of its own, so it cannot know another process's expire fields).
   */
  async sweepExpired(now: Date = new Date()): Promise<number> {
    const at = now.toISOString();
    let total = 0;
    for (const [name, { spec }] of this.known) {
      if (!spec?.expireField) continue;
      total += (await this.connection.db!.collection(name).deleteMany(expiredQuery(spec.expireField, at), { session: this.session }))
        .deletedCount;
    }
    return total;
  }

  async close(): Promise<void> {
    if (this.session) throw new StoreError('close the store, not a transaction');
    await this.connection.close();
  }
}
