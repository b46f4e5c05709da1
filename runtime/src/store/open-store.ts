import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
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
  const file = join(options.dataDir, 'tessera.db');
  ownerOnly(options.dataDir, file);
  return createSqliteStore({ file, mmapBytes: options.sqliteMmapBytes });
}

/**
 * The data holds password hashes, session and key digests and every customer record: only the
 * account the server runs as may read it. The folder is made 0700 and the database 0600 before
 * SQLite opens it (SQLite gives its -wal and -shm files the database's mode); files an older
 * version created with the umask's mode are narrowed at start.
 */
function ownerOnly(dataDir: string, file: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}
