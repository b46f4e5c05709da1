import { loadConfig, type RuntimeConfig } from '../config';
import { createLogger } from '../logger';
import { openStore } from '../store';
import { createPlatform, type Platform } from '../platform/platform';
import { createHttpApp, listen } from '../http/server';
import { drainServer, trackRequests } from '../http/drain';
import { firstStart } from '../bootstrap';
import { upgradeStorage } from '../platform/storage-migration';
import type { AppDefinition } from '@tessera/core';
import type { Server } from 'node:http';

export interface Running {
  platform: Platform;
  server: Server;
  url: string;
  stop(): Promise<void>;
}

/** Opens the store, prepares the platform (first start: admin + examples) and serves HTTP. */
async function publishedApps(platform: Platform): Promise<Array<{ definition: AppDefinition; version: number }>> {
  const out: Array<{ definition: AppDefinition; version: number }> = [];
  for (const app of await platform.apps.list()) {
    const published = await platform.apps.getPublished(app.id, { fresh: true });
    if (published) out.push(published);
  }
  return out;
}

export async function startTessera(overrides: Partial<RuntimeConfig> = {}, print: (line: string) => void = console.log): Promise<Running> {
  const config = loadConfig(process.env, overrides);
  const log = createLogger(config.logLevel);
  const store = await openStore({ url: config.dbUrl, dataDir: config.dataDir, sqliteMmapBytes: config.sqliteMmapBytes });
  const platform = await createPlatform(config, store, log);
  platform.credentials.prepare(); // the vault's key: generated (with a warning) or checked now, not at the first request
  // The admin and the examples, or what a first start cut short left undone; afterwards, upgrades.
  if (!(await firstStart(platform, print))) await upgradeStorage(store, await publishedApps(platform), print, platform.quarantine);
  // Publishes cut short by a crash: their entities take no writes until the job is finished.
  await platform.apps.publishing.fenceUnfinished();
  const server = await listen(createHttpApp(platform), config.port, config.host);
  const requests = trackRequests(server);
  platform.jobs.run(); // claims due jobs, and takes back those of workers that died (a publish cut short resumes here)
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  let stopped = false;
  return {
    platform,
    server,
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      // Requests in flight are answered (up to the grace), live streams end; then the workers and the store.
      await drainServer(server, requests, { graceMs: config.shutdownGraceMs, endStreams: () => platform.liveLimits.endAll() });
      await platform.jobs.stop(); // running imports stop after their current batch, as `interrupted`
      await platform.feed.close();
      await platform.connectors.close(); // pooled connections to customers' APIs
      await store.close();
    },
  };
}
