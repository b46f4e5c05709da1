import type { LogReadOptions } from '../store.port';
import { StoreError } from '../store.errors';

/** What every adapter's change log accepts (the port leaves names and bounds to the adapters; these are shared). */
const NAME = /^[A-Za-z0-9_.:-]{1,128}$/;
const MAX_TOPICS = 100;
export const DEFAULT_READ_LIMIT = 1000;
export const MAX_READ_LIMIT = 10_000;
/** One append holds at most this many entries (a batch of records is at most 1,000). */
export const MAX_APPEND = 10_000;

export function checkTopic(topic: unknown): string {
  if (typeof topic !== 'string' || !NAME.test(topic))
    throw new StoreError(`invalid log topic ${JSON.stringify(topic)}: use [A-Za-z0-9_.:-], 1..128 chars`);
  return topic;
}

export function checkConsumer(consumer: unknown): string {
  if (typeof consumer !== 'string' || !NAME.test(consumer))
    throw new StoreError(`invalid log consumer ${JSON.stringify(consumer)}: use [A-Za-z0-9_.:-], 1..128 chars`);
  return consumer;
}

/** A sequence number argument: a non-negative safe integer. */
export function checkSeq(seq: unknown, what = 'seq'): number {
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0)
    throw new StoreError(`${what} must be a non-negative integer, got ${JSON.stringify(seq)}`);
  return seq;
}

/**
 * Entries as they are stored: topic checked, data as JSON text (undefined is refused: JSON has
 * none). `append` returns the caller's data as given rather than parsing the text back: it is on
 * the path of every record write.
 */
export function encodeEntries(entries: Array<{ topic: string; data: unknown }>): Array<{ topic: string; json: string; data: unknown }> {
  if (!Array.isArray(entries)) throw new StoreError('append needs an array of entries');
  if (entries.length > MAX_APPEND) throw new StoreError(`append takes at most ${MAX_APPEND} entries`);
  return entries.map((e) => {
    const topic = checkTopic(e?.topic);
    const json = e.data === undefined ? undefined : JSON.stringify(e.data);
    if (json === undefined) throw new StoreError('a log entry needs JSON data (got undefined)');
    return { topic, json, data: e.data };
  });
}

export function readOptions(options: LogReadOptions = {}): { limit: number; topics: string[] | null } {
  const limit = options.limit ?? DEFAULT_READ_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_READ_LIMIT) throw new StoreError(`log read limit must be 1..${MAX_READ_LIMIT}`);
  const topics = options.topics ?? null;
  if (topics !== null) {
    if (!Array.isArray(topics) || topics.length > MAX_TOPICS) throw new StoreError(`topics must be an array of at most ${MAX_TOPICS}`);
    topics.forEach(checkTopic);
  }
  return { limit, topics };
}
