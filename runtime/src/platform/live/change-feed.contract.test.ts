import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createSqliteStore } from '../../store/sqlite/sqlite.store';
import type { Store } from '@tessera/core/store';
import { CONTRACT_COLLECTIONS, describeChangeFeedContract } from './change-feed.contract';
import { LogChangeFeed } from './log.change-feed';

async function ensure(store: Store): Promise<Store> {
  for (const spec of CONTRACT_COLLECTIONS) await store.ensureCollection(spec);
  return store;
}

describeChangeFeedContract('one process (SQLite in memory)', async (ctx) => {
  const store = await ensure(createSqliteStore({ file: ':memory:' }));
  const feed = new LogChangeFeed(store, ctx, undefined, { pollMs: 20 });
  await feed.start();
  return {
    store,
    feed,
    async close() {
      await feed.close();
      await store.close();
    },
  };
});

describeChangeFeedContract(
  'two processes on one SQLite file',
  async (ctx) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-feed-'));
    const file = path.join(dir, 'tessera.db');
    const sides = await Promise.all(
      [0, 1].map(async () => {
        const store = createSqliteStore({ file });
        await ensure(store);
        return { store, feed: new LogChangeFeed(store, ctx, undefined, { pollMs: 20 }) };
      }),
    );
    for (const s of sides) await s.feed.start();
    return {
      ...sides[0],
      peer: sides[1],
      async close() {
        for (const s of sides) {
          await s.feed.close();
          await s.store.close();
        }
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  { shared: true },
);

const mongoUri = process.env.TESSERA_TEST_MONGODB_URI;
if (mongoUri) {
  // Two connections to one fresh database (a replica set: transactions need one).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when MongoDB is used, so SQLite users never load mongoose
  const { createMongoStore } = require('../../store/mongodb/mongo.store') as typeof import('../../store/mongodb/mongo.store');
  describeChangeFeedContract(
    'two processes on MongoDB',
    async (ctx) => {
      const dbName = `tessera_feed_${randomBytes(6).toString('hex')}`;
      const sides = await Promise.all(
        [0, 1].map(async () => {
          const store = await createMongoStore({ uri: mongoUri, dbName });
          return { store, feed: new LogChangeFeed(store, ctx, undefined, { pollMs: 20 }) };
        }),
      );
      for (const s of sides) await ensure(s.store);
      for (const s of sides) await s.feed.start();
      return {
        ...sides[0],
        peer: sides[1],
        async close() {
          for (const s of sides) await s.feed.close();
          await sides[0].store.connection.dropDatabase();
          for (const s of sides) await s.store.close();
        },
      };
    },
    { shared: true },
  );
} else {
  console.log('MongoDB change feed contract skipped: TESSERA_TEST_MONGODB_URI is unset');
}
