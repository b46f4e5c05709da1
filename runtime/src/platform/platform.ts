import type { Logger } from 'pino';
import type { RuntimeConfig } from '../config';
import type { Store } from '../store/store.port';
import { Accounts } from './accounts';
import { Apps } from './apps';
import { Records } from './records';
import { PLATFORM_COLLECTIONS } from './platform-collections';

/** Everything a request handler or CLI command needs, wired once. */
export interface Platform {
  config: RuntimeConfig;
  store: Store;
  log: Logger;
  accounts: Accounts;
  apps: Apps;
  records: Records;
}

export async function createPlatform(config: RuntimeConfig, store: Store, log: Logger): Promise<Platform> {
  for (const spec of PLATFORM_COLLECTIONS) await store.ensureCollection(spec);
  const accounts = new Accounts(store, { sessionTtlHours: config.sessionTtlHours });
  const apps = new Apps(store);
  const records = new Records(store, apps, log);
  return { config, store, log, accounts, apps, records };
}
