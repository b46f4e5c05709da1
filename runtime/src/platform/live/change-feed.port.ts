import type { AppDefinition } from '@tessera/schemas';
import type { StoredDoc } from '../../store/store.port';

/**
 * One change as the feed carries it, before any per-subscriber filtering: the full record (hidden
 * fields included) and the definition it was written under, so a subscriber's permissions can be
 * applied without another lookup. Never sent to a client as is.
 */
export type Change =
  | {
      seq: number;
      appId: string;
      kind: 'change';
      type: 'created' | 'updated' | 'deleted';
      entity: string;
      id: string;
      version: number;
      /** After the change (before it, for deletes). */
      record: StoredDoc;
      /** Before an update: decides whether a record left a subscriber's row scope. */
      before?: StoredDoc;
      definition: AppDefinition;
    }
  | { seq: number; appId: string; kind: 'published'; version: number };

export type ChangeInput = Change extends infer C ? (C extends Change ? Omit<C, 'seq'> : never) : never;

export type ChangeListener = (change: Change) => void;

/**
 * Where committed changes are published and live streams subscribe. Sequence ids grow
 * monotonically; `since(seq)` replays what a reconnecting client missed, or returns null when
 * that part of the history is gone (the client then gets a `reset`). The in-process
 * implementation is `memory.change-feed.ts`; docs/live-updates.md describes the multi-process one.
 */
export interface ChangeFeed {
  publish(change: ChangeInput): Change;
  /** Changes of one app, in order; returns the unsubscribe function. */
  subscribe(appId: string, listener: ChangeListener): () => void;
  /** Every change of the app after `seq` (exclusive), or null when they can no longer all be replayed. */
  since(appId: string, seq: number): Change[] | null;
  /** The last sequence id handed out. */
  readonly lastSeq: number;
}
