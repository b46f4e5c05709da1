import type { Store } from '@tessera/core/store';
import type { ChangeFeed } from './change-feed.port';
import type { ChangeContext } from './change-context';
import { LogChangeFeed, type LogFeedOptions } from './log.change-feed';

/**
 * The change feed on the store's change log, whatever the adapter: processes sharing the store
 * read each other's changes from it. Call `start()` once the platform is wired (it needs the
 * context's records).
 */
export function openChangeFeed(
  store: Store,
  ctx: ChangeContext,
  warn: (obj: object, msg: string) => void,
  options: LogFeedOptions = {},
): ChangeFeed {
  return new LogChangeFeed(store, ctx, warn, options);
}
