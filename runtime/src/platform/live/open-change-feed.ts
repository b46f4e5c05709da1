import type { Store } from '@tessera/core/store';
import { SqliteStore } from '../../store/sqlite/sqlite.store';
import type { MongoStore } from '../../store/mongodb/mongo.store';
import type { ChangeFeed } from './change-feed.port';
import type { ChangeContext } from './change-context';
import { MemoryChangeFeed } from './memory.change-feed';
import { SqliteChangeFeed } from './sqlite.change-feed';
import type { ChangeStreamDb } from './mongo.change-feed';

/**
 * The feed that fits the store: processes sharing a SQLite file read each other's changes from a
 * change log in it; processes sharing MongoDB watch a change stream; anything else stays in this
 * process. Call `start()` once the platform is wired (it needs the context's records).
 */
export function openChangeFeed(store: Store, ctx: ChangeContext, warn: (obj: object, msg: string) => void): ChangeFeed {
  if (store instanceof SqliteStore) return new SqliteChangeFeed(store, ctx, warn);
  if (store.kind === 'mongodb') {
    // require, not import: mongoose is loaded only when MongoDB is used (as in open-store.ts).
    const { MongoChangeFeed } = require('./mongo.change-feed') as typeof import('./mongo.change-feed');
    const db = (store as MongoStore).connection.db;
    if (!db) throw new Error('the MongoDB connection is not open');
    return new MongoChangeFeed(db as unknown as ChangeStreamDb, ctx, warn);
  }
  return new MemoryChangeFeed();
}
