import type { AppDefinition } from '@tessera/core';
import type { LogEntry, StoredDoc } from '@tessera/core/store';
import type { RecordChange } from '../platform/live/change-feed.port';
import type { Caller } from '../platform/policy/policy.types';

/**
 * Why records were written. Consumers may treat them differently: a publish's migration (a
 * backfill of defaults, records moving to a renamed entity or field) is followed by the new
 * version, on which every open app reloads anyway.
 */
export type CommitCause = 'write' | 'import' | 'migration';

/** The changes of one committed transaction, as every after-commit subscriber gets them. */
export interface CommittedBatch {
  appId: string;
  /** The definition the records were written under (for a migration: the one being published). */
  definition: AppDefinition;
  /** Who wrote them; null for Tessera itself (a publish's migration). */
  caller: Caller | null;
  cause: CommitCause;
  /** One per changed record, in the order they were written. */
  changes: RecordChange[];
  /** Their entries in the store's change log (same order): `seq` says where a log reader would find them. */
  entries: LogEntry[];
  /**
   * The changed records as the records API shows them to a reader of every row (computed fields
   * and rollups); deleted ones as they were stored. Worked out once per batch, on first call.
   */
  records(): Promise<StoredDoc[]>;
}

/**
 * Runs once a batch has committed and cannot undo it. Slow or must-not-miss work belongs in a
 * reader of the change log (`store.log.read` from a saved `position`), which sees the same
 * entries in commit order, from every process.
 */
export type CommitSubscriber = (batch: CommittedBatch) => void | Promise<void>;

/**
 * The in-process consumers of record commits (next: workflows, events, segments), keyed by name:
 * a subsystem plugs in with `add` and commit.ts does not change. A name registered twice throws,
 * like every registry here. The live feed is one ('live', platform/live/publish-committed.ts):
 * it delivers this process's changes from here and other processes' from the change log.
 */
export class CommitSubscribers {
  private readonly byName = new Map<string, CommitSubscriber>();

  constructor(private readonly warn: (obj: object, msg: string) => void = () => {}) {}

  /** Returns the function that removes it again. */
  add(name: string, subscriber: CommitSubscriber): () => void {
    if (this.byName.has(name)) throw new Error(`a commit subscriber named "${name}" is already registered`);
    this.byName.set(name, subscriber);
    return () => {
      if (this.byName.get(name) === subscriber) this.byName.delete(name);
    };
  }

  /**
   * Every subscriber in the order they were added, each awaited. One that fails is logged and the
   * others still run: the write stands, and its changes stay in the change log for whoever reads
   * it from there.
   */
  async notify(batch: CommittedBatch): Promise<void> {
    for (const [name, subscriber] of this.byName) {
      try {
        await subscriber(batch);
      } catch (err) {
        this.warn({ subscriber: name, appId: batch.appId, changes: batch.changes.length, err: String(err) }, 'a commit subscriber failed');
      }
    }
  }
}
