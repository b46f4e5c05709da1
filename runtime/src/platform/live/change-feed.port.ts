import type { AppDefinition } from '@tessera/core';
import type { LogEntry, Store, StoredDoc } from '@tessera/core/store';

/** A committed change of one record, as the transaction that made it describes it (stored document, no definition). */
export interface RecordChange {
  appId: string;
  type: 'created' | 'updated' | 'deleted';
  entity: string;
  id: string;
  version: number;
  /** After the change (before it, for deletes). */
  record: StoredDoc;
  /** Before an update: decides whether a record left a subscriber's row scope. */
  before?: StoredDoc;
}

/**
 * One change as the feed carries it, before any per-subscriber filtering: the full record (hidden
 * fields included) and the definition it was written under, so a subscriber's permissions can be
 * applied without another lookup. Never sent to a client as is. `reset` means the feed lost part
 * of its history (a reader fell too far behind): subscribers reload everything.
 */
export type Change = (ChangeInput & { seq: number }) | { seq: number; appId: string; kind: 'reset' };

/** What writers publish: a record change with the definition it was written under, or a new published version. */
export type ChangeInput =
  (RecordChange & { kind: 'change'; definition: AppDefinition }) | { appId: string; kind: 'published'; version: number };

export type ChangeListener = (change: Change) => void;

/**
 * Where committed changes are published and live streams subscribe. Sequence ids grow
 * monotonically; `since(seq)` replays what a reconnecting client missed, or returns null when
 * that part of the history is gone (the client then gets a `reset`). The implementation is
 * `log.change-feed.ts`, on the store's change log (any adapter, any number of processes);
 * docs/live-updates.md explains it.
 */
export interface ChangeFeed {
  /**
   * Called by writers inside the store transaction that makes the changes, before it commits. A
   * feed shared by several processes appends them to its log here, so they commit or roll back
   * with the records; the others do nothing.
   */
  log(tx: Store, changes: Array<RecordChange & { cause?: string }>): Promise<LogEntry[]>;
  /**
   * Called after the commit, with the record as the API returns it (computed fields, rollups): a
   * change this process logged is delivered from here, without reading the log back and working
   * out its record again. One that never comes (a subscriber failed) is delivered from the log.
   */
  publish(change: ChangeInput): void;
  /** Changes of one app, in order; returns the unsubscribe function. */
  subscribe(appId: string, listener: ChangeListener): () => void;
  /** Every change of the app after `seq` (exclusive), or null when they can no longer all be replayed. */
  since(appId: string, seq: number): Change[] | null;
  /** The last sequence id this process has delivered. */
  readonly lastSeq: number;
  /** Starts following other processes' changes (once, at startup). */
  start(): Promise<void>;
  /** Stops following; call before closing the store. */
  close(): Promise<void>;
}

/** Identifies one record change between `log` (in the transaction) and `publish` (after the commit). */
export function changeKey(c: Pick<RecordChange, 'appId' | 'entity' | 'id' | 'type' | 'version'>): string {
  return `${c.appId}\n${c.entity}\n${c.id}\n${c.type}\n${c.version}`;
}
