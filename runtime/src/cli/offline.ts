import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { openStore } from '../store';
import { createPlatform, type Platform } from '../platform/platform';

/** Runs a CLI command against the data directory directly, without a server. */
export async function withPlatform<T>(dataDir: string | undefined, fn: (platform: Platform) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env, dataDir ? { dataDir } : {});
  const store = await openStore({ url: config.dbUrl, dataDir: config.dataDir, sqliteMmapBytes: config.sqliteMmapBytes });
  let platform: Platform | undefined;
  try {
    platform = await createPlatform(config, store, createLogger('warn'));
    return await fn(platform);
  } finally {
    await platform?.feed.close();
    await store.close();
  }
}
