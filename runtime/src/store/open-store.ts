import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '@tessera/core/store';
import { createSqliteStore } from './sqlite/sqlite.store';

export interface OpenStoreOptions {
  /** `mongodb://…` or `mongodb+srv://…` selects MongoDB (usually from TESSERA_DB); anything else, the embedded store. */
  url?: string;
  /** Where the embedded store keeps `tessera.db`; created when missing. */
  dataDir: string;
  /** The embedded store's memory map (see SqliteStoreOptions.mmapBytes). */
  sqliteMmapBytes?: number;
}

/** Picks the adapter from configuration. mongoose is loaded only when MongoDB is asked for. */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const url = options.url?.trim();
  if (url && /^mongodb(\+srv)?:\/\//.test(url)) {
    // require, not import(): keeps this module CommonJS-resolvable under jest and tsx alike.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when MongoDB is used, so SQLite users never load mongoose
    const { createMongoStore } = require('./mongodb/mongo.store') as typeof import('./mongodb/mongo.store');
    return createMongoStore({ uri: url });
  }
  mkdirSync(options.dataDir, { recursive: true });
  return createSqliteStore({ file: join(options.dataDir, 'tessera.db'), mmapBytes: options.sqliteMmapBytes });
}
