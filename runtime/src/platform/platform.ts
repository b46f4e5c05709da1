import type { Logger } from 'pino';
import type { RuntimeConfig } from '../config';
import type { Store } from '@tessera/core/store';
import { Accounts } from './accounts';
import { Apps } from './apps';
import { Records } from '../records/records';
import { createCommit, type Commit } from '../records/commit';
import { CommitSubscribers } from '../records/commit-subscribers';
import { PLATFORM_COLLECTIONS } from './platform-collections';
import { Memberships } from './members/memberships';
import { Access } from './members/access';
import type { ChangeFeed } from './live/change-feed.port';
import { openChangeFeed } from './live/open-change-feed';
import { LogConsumers } from './log-consumers';
import { platformChangeContext } from './live/change-context';
import { ImportJobs } from './csv/import-jobs';
import { Quarantine } from './quarantine';
import { importRunner } from './csv/csv-import';
import { Jobs } from '../jobs';
import { WriteGate } from './publishing/write-gate';
import { Views } from './views/views';
import { dropAudit } from './audit/audit-log';
import { LiveLimits } from './live/live-limits';
import { publishCommitted } from './live/publish-committed';
import { StorageHealth } from './storage-health';
import { Credentials } from './credentials/credentials';
import { openKeyring } from './credentials/open-keyring';
import { Connectors } from './connectors/connectors';
import { storeWebhookEvents, type WebhookEvents } from './webhooks/webhook-events';

/** Everything a request handler or CLI command needs, wired once. */
export interface Platform {
  config: RuntimeConfig;
  store: Store;
  log: Logger;
  accounts: Accounts;
  apps: Apps;
  records: Records;
  /** Every record write goes through it; `commitSubscribers.add` plugs in a consumer of committed changes. */
  commit: Commit;
  commitSubscribers: CommitSubscribers;
  memberships: Memberships;
  access: Access;
  feed: ChangeFeed;
  /** Durable readers of the change log register here, so the entries they have not read are kept. */
  logConsumers: LogConsumers;
  /** The durable job queue: this process's worker (started by `tessera start`). */
  jobs: Jobs;
  /** Record writes wait here while a publish moves their entity's data. */
  writes: WriteGate;
  imports: ImportJobs;
  views: Views;
  liveLimits: LiveLimits;
  /** App versions not served because their storage could not be brought up to date at start (health reports them). */
  quarantine: Quarantine;
  /** Whether writes fail for a full disk (health reports it). */
  storageHealth: StorageHealth;
  /** The credentials vault: secrets connections name by reference, encrypted at rest. */
  credentials: Credentials;
  /** Installed connectors and calls of connection operations. */
  connectors: Connectors;
  /** Inbound webhook deliveries, stored before they are acknowledged; workflow triggers consume them. */
  webhookEvents: WebhookEvents;
}

export async function createPlatform(config: RuntimeConfig, store: Store, log: Logger): Promise<Platform> {
  for (const spec of PLATFORM_COLLECTIONS) await store.ensureCollection(spec);
  const accounts = new Accounts(store, { sessionTtlHours: config.sessionTtlHours });
  const memberships = new Memberships(store, accounts);
  const views = new Views(store);
  const credentials = new Credentials(store, () => openKeyring(config, (msg) => log.warn(msg)));
  const connectors: Connectors = new Connectors(store, (): Apps => apps, credentials, { outboundAllow: config.outboundAllow ?? '' });
  await connectors.start();
  const jobs = new Jobs(store);
  const writes = new WriteGate();
  const commitSubscribers = new CommitSubscribers((obj, msg) => log.warn(obj, msg));
  // The live feed writes the change log entries (declared below, used only once writes begin).
  const commit = createCommit(store, commitSubscribers, jobs.owner, (tx, changes) => feed.log(tx, changes));
  const apps = new Apps(
    store,
    commit,
    {
      onPublished: (appId, version) => feed.publish({ appId, kind: 'published', version }),
      // Whatever belongs to an app and nothing else goes with it.
      onDeleted: async (appId) => {
        await memberships.removeApp(appId);
        await views.removeApp(appId);
        await credentials.removeApp(appId);
        await dropAudit(store, appId);
      },
      connectors: connectors.catalogue,
    },
    jobs,
    writes,
  );
  // On the store's change log: several processes sharing the store see each other's changes.
  const logConsumers = new LogConsumers();
  const feed = openChangeFeed(
    store,
    platformChangeContext(apps, () => records),
    (obj, msg) => log.warn(obj, msg),
    { consumers: () => logConsumers.list() },
  );
  const quarantine = new Quarantine();
  const records = new Records(store, apps, commit, log, quarantine);
  commitSubscribers.add('live', (batch) => publishCommitted(feed, batch));
  const storageHealth = new StorageHealth();
  commitSubscribers.add('storage-health', () => storageHealth.committed());
  await feed.start();
  const access = new Access(memberships);
  const imports = new ImportJobs(jobs, importRunner({ records, accounts, access, writes }));
  return {
    config,
    store,
    log,
    accounts,
    apps,
    records,
    commit,
    commitSubscribers,
    memberships,
    access,
    feed,
    logConsumers,
    jobs,
    writes,
    imports,
    views,
    liveLimits: new LiveLimits(),
    storageHealth,
    quarantine,
    credentials,
    connectors,
    webhookEvents: storeWebhookEvents(store),
  };
}
