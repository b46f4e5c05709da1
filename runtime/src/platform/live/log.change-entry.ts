import type { LogEntry } from '@tessera/core/store';
import type { RecordChange } from './change-feed.port';

/**
 * How record changes and published versions are written to the store's change log
 * (`Store.log`), so any writer (the records service through `ChangeFeed.log`, or a write
 * pipeline appending through `tx.log` itself) is read back the same way by every process's feed.
 * `origin` names the feed that appended the entry and will `publish` it itself; other writers
 * leave it out, and their entries are delivered from the log.
 */
export const RECORD_TOPIC = 'record';
export const PUBLISHED_TOPIC = 'published';
export const FEED_TOPICS: readonly string[] = [RECORD_TOPIC, PUBLISHED_TOPIC];

export type RecordEntryData = RecordChange & { origin?: string; cause?: string };
export interface PublishedEntryData {
  appId: string;
  version: number;
  origin?: string;
}

export function recordEntry(change: RecordChange & { cause?: string }, origin?: string): { topic: string; data: RecordEntryData } {
  return { topic: RECORD_TOPIC, data: origin ? { ...change, origin } : change };
}

export function publishedEntry(appId: string, version: number, origin?: string): { topic: string; data: PublishedEntryData } {
  return { topic: PUBLISHED_TOPIC, data: origin ? { appId, version, origin } : { appId, version } };
}

/** The origin of a feed entry, or undefined (another writer, or another topic). */
export function originOf(entry: LogEntry): string | undefined {
  const data = entry.data as { origin?: unknown } | null;
  return typeof data?.origin === 'string' ? data.origin : undefined;
}
