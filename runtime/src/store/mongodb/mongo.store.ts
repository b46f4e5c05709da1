import mongoose, { type Connection } from 'mongoose';
import type { Collection, CollectionSpec, Store } from '@tessera/core/store';
import { StoreError } from '@tessera/core/store';
import { checkCollectionName, sanitizeSpec, type SanitizedSpec } from '@tessera/core/store/shared';
import { ensureMongoCollection } from './ensure-collection.mongo';
import { MongoCollection } from './mongo.collection';
import type { NativeCollection, Session } from './mongo.context';

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
  return new MongoStore(conn);
}

interface Known { spec: SanitizedSpec | null; indexFields: Map<string, string[]> }

export class MongoStore implements Store {
  readonly kind = 'mongodb';

  /** `session` and `known` are passed only for the `tx` facade, which shares what the store knows. */
  constructor(readonly connection: Connection, private readonly session?: Session, private readonly known = new Map<string, Known>()) {}

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
      startSession: () => this.connection.startSession(),
    });
  }

  async listCollections(): Promise<string[]> {
    const all = await this.connection.db!.listCollections({}, { nameOnly: true }).toArray();
    return all.map((c) => c.name).filter((n) => !n.startsWith('system.')).sort();
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
    try {
      let result!: T;
      await session.withTransaction(async () => {
        result = await fn(new MongoStore(this.connection, session, this.known));
      });
      return result;
    } finally {
      await session.endSession();
    }
  }

  async close(): Promise<void> {
    if (this.session) throw new StoreError('close the store, not a transaction');
    await this.connection.close();
  }
}
